// The main window on the built-in sandbox: it shows where the sandbox listens and keeps the
// contact count current as the data changes.
#include "sandboxfixture.h"
#include "ui/mainwindow.h"

#include <QJsonArray>
#include <QLabel>
#include <QTest>

using namespace ContactDesk::Testing;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsSandboxStatusAndLiveContactCount()
    {
        SandboxFixture fx(12);
        ContactDesk::Ui::MainWindow window(fx.server());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* status = window.findChild<QLabel*>(QStringLiteral("sandboxStatus"));
        auto* count = window.findChild<QLabel*>(QStringLiteral("contactCount"));
        QVERIFY(status && count);
        QVERIFY(status->text().contains(fx.baseUrl().toString()));
        QCOMPARE(count->text(), QStringLiteral("12"));

        const HttpResult created = fx.api("POST", QStringLiteral("/contacts/"),
            QJsonObject {{QStringLiteral("locationId"), fx.locationId()},
                {QStringLiteral("firstName"), QStringLiteral("Window")},
                {QStringLiteral("email"), QStringLiteral("window@example.com")}});
        QCOMPARE(created.status, 201);
        QTRY_COMPARE(count->text(), QStringLiteral("13"));

        const QString id
            = created.object()[QStringLiteral("contact")][QStringLiteral("id")].toString();
        QCOMPARE(fx.api("DELETE", QStringLiteral("/contacts/") + id).status, 200);
        QTRY_COMPARE(count->text(), QStringLiteral("12"));

        const QString shot = QStringLiteral(CONTACTDESK_BUILD_DIR "/mainwindow-sandbox.png");
        QVERIFY(window.grab().save(shot, "PNG"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
