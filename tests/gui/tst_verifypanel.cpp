// The inspector's Verify panel on the app's own controller: "Verify all" on the built-in
// sandbox passes every catalog operation and leaves nothing behind, the last result comes back
// when the panel is made again, and a connection that is not the sandbox runs the reads only
// until writes are allowed.

#include "inspectorpanelfixture.h"
#include "ui/inspector/verifypanel.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace ContactDesk;
using namespace ContactDesk::Testing;

namespace {

using InspectorPanelTest::Harness;

QTableWidget* table(Ui::VerifyPanel& panel)
{
    return panel.findChild<QTableWidget*>(QStringLiteral("verifyTable"));
}

QString cell(Ui::VerifyPanel& panel, int row, int column)
{
    const QTableWidgetItem* item = table(panel)->item(row, column);
    return item ? item->text() : QString();
}

QString outcome(Ui::VerifyPanel& panel, int row)
{
    return table(panel)->item(row, Ui::VerifyPanel::OutcomeColumn)->data(Qt::UserRole).toString();
}

int rowOf(Ui::VerifyPanel& panel, const QString& operationId)
{
    for (int row = 0; row < table(panel)->rowCount(); ++row) {
        if (cell(panel, row, Ui::VerifyPanel::OperationColumn) == operationId)
            return row;
    }
    return -1;
}

bool runAll(Ui::VerifyPanel& panel)
{
    QPushButton* button = panel.findChild<QPushButton*>(QStringLiteral("verifyAll"));
    if (!button || !button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return panel.isRunning() && QTest::qWaitFor([&] { return !panel.isRunning(); }, 120000);
}

QStringList liveContactsTagged(SandboxFixture& fx, const QString& tag)
{
    QStringList found;
    for (auto it = fx.data().contacts().cbegin(); it != fx.data().contacts().cend(); ++it) {
        if (fx.data().liveContact(it.key())
            && it.value().value(QStringLiteral("tags")).toArray().contains(tag))
            found.append(it.key());
    }
    return found;
}

} // namespace

class TestVerifyPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifyAllOnTheSandboxPassesEveryRow();
    void otherConnectionsRunReadsUntilWritesAreAllowed();
};

void TestVerifyPanel::verifyAllOnTheSandboxPassesEveryRow()
{
    Harness h;
    QVERIFY(h.app.openActive());
    const int fieldsBefore = int(h.fx.data().customFieldDefinitions().size());
    const int tagsBefore = int(h.fx.data().tags().size());
    {
        Ui::VerifyPanel panel(h.app, h.settings, h.fx.clock());
        panel.show();
        QCOMPARE(panel.summaryText(), QStringLiteral("Not verified yet on this connection."));
        QCOMPARE(table(panel)->rowCount(), int(Api::endpoints().size()));
        auto* writes = panel.findChild<QCheckBox*>(QStringLiteral("verifyAllowWrites"));
        QVERIFY(writes->isChecked());
        QVERIFY(!writes->isEnabled());

        QSignalSpy finished(&panel, &Ui::VerifyPanel::runFinished);
        QVERIFY(runAll(panel));
        QCOMPARE(finished.size(), 1);
        for (int row = 0; row < table(panel)->rowCount(); ++row) {
            const QString op = cell(panel, row, Ui::VerifyPanel::OperationColumn);
            QVERIFY2(outcome(panel, row) == QLatin1StringView("pass"),
                qPrintable(op + u' ' + cell(panel, row, Ui::VerifyPanel::ReasonColumn)));
            QCOMPARE(cell(panel, row, Ui::VerifyPanel::StatusColumn).toInt(),
                Api::findEndpoint(op)->successStatus);
            QVERIFY(cell(panel, row, Ui::VerifyPanel::TimeColumn).endsWith(QStringLiteral(" ms")));
            // The verifier's own exchange, not the sync's call of the same operation.
            const QString exchange = cell(panel, row, Ui::VerifyPanel::ExchangeColumn);
            QVERIFY2(exchange.startsWith(
                         QString::fromLatin1(Api::methodName(Api::findEndpoint(op)->method))),
                qPrintable(op + u' ' + exchange));
            QVERIFY2(exchange.endsWith(QString::number(Api::findEndpoint(op)->successStatus)),
                qPrintable(op + u' ' + exchange));
        }
        // The exchange behind a row: method, the real path and the status.
        const int get = rowOf(panel, QStringLiteral("get-contact"));
        const QString exchange = cell(panel, get, Ui::VerifyPanel::ExchangeColumn);
        QVERIFY2(exchange.startsWith(QStringLiteral("GET /contacts/")), qPrintable(exchange));
        QVERIFY2(exchange.endsWith(QStringLiteral("→ 200")), qPrintable(exchange));
        QVERIFY(!exchange.contains(QStringLiteral("{contactId}")));

        const QString total = QString::number(Api::endpoints().size());
        QVERIFY2(panel.summaryText().startsWith(
                     QStringLiteral("Verified %1/%1 on sandbox, 2026-11-").arg(total)),
            qPrintable(panel.summaryText()));
    }
    // Everything the run made is gone again.
    QVERIFY(liveContactsTagged(h.fx, QStringLiteral("contactdesk-verify")).isEmpty());
    QCOMPARE(int(h.fx.data().customFieldDefinitions().size()), fieldsBefore);
    QCOMPARE(int(h.fx.data().tags().size()), tagsBefore);

    // Made again (the inspector reopened), the panel shows the last run of this connection.
    Ui::VerifyPanel reopened(h.app, h.settings, h.fx.clock());
    QVERIFY2(reopened.summaryText().startsWith(
                 QStringLiteral("Verified %1/%1 on sandbox").arg(Api::endpoints().size())),
        qPrintable(reopened.summaryText()));
    const int get = rowOf(reopened, QStringLiteral("get-contact"));
    QCOMPARE(outcome(reopened, get), QStringLiteral("pass"));
    QVERIFY(cell(reopened, get, Ui::VerifyPanel::ExchangeColumn)
                .startsWith(QStringLiteral("GET /contacts/")));
}

void TestVerifyPanel::otherConnectionsRunReadsUntilWritesAreAllowed()
{
    Harness h;
    QVERIFY(h.openCustomConnection());

    Ui::VerifyPanel panel(h.app, h.settings, h.fx.clock());
    auto* writes = panel.findChild<QCheckBox*>(QStringLiteral("verifyAllowWrites"));
    QVERIFY(writes->isEnabled());
    QVERIFY(!writes->isChecked());
    const int contactsBefore = int(h.fx.data().contacts().size());
    QVERIFY(runAll(panel));
    QCOMPARE(int(h.fx.data().contacts().size()), contactsBefore);
    int passed = 0;
    for (int row = 0; row < table(panel)->rowCount(); ++row) {
        const QString op = cell(panel, row, Ui::VerifyPanel::OperationColumn);
        const bool write = Api::findEndpoint(op)->writes();
        QVERIFY2(outcome(panel, row) != QLatin1StringView("fail"),
            qPrintable(op + u' ' + cell(panel, row, Ui::VerifyPanel::ReasonColumn)));
        if (write)
            QCOMPARE(outcome(panel, row), QStringLiteral("skipped"));
        passed += outcome(panel, row) == QLatin1StringView("pass") ? 1 : 0;
    }
    QVERIFY(passed > 10);
    QVERIFY2(panel.summaryText().contains(QStringLiteral("on custom server")),
        qPrintable(panel.summaryText()));
    QVERIFY2(panel.summaryText().contains(QStringLiteral("skipped: reads only")),
        qPrintable(panel.summaryText()));

    // With writes allowed the same connection runs everything.
    writes->setChecked(true);
    QVERIFY(runAll(panel));
    QCOMPARE(
        outcome(panel, rowOf(panel, QStringLiteral("create-contact"))), QStringLiteral("pass"));
    QVERIFY(liveContactsTagged(h.fx, QStringLiteral("contactdesk-verify")).isEmpty());
}

QTEST_MAIN(TestVerifyPanel)
#include "tst_verifypanel.moc"
