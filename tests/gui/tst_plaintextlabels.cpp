// Text from the server or a file is shown as the characters it holds: a contact named
// `<img src=...>` renders as those characters in every label of the detail pane, never as markup.
#include "detailfixture.h"
#include "ui/detail/contactdetailpane.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace DetailFixture;

namespace {

const QString kId = QStringLiteral("hostile01");
const QString kMarkup = QStringLiteral("<img src=\"file:///etc/passwd\">");
const QString kBold = QStringLiteral("<b>Boss</b>");

} // namespace

class TestPlainTextLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detailPaneShowsMarkupAsCharacters();
};

void TestPlainTextLabels::detailPaneShowsMarkupAsCharacters()
{
    TempCache cache;
    QVERIFY2(cache.isOpen(), qPrintable(cache.opened.message));
    Api::Contact c = contact(kId, kMarkup, kBold, QStringLiteral("a<i>@example.com"),
        QStringLiteral("+15551230009"), {QStringLiteral("<u>tag</u>")});
    c.companyName = QStringLiteral("<a href=\"https://evil.example\">Acme</a>");
    c.address1 = QStringLiteral("<h1>Main St</h1>");
    c.city = QStringLiteral("<s>Springfield</s>");
    QVERIFY(cache.contacts.upsertFromServer({c}));
    const qint64 now = cache.clock.nowMs();
    QVERIFY(cache.children.replaceTasks(kId,
        {task(QStringLiteral("tk01"), kId, QStringLiteral("<b>Call</b>"), utcMs(now + dayMs))},
        now));
    QVERIFY(cache.children.replaceNotes(
        kId, {note(QStringLiteral("nt01"), kId, kMarkup, utcMs(now - dayMs))}, now));

    Ui::ContactDetailPane pane(Ui::ContactDetailPane::Services {
        cache.contacts, cache.children, cache.edits, cache.outbox, cache.clock, nullptr});
    pane.resize(900, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setContactId(kId);

    int showingData = 0;
    bool nameAsCharacters = false;
    const QList<QLabel*> labels = pane.findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        const QString text = label->text();
        if (!text.contains(u'<'))
            continue;
        ++showingData;
        // Rich text would turn these into an image, a link, bold type: never for data.
        QVERIFY2(label->textFormat() == Qt::PlainText,
            qPrintable(QStringLiteral("label %1 shows \"%2\" as rich text")
                           .arg(label->objectName(), text)));
        if (text.contains(kMarkup))
            nameAsCharacters = true;
    }
    QVERIFY2(showingData > 0, "no label shows the contact's data");
    QVERIFY(nameAsCharacters);
}

QTEST_MAIN(TestPlainTextLabels)
#include "tst_plaintextlabels.moc"
