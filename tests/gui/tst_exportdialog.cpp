// File > Export... through the window on a real sandbox: all contacts, the list's search, or
// the selection, to CSV with the chosen columns or to vCard 4.0, into the file the prompt gives.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "ui/mapping/exportdialog.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QStatusBar>
#include <QTest>

using namespace AppFlowTest;
using ContactDesk::Ui::ExportDialog;
using ContactDesk::Ui::FilePrompts;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// CSV lines after the header (no field of the seeded contacts holds a line break).
int recordLines(const QByteArray& csv)
{
    return int(csv.count("\r\n")) - 1;
}

ExportDialog* openExport(AppFlow& flow, const QString& path)
{
    FilePrompts prompts;
    prompts.save
        = [path](QWidget*, const QString&, const QString&, const QString&) { return path; };
    flow.window.setFilePrompts(prompts);
    QAction* action = flow.window.action(QStringLiteral("exportAction"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    return flow.openDialog<ExportDialog>();
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allContactsToCsvWithChosenColumns()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString path = flow.dir.filePath(QStringLiteral("all.csv"));
        ExportDialog* dialog = openExport(flow, path);
        QVERIFY(dialog);
        auto* all = dialog->findChild<QRadioButton*>(QStringLiteral("exportAll"));
        QVERIFY(all->isChecked());
        // The list is not narrowed and nothing is selected: those scopes are not offered.
        QVERIFY(!dialog->findChild<QRadioButton*>(QStringLiteral("exportShown"))->isEnabled());
        auto* columns = dialog->findChild<QListWidget*>(QStringLiteral("exportColumns"));
        QVERIFY(columns->count() > 3);
        // Only the email and the tags.
        for (int row = 0; row < columns->count(); ++row) {
            const QString title = columns->item(row)->text();
            const bool keep = title.contains(QStringLiteral("mail"), Qt::CaseInsensitive)
                || title.compare(QStringLiteral("Tags"), Qt::CaseInsensitive) == 0;
            columns->item(row)->setCheckState(keep ? Qt::Checked : Qt::Unchecked);
        }
        QVERIFY(press(dialog, "okButton"));
        QTRY_VERIFY(!dialog->isVisible() || !flow.window.findChild<ExportDialog*>());
        const QByteArray csv = readAll(path);
        QCOMPARE(recordLines(csv), flow.seededContacts);
        const QByteArray header = csv.left(csv.indexOf("\r\n"));
        QCOMPARE(header.count(','), 1);
        QVERIFY2(flow.window.statusBar()->currentMessage().contains(
                     QStringLiteral("%1 contacts").arg(flow.seededContacts)),
            qPrintable(flow.window.statusBar()->currentMessage()));
    }

    void searchAndSelectionToVCard()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        // The selection: two contacts.
        const QString first = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(first));
        flow.list()->view()->selectionModel()->select(
            flow.model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(flow.list()->selectedCount(), 2);
        const QString path = flow.dir.filePath(QStringLiteral("chosen.vcf"));
        ExportDialog* dialog = openExport(flow, path);
        QVERIFY(dialog);
        auto* selected = dialog->findChild<QRadioButton*>(QStringLiteral("exportSelected"));
        QVERIFY(selected->isEnabled());
        QVERIFY(selected->isChecked());
        dialog->findChild<QRadioButton*>(QStringLiteral("exportVCard"))->setChecked(true);
        QVERIFY(!dialog->findChild<QListWidget*>(QStringLiteral("exportColumns"))->isEnabled());
        QVERIFY(press(dialog, "okButton"));
        const QByteArray cards = readAll(path);
        QCOMPARE(int(cards.count("BEGIN:VCARD")), 2);
        QVERIFY(cards.contains("VERSION:4.0"));

        // The search: what the list shows.
        const QString email = flow.model()
                                  ->index(0, ContactDesk::Ui::ContactListModel::Email)
                                  .data(ContactDesk::Ui::ContactListModel::SortRole)
                                  .toString();
        QVERIFY(!email.isEmpty());
        flow.list()->setSearchDelay(0);
        QVERIFY(type(&flow.window, "contactSearchField", email));
        QTRY_COMPARE(flow.model()->rowCount(), 1);
        const QString searched = flow.dir.filePath(QStringLiteral("search.csv"));
        dialog = openExport(flow, searched);
        QVERIFY(dialog);
        auto* shown = dialog->findChild<QRadioButton*>(QStringLiteral("exportShown"));
        QVERIFY(shown->isEnabled());
        QVERIFY2(shown->text().contains(email), qPrintable(shown->text()));
        shown->setChecked(true);
        QVERIFY(press(dialog, "okButton"));
        const QByteArray csv = readAll(searched);
        QCOMPARE(recordLines(csv), 1);
        QVERIFY(csv.contains(email.toUtf8()));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
