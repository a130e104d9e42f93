// The inspector's Sandbox panel on the app's own controller and the built-in sandbox: the fault
// form adds a rule the sandbox then applies to the workspace's requests (and Remove takes it
// away), reseeding gives the chosen number of contacts in the sandbox and, after the sync, in
// the cache, the settings form changes the sandbox's limits, and its request log lists what the
// sandbox answered.

#include "inspectorpanelfixture.h"
#include "store/contactcache.h"
#include "sync/syncengine.h"
#include "ui/inspector/sandboxfaultsform.h"
#include "ui/inspector/sandboxlogmodel.h"
#include "ui/inspector/sandboxpanel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTreeWidget>

using namespace ContactDesk;
using InspectorPanelTest::Harness;

namespace {

template <typename T>
T* child(QWidget& in, const char* name)
{
    return in.findChild<T*>(QString::fromLatin1(name));
}

void click(QWidget& in, const char* name)
{
    auto* button = child<QPushButton>(in, name);
    QVERIFY2(button, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

// get-contact of `contactId` through the workspace's client: its final HTTP status.
int getContact(Harness& h, const QString& contactId)
{
    Api::RequestSpec spec;
    spec.path.insert(QStringLiteral("contactId"), contactId);
    int status = -1;
    QObject context;
    Api::ApiJob* job = h.app.workspace()->client().call(QStringLiteral("get-contact"), spec);
    job->onFinished(&context, [&status](const Api::ApiJob& done) { status = done.httpStatus(); });
    if (!QTest::qWaitFor([&] { return status >= 0; }, 20000))
        return -1;
    return status;
}

QString anyContact(Harness& h)
{
    for (auto it = h.fx.data().contacts().cbegin(); it != h.fx.data().contacts().cend(); ++it) {
        if (h.fx.data().liveContact(it.key()))
            return it.key();
    }
    return {};
}

} // namespace

class TestSandboxPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faultFormAddsARuleTheSandboxApplies();
    void formShowsTheFieldsOfEachKindAndRefusesBadRules();
    void reseedGivesTheChosenCount();
    void settingsAndRequestLog();
    void withoutTheBuiltInSandboxItSaysSo();
    void onAnotherConnectionItSaysWhatItChanges();
};

void TestSandboxPanel::faultFormAddsARuleTheSandboxApplies()
{
    Harness h;
    QVERIFY(h.app.openActive());
    QTRY_VERIFY_WITH_TIMEOUT(!h.app.workspace()->syncEngine().isRunning(), 15000);
    Ui::SandboxPanel panel(h.app);
    panel.show();
    QVERIFY(!child<QLabel>(panel, "sandboxNotOpen")->isVisible());
    const QString contact = anyContact(h);
    QCOMPARE(getContact(h, contact), 200);

    // A 503 storm: the form starts on "503 for every operation"; one click adds it.
    click(panel, "faultAdd");
    auto* rules = child<QTreeWidget>(panel, "faultRules");
    QCOMPARE(rules->topLevelItemCount(), 1);
    QCOMPARE(rules->topLevelItem(0)->text(2), QStringLiteral("*"));
    QCOMPARE(rules->topLevelItem(0)->text(3), QStringLiteral("503"));
    QCOMPARE(h.fx.server().faults().rules().size(), 1);

    const qint64 mark = h.fx.server().requestLog().lastSeq();
    QCOMPARE(getContact(h, contact), 503);
    const QList<Sandbox::LoggedExchange> answered = h.fx.server().requestLog().since(mark);
    QVERIFY(!answered.isEmpty());
    for (const Sandbox::LoggedExchange& exchange : answered)
        QCOMPARE(exchange.status, 503);

    // Removed, the sandbox answers again.
    rules->setCurrentItem(rules->topLevelItem(0));
    click(panel, "faultRemove");
    QCOMPARE(rules->topLevelItemCount(), 0);
    QVERIFY(h.fx.server().faults().rules().isEmpty());
    QCOMPARE(getContact(h, contact), 200);

    // A rule for one request: the sandbox counts it down and the list follows.
    child<QSpinBox>(panel, "faultCount")->setValue(1);
    child<QSpinBox>(panel, "faultStatus")->setValue(404);
    click(panel, "faultAdd");
    QCOMPARE(rules->topLevelItem(0)->text(6), QStringLiteral("1"));
    QCOMPARE(getContact(h, contact), 404);
    QTRY_COMPARE(rules->topLevelItemCount(), 0);
    QCOMPARE(getContact(h, contact), 200);
}

void TestSandboxPanel::formShowsTheFieldsOfEachKindAndRefusesBadRules()
{
    Harness h;
    QVERIFY(h.app.openActive());
    Ui::SandboxPanel panel(h.app);
    panel.show();
    auto* form = child<Ui::SandboxFaultsForm>(panel, "sandboxFaults");
    auto* kind = child<QComboBox>(panel, "faultKind");
    auto* status = child<QSpinBox>(panel, "faultStatus");
    auto* latency = child<QSpinBox>(panel, "faultLatency");
    const QStringList kinds {QStringLiteral("status"), QStringLiteral("latency"),
        QStringLiteral("drop"), QStringLiteral("drop-after-commit"),
        QStringLiteral("malformed-json"), QStringLiteral("html-error"),
        QStringLiteral("expire-tokens"), QStringLiteral("revoke-refresh-tokens"),
        QStringLiteral("index-lag")};
    QCOMPARE(kind->count(), kinds.size());
    for (int i = 0; i < kinds.size(); ++i) {
        kind->setCurrentIndex(kind->findData(kinds.at(i)));
        QCOMPARE(form->ruleJson().value(QStringLiteral("kind")).toString(), kinds.at(i));
        const bool takesStatus = kinds.at(i) == QLatin1StringView("status")
            || kinds.at(i) == QLatin1StringView("html-error");
        const bool takesDelay = kinds.at(i) == QLatin1StringView("latency")
            || kinds.at(i) == QLatin1StringView("index-lag");
        QCOMPARE(status->isVisible(), takesStatus);
        QCOMPARE(latency->isVisible(), takesDelay);
        QCOMPARE(form->ruleJson().contains(QStringLiteral("status")), takesStatus);
        QVERIFY(form->addRule());
    }
    // The proxy page defaults to a 502.
    kind->setCurrentIndex(kind->findData(QStringLiteral("html-error")));
    QCOMPARE(status->value(), 502);
    QCOMPARE(child<QTreeWidget>(panel, "faultRules")->topLevelItemCount(), kinds.size());
    QCOMPARE(h.fx.server().faults().rules().size(), kinds.size());
    click(panel, "faultClear");
    QVERIFY(h.fx.server().faults().rules().isEmpty());

    // A path the sandbox cannot match is refused with its reason.
    child<QComboBox>(panel, "faultPath")->setEditText(QStringLiteral("contacts"));
    QVERIFY(!form->addRule());
    auto* error = child<QLabel>(panel, "faultError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("path must start with /")),
        qPrintable(error->text()));
    QVERIFY(h.fx.server().faults().rules().isEmpty());
}

void TestSandboxPanel::reseedGivesTheChosenCount()
{
    Harness h(12, 42);
    QVERIFY(h.app.openActive());
    QTRY_COMPARE_WITH_TIMEOUT(h.app.workspace()->cache().count(), 12, 15000);
    Ui::SandboxPanel panel(h.app);
    panel.show();
    child<QTabWidget>(panel, "sandboxTabs")->setCurrentIndex(1);
    QVERIFY(child<QLabel>(panel, "sandboxCounts")->text().contains(QStringLiteral(" 12 contacts")));

    child<QSpinBox>(panel, "sandboxSeedCount")->setValue(7);
    child<QSpinBox>(panel, "sandboxSeed")->setValue(3);
    click(panel, "sandboxReseed");
    QCOMPARE(h.liveContacts(), 7);
    QVERIFY2(child<QLabel>(panel, "sandboxCounts")->text().contains(QStringLiteral(" 7 contacts")),
        qPrintable(child<QLabel>(panel, "sandboxCounts")->text()));
    auto* contacts = child<QTreeWidget>(panel, "sandboxContacts");
    QCOMPARE(contacts->topLevelItemCount(), 7);
    for (int row = 0; row < contacts->topLevelItemCount(); ++row)
        QVERIFY(h.fx.data().liveContact(contacts->topLevelItem(row)->text(3)));
    // The app's cache follows: the reconciling sync drops the 12 contacts that are gone. (It
    // finds the new ones by comparing counts per dateAdded range, so a range where as many
    // went as came can hold one back until it changes again.)
    QTRY_VERIFY_WITH_TIMEOUT(
        h.app.workspace()->cache().count() > 0 && h.app.workspace()->cache().count() <= 7, 20000);

    // The same seed makes the same contacts.
    QStringList first = h.fx.data().contacts().keys();
    first.sort();
    panel.reseed(7, 3);
    QStringList again = h.fx.data().contacts().keys();
    again.sort();
    QCOMPARE(again, first);

    // The location lists the sandbox seeds are listed.
    auto* lists = child<QTreeWidget>(panel, "sandboxLists");
    QCOMPARE(lists->topLevelItemCount(), 4);
    QVERIFY(lists->topLevelItem(0)->childCount() > 0);

    click(panel, "sandboxReset");
    QCOMPARE(h.liveContacts(), 0);
    QVERIFY(child<QLabel>(panel, "sandboxCounts")->text().contains(QStringLiteral(" 0 contacts")));
    QTRY_COMPARE_WITH_TIMEOUT(h.app.workspace()->cache().count(), 0, 20000);
}

void TestSandboxPanel::settingsAndRequestLog()
{
    Harness h;
    QVERIFY(h.app.openActive());
    QTRY_VERIFY_WITH_TIMEOUT(!h.app.workspace()->syncEngine().isRunning(), 15000);
    Ui::SandboxPanel panel(h.app);
    panel.show();
    QCOMPARE(child<QSpinBox>(panel, "sandboxRateCount")->value(), 100);
    child<QSpinBox>(panel, "sandboxRateCount")->setValue(40);
    child<QSpinBox>(panel, "sandboxTokenLifetime")->setValue(600);
    click(panel, "sandboxApplySettings");
    QCOMPARE(h.fx.data().settings().rateLimitCount, 40);
    QCOMPARE(h.fx.data().settings().accessTokenLifetimeS, 600);
    // The sandbox reports the new limit on its next answer.
    QCOMPARE(getContact(h, anyContact(h)), 200);
    QTRY_COMPARE(h.budget.state(h.fx.locationId()).limit, 40);

    auto* view = child<QTableView>(panel, "sandboxLog");
    QTRY_VERIFY(view->model()->rowCount() > 0);
    // Newest first: the get-contact just answered is near the top (the sync runs beside it).
    const auto rowOfGet = [view] {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, Ui::SandboxLogModel::OperationColumn).data()
                == QStringLiteral("get-contact"))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY(rowOfGet() >= 0);
    QCOMPARE(view->model()->index(rowOfGet(), Ui::SandboxLogModel::StatusColumn).data().toString(),
        QStringLiteral("200"));
    QVERIFY(view->model()
                ->index(rowOfGet(), Ui::SandboxLogModel::PathColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("/contacts/")));
    QVERIFY(view->model()
                ->index(0, Ui::SandboxLogModel::TimeColumn)
                .data(Ui::SandboxLogModel::SortRole)
                .toLongLong()
        > view->model()
              ->index(view->model()->rowCount() - 1, Ui::SandboxLogModel::TimeColumn)
              .data(Ui::SandboxLogModel::SortRole)
              .toLongLong());
    click(panel, "sandboxClearLog");
    QCOMPARE(view->model()->rowCount(), 0);
}

void TestSandboxPanel::withoutTheBuiltInSandboxItSaysSo()
{
    Harness h;
    Ui::AppController bare({h.nam, h.fx.clock(), h.connections, h.budget, nullptr});
    Ui::SandboxPanel panel(bare);
    panel.show();
    QVERIFY(child<QLabel>(panel, "sandboxUnavailable")->isVisible());
    QVERIFY(!child<QWidget>(panel, "sandboxFaults"));
}

void TestSandboxPanel::onAnotherConnectionItSaysWhatItChanges()
{
    Harness h;
    QVERIFY(h.openCustomConnection());
    Ui::SandboxPanel panel(h.app);
    panel.show();
    auto* note = child<QLabel>(panel, "sandboxNotOpen");
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("“Staging”")), qPrintable(note->text()));
    // The controls still work on the sandbox, which that connection happens to talk to.
    click(panel, "faultAdd");
    QCOMPARE(getContact(h, anyContact(h)), 503);
}

QTEST_MAIN(TestSandboxPanel)
#include "tst_sandboxpanel.moc"
