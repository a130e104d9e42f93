// The main window as composed on the built-in sandbox: what it shows (list, detail with the
// custom fields' names, toolbar, connection, status bar, the sandbox banner), every keyboard
// shortcut, undo from the Edit menu and the status bar, the tab order, the outbox and settings
// dialogs it opens, its models under QAbstractItemModelTester, the layout it remembers, icons
// that follow the palette and the pixel density, and a PNG of it on the seeded sandbox in the
// build folder.
#include "appflowfixture.h"
#include "appflowhelpers.h"
#include "ui/app/icons.h"
#include "ui/app/noticebar.h"
#include "ui/app/statuspanel.h"
#include "ui/app/translations.h"
#include "ui/connect/connectdialog.h"
#include "ui/connect/connectionsdialog.h"
#include "ui/detail/childtab.h"
#include "ui/detail/contactdetailpane.h"
#include "ui/detail/contactoverview.h"
#include "ui/detail/tasklistmodel.h"
#include "ui/dialogs/contactdialog.h"
#include "ui/dialogs/deletecontactdialog.h"
#include "ui/dialogs/notedialog.h"
#include "ui/dialogs/taskdialog.h"
#include "ui/outbox/outboxdialog.h"
#include "ui/outbox/outboxmodel.h"
#include "ui/settings/settingsdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>

#include <tuple>

using namespace AppFlowTest;
using ContactDesk::Ui::ContactListModel;

namespace {

// Deletes the current contact through Del and the confirmation, then gives the window its
// activation back (the offscreen platform does not when a dialog closes; a window manager does).
bool deleteCurrent(AppFlow& flow)
{
    const int before = flow.model()->rowCount();
    flow.list()->view()->setFocus();
    QTest::keyClick(flow.list()->view(), Qt::Key_Delete);
    auto* dialog = flow.openDialog<ContactDesk::Ui::DeleteContactDialog>();
    if (!dialog || !press(dialog, "deleteButton"))
        return false;
    flow.window.activateWindow();
    if (!QTest::qWaitForWindowActive(&flow.window))
        return false;
    flow.list()->view()->setFocus();
    return flow.model()->rowCount() == before - 1;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheSandboxListDetailAndStatus()
    {
        AppFlow flow(24);
        QVERIFY(flow.start());
        QAbstractItemModelTester tester(flow.model());

        // The connection is named plainly, in the toolbar and the status bar.
        QComboBox* switcher = flow.window.connectionSwitcher();
        QVERIFY(switcher->currentText().startsWith(QStringLiteral("Sandbox")));
        QVERIFY(flow.window.windowTitle().contains(QStringLiteral("Sandbox")));
        auto* connection = flow.child<QLabel>("statusConnection");
        QVERIFY(connection->text().contains(QStringLiteral("Sandbox")));
        QVERIFY(connection->text().contains(QStringLiteral("connected")));

        // First start on the sandbox: the banner says so.
        ContactDesk::Ui::NoticeBar* banner = flow.window.sandboxBanner();
        QVERIFY(banner->isVisible());
        QCOMPARE(
            banner->message(), QStringLiteral("Sandbox data - connect your HighLevel account"));

        // The status bar: last sync, an empty outbox, the API budget as HighLevel reported it.
        auto* lastSync = flow.child<QLabel>("statusLastSync");
        QTRY_VERIFY(lastSync->text().startsWith(QStringLiteral("Last sync")));
        auto* outbox = flow.child<QToolButton>("statusOutbox");
        QCOMPARE(outbox->text(), QStringLiteral("Outbox: 0"));
        auto* rate = flow.child<QProgressBar>("statusRateBudget");
        QVERIFY(rate->isVisible());
        QVERIFY(rate->maximum() > 0);
        QVERIFY(rate->value() < rate->maximum());

        // The list on the left, the detail of the current contact on the right.
        auto* splitter = flow.child<QSplitter>("mainSplitter");
        QCOMPARE(splitter->widget(0), static_cast<QWidget*>(flow.list()));
        QCOMPARE(splitter->widget(1), static_cast<QWidget*>(flow.window.detailPane()));
        const QString first = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(first));
        QCOMPARE(flow.window.detailPane()->contactId(), first);
        QTRY_VERIFY(flow.window.detailPane()->taskModel()->rowCount()
            == flow.fx.data().tasks().value(first).size());

        // Every menu holds its actions.
        QStringList menus;
        const QList<QAction*> top = flow.window.menuBar()->actions();
        for (QAction* action : top)
            menus.append(action->text().remove(u'&'));
        QCOMPARE(menus,
            (QStringList {QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
                QStringLiteral("Contact"), QStringLiteral("Sync"), QStringLiteral("Tools"),
                QStringLiteral("Help")}));
        QVERIFY(flow.window.findChild<QMenu*>(QStringLiteral("editMenu"))
                    ->actions()
                    .contains(flow.list()->findAction()));

        QVERIFY(flow.saveScreenshot(QStringLiteral("mainwindow-sandbox.png")));
    }

    void missingListIsToldOnceAndIdsShow()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        const QString id = flow.model()->contactIdAt(0);
        QVERIFY(flow.select(id));
        QVERIFY(!flow.window.listsBanner()->isVisible());
        Api::LocationLists lists = flow.app.locationLists();
        const QString why
            = QStringLiteral("this connection can't read users: add the users.readonly scope");
        lists.users.clear();
        lists.unavailable.insert(Api::LocationLists::Kind::Users, why);
        flow.window.showLocationLists(lists);
        QVERIFY(flow.window.listsBanner()->isVisible());
        QVERIFY(flow.window.listsBanner()->message().contains(why));
        // Once: closed, the same reason does not come back on the next refresh.
        flow.window.listsBanner()->closeButton()->click();
        QVERIFY(!flow.window.listsBanner()->isVisible());
        flow.window.showLocationLists(lists);
        QVERIFY(!flow.window.listsBanner()->isVisible());
        // Nothing else breaks: the assignee shows as its id, the custom fields by name.
        const QString assignee
            = flow.fx.data().liveContact(id)->value(QStringLiteral("assignedTo")).toString();
        auto* overview = flow.window.findChild<ContactDesk::Ui::ContactOverview*>();
        QVERIFY(overview);
        QCOMPARE(overview->valueLabel(QStringLiteral("assignedTo"))->text(),
            assignee.isEmpty() ? QStringLiteral("Not set") : assignee);
        const QJsonArray values
            = flow.fx.data().liveContact(id)->value(QStringLiteral("customFields")).toArray();
        for (const QJsonValue& value : values) {
            QLabel* label = overview->valueLabel(
                QStringLiteral("cf_") + value[QStringLiteral("id")].toString());
            QVERIFY(label);
            QCOMPARE(label->accessibleName(),
                flow.fx.data()
                    .customFieldDefinition(value[QStringLiteral("id")].toString())
                    ->value(QStringLiteral("name"))
                    .toString());
        }
    }

    void bannerOpensTheConnectDialog()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(press(flow.window.sandboxBanner(), "sandboxBannerAction"));
        auto* connect = flow.openDialog<ContactDesk::Ui::ConnectDialog>();
        QVERIFY(connect);
        connect->reject();

        // Closed by the user, it stays closed, also in the next window.
        QVERIFY(press(flow.window.sandboxBanner(), "sandboxBannerClose"));
        QVERIFY(!flow.window.sandboxBanner()->isVisible());
        ContactDesk::Ui::MainWindow second(
            {flow.app, flow.settings, flow.nam, flow.fx.clock(), flow.budget});
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QVERIFY(!second.sandboxBanner()->isVisible());
    }

    void everyShortcutDoesItsJob_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QString>("expect");
        const int ctrl = int(Qt::ControlModifier);
        const int ctrlShift = int(Qt::ControlModifier | Qt::ShiftModifier);
        QTest::newRow("Ctrl+N new contact") << int(Qt::Key_N) << ctrl << QStringLiteral("new");
        QTest::newRow("Ctrl+F search") << int(Qt::Key_F) << ctrl << QStringLiteral("search");
        QTest::newRow("Enter opens") << int(Qt::Key_Return) << 0 << QStringLiteral("edit");
        QTest::newRow("Del deletes") << int(Qt::Key_Delete) << 0 << QStringLiteral("delete");
        QTest::newRow("Ctrl+Shift+T task") << int(Qt::Key_T) << ctrlShift << QStringLiteral("task");
        QTest::newRow("Ctrl+Shift+N note") << int(Qt::Key_N) << ctrlShift << QStringLiteral("note");
        QTest::newRow("F5 syncs") << int(Qt::Key_F5) << 0 << QStringLiteral("sync");
        QTest::newRow("Ctrl+Z undoes a delete") << int(Qt::Key_Z) << ctrl << QStringLiteral("undo");
    }

    void everyShortcutDoesItsJob()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QString, expect);
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(flow.select(flow.model()->contactIdAt(1)));
        QTRY_VERIFY(!flow.window.detailPane()->contactId().isEmpty());
        QVERIFY(AppFlow::waitFor([&] { return !flow.workspace().syncEngine().isRunning(); }));
        const QString deleted = flow.list()->currentContactId();
        if (expect == QStringLiteral("undo")) {
            QVERIFY(!flow.window.action(QStringLiteral("undoDeleteAction"))->isEnabled());
            QVERIFY(deleteCurrent(flow));
            QCOMPARE(flow.model()->rowForContactId(deleted), -1);
        }
        const qint64 seq = flow.mark();

        QTest::keyClick(flow.list()->view(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
        if (expect == QStringLiteral("new")) {
            auto* dialog = flow.openDialog<ContactDesk::Ui::ContactDialog>();
            QVERIFY(dialog && !dialog->isEditMode());
        } else if (expect == QStringLiteral("edit")) {
            auto* dialog = flow.openDialog<ContactDesk::Ui::ContactDialog>();
            QVERIFY(dialog && dialog->isEditMode());
            QCOMPARE(dialog->original().id, flow.model()->contactIdAt(1));
        } else if (expect == QStringLiteral("search")) {
            QTRY_VERIFY(flow.list()->searchField()->hasFocus());
        } else if (expect == QStringLiteral("delete")) {
            QVERIFY(flow.openDialog<ContactDesk::Ui::DeleteContactDialog>());
        } else if (expect == QStringLiteral("task")) {
            QVERIFY(flow.openDialog<ContactDesk::Ui::TaskDialog>());
            QCOMPARE(flow.window.detailPane()->tabs()->currentWidget(),
                static_cast<QWidget*>(flow.window.detailPane()->tasksTab()));
        } else if (expect == QStringLiteral("note")) {
            QVERIFY(flow.openDialog<ContactDesk::Ui::NoteDialog>());
            QCOMPARE(flow.window.detailPane()->tabs()->currentWidget(),
                static_cast<QWidget*>(flow.window.detailPane()->notesTab()));
        } else if (expect == QStringLiteral("sync")) {
            QVERIFY(AppFlow::waitFor([&] {
                return !flow.requests(seq, QStringLiteral("search-contacts-advanced")).isEmpty();
            }));
        } else if (expect == QStringLiteral("undo")) {
            QCOMPARE(flow.model()->rowCount(), flow.seededContacts);
            QVERIFY(!flow.child<QToolButton>("statusUndo")->isVisible());
            QVERIFY(!flow.window.action(QStringLiteral("undoDeleteAction"))->isEnabled());
        }
    }

    // The same undo from the status bar's button and from the Edit menu; each brings the contact
    // back on the screen and on the server.
    void undoFromTheStatusBarAndTheEditMenu()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        auto* undoButton = flow.child<QToolButton>("statusUndo");
        QAction* undoAction = flow.window.action(QStringLiteral("undoDeleteAction"));
        QVERIFY(flow.window.findChild<QMenu*>(QStringLiteral("editMenu"))
                    ->actions()
                    .contains(undoAction));
        QCOMPARE(undoAction->shortcut(), QKeySequence(QKeySequence::Undo));

        for (const bool fromStatusBar : {true, false}) {
            QVERIFY(flow.select(flow.model()->contactIdAt(0)));
            const QString name = flow.model()->index(0, ContactListModel::Name).data().toString();
            QVERIFY(deleteCurrent(flow));
            QVERIFY(flow.waitOutboxEmpty());
            QCOMPARE(flow.model()->rowCount(), flow.seededContacts - 1);
            QVERIFY(undoButton->isVisible());
            QVERIFY(undoAction->isEnabled());
            const qint64 seq = flow.mark();

            if (fromStatusBar)
                undoButton->click();
            else
                undoAction->trigger();
            QCOMPARE(flow.model()->rowCount(), flow.seededContacts);
            QVERIFY(!undoButton->isVisible());
            QVERIFY(!undoAction->isEnabled());
            const int row = flow.model()->rowForContactId(flow.list()->currentContactId());
            QCOMPARE(flow.model()->index(row, ContactListModel::Name).data().toString(), name);
            QVERIFY(flow.waitOutboxEmpty());
            const auto created = flow.requests(seq, QStringLiteral("create-contact"));
            QCOMPARE(created.size(), 1);
            QCOMPARE(created.first().status, 201);
        }
    }

    // The seeded sandbox knows its custom fields' names: the Overview shows them, not the ids;
    // and every value whole.
    void overviewNamesTheSandboxCustomFields()
    {
        AppFlow flow(24);
        QVERIFY(flow.start());
        ContactDesk::Sandbox::SandboxData& data = flow.fx.data();
        QHash<QString, QString> names;
        for (const QJsonObject& field : std::as_const(data.customFieldDefinitions())) {
            names.insert(field.value(QStringLiteral("id")).toString(),
                field.value(QStringLiteral("name")).toString());
        }
        QString id;
        QJsonArray fields;
        for (int row = 0; row < flow.model()->rowCount() && fields.isEmpty(); ++row) {
            id = flow.model()->contactIdAt(row);
            fields = data.liveContact(id)->value(QStringLiteral("customFields")).toArray();
        }
        QVERIFY2(!fields.isEmpty(), "no seeded contact has a custom field");
        QVERIFY(flow.select(id));
        ContactDesk::Ui::ContactOverview* overview = flow.window.detailPane()->overview();
        for (const QJsonValue& field : std::as_const(fields)) {
            const QString fieldId = field[QStringLiteral("id")].toString();
            QVERIFY(names.contains(fieldId));
            QLabel* value = overview->valueLabel(QStringLiteral("cf_") + fieldId);
            QVERIFY2(value, qPrintable(fieldId));
            QLabel* shownName = nullptr;
            const QList<QLabel*> labels = overview->findChildren<QLabel*>();
            for (QLabel* label : labels) {
                if (label->buddy() == value)
                    shownName = label;
            }
            QVERIFY(shownName);
            QCOMPARE(shownName->text(), names.value(fieldId));
            QCOMPARE(value->accessibleName(), names.value(fieldId));
        }

        // Every value shows whole: a label as tall as its text needs at the width it got.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        const QList<QLabel*> labels = overview->findChildren<QLabel*>();
        int values = 0;
        for (QLabel* label : labels) {
            if (!label->objectName().startsWith(QStringLiteral("overview_")))
                continue;
            ++values;
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                qPrintable(label->objectName() + QStringLiteral(": ") + label->text()));
        }
        QVERIFY(values > 20);
    }

    void enterAndDeleteInTheSearchFieldStayThere()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(flow.select(flow.model()->contactIdAt(0)));
        QLineEdit* search = flow.list()->searchField();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("abc"));
        search->setCursorPosition(0);
        QTest::keyClick(search, Qt::Key_Delete);
        QCOMPARE(search->text(), QStringLiteral("bc"));
        QCoreApplication::processEvents();
        QVERIFY(!flow.window.findChild<ContactDesk::Ui::DeleteContactDialog*>());
        QVERIFY(search->hasFocus());
    }

    void outboxButtonOpensTheOutboxWithItsItems()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        // Hold the queue so the item stays listed.
        QVERIFY(flow.fx.server()
                    .faults()
                    .add(QJsonObject {{QStringLiteral("kind"), QStringLiteral("drop")},
                        {QStringLiteral("path"), QStringLiteral("/contacts/*")}})
                    .isEmpty());
        const QString id = flow.model()->contactIdAt(2);
        QVERIFY(flow.workspace().edits().updateContact(
                    id, QJsonObject {{QStringLiteral("email"), QStringLiteral("held@example.org")}})
            == ContactDesk::Store::EditOutcome::Saved);
        auto* outboxButton = flow.child<QToolButton>("statusOutbox");
        QCOMPARE(outboxButton->text(), QStringLiteral("Outbox: 1"));

        outboxButton->click();
        ContactDesk::Ui::OutboxDialog* dialog = flow.window.outboxDialog();
        QVERIFY(dialog && dialog->isVisible());
        QAbstractItemModelTester tester(dialog->model());
        QCOMPARE(dialog->model()->rowCount(), 1);
        QVERIFY(dialog->model()
                    ->index(0, ContactDesk::Ui::OutboxModel::Change)
                    .data()
                    .toString()
                    .contains(QStringLiteral("email")));

        // Discarding undoes the local change, after a question answered through the seam.
        QVERIFY(dialog->selectItem(dialog->model()->itemAt(0)->id));
        bool asked = false;
        dialog->setConfirm(
            [&asked](const QString&, const QString&, std::function<void(bool)> answer) {
                asked = true;
                answer(true);
            });
        QVERIFY(press(dialog, "outboxDiscard"));
        QVERIFY(asked);
        QCOMPARE(dialog->model()->rowCount(), 0);
        QVERIFY(flow.child<QLabel>("outboxEmpty", dialog)->isVisible());
        QCOMPARE(outboxButton->text(), QStringLiteral("Outbox: 0"));
        const int row = flow.model()->rowForContactId(id);
        QVERIFY(flow.model()->index(row, ContactListModel::Email).data().toString()
            != QStringLiteral("held@example.org"));
    }

    void settingsChangeColumnsAndSyncInterval()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(flow.list()->isColumnVisible(ContactListModel::Email));
        flow.window.action(QStringLiteral("settingsAction"))->trigger();
        auto* dialog = flow.openDialog<ContactDesk::Ui::SettingsDialog>();
        QVERIFY(dialog);
        auto* email = dialog->findChild<QCheckBox*>(
            QStringLiteral("settingsColumn%1").arg(int(ContactListModel::Email)));
        QVERIFY(email && email->isChecked());
        email->setChecked(false);
        auto* updated = dialog->findChild<QCheckBox*>(
            QStringLiteral("settingsColumn%1").arg(int(ContactListModel::DateUpdated)));
        updated->setChecked(true);
        dialog->findChild<QSpinBox*>(QStringLiteral("settingsSyncInterval"))->setValue(15);
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("settingsConnection"))
                    ->text()
                    .contains(flow.app.connection().displayName));
        auto* region = dialog->findChild<QComboBox*>(QStringLiteral("settingsRegion"));
        region->setCurrentIndex(region->findData(QStringLiteral("DE")));
        QVERIFY(press(dialog, "settingsOk"));

        QVERIFY(!flow.list()->isColumnVisible(ContactListModel::Email));
        QVERIFY(flow.list()->isColumnVisible(ContactListModel::DateUpdated));
        QCOMPARE(flow.workspace().syncEngine().options().intervalMs, 15LL * 60 * 1000);
        QCOMPARE(flow.settings.value(QStringLiteral("app/defaultPhoneCountry")).toString(),
            QStringLiteral("DE"));

        // The new contact dialog reads numbers in the chosen country.
        flow.window.action(QStringLiteral("newContactAction"))->trigger();
        auto* contact = flow.openDialog<ContactDesk::Ui::ContactDialog>();
        QVERIFY(type(contact, "firstNameEdit", QStringLiteral("Karl")));
        QVERIFY(type(contact, "phoneEdit", QStringLiteral("030 1234567")));
        QCOMPARE(contact->draft().phone, QStringLiteral("+49301234567"));
        contact->reject();

        // The connections are managed from the settings too.
        flow.window.action(QStringLiteral("settingsAction"))->trigger();
        dialog = flow.openDialog<ContactDesk::Ui::SettingsDialog>();
        QVERIFY(dialog);
        QVERIFY(press(dialog, "settingsManageConnections"));
        auto* connections = flow.openDialog<ContactDesk::Ui::ConnectionsDialog>();
        QVERIFY(connections);
        connections->reject();
        if (dialog->isVisible())
            dialog->reject();
    }

    void windowLayoutIsRestored()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        auto* splitter = flow.child<QSplitter>("mainSplitter");
        splitter->setSizes({300, 700});
        const QList<int> sizes = splitter->sizes();
        flow.window.close();

        ContactDesk::Ui::MainWindow second(
            {flow.app, flow.settings, flow.nam, flow.fx.clock(), flow.budget});
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        auto* restored = second.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        QCOMPARE(restored->sizes(), sizes);
    }

    void everyControlHasAnAccessibleName()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(flow.select(flow.model()->contactIdAt(0)));
        QStringList unnamed;
        const QList<QWidget*> widgets = flow.window.findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            const bool control = qobject_cast<QAbstractButton*>(widget)
                || qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget)
                || qobject_cast<QAbstractItemView*>(widget);
            if (!control || !widget->isVisibleTo(&flow.window)
                || widget->inherits("QToolBarExtension"))
                continue;
            const auto* button = qobject_cast<QAbstractButton*>(widget);
            const bool named = !widget->accessibleName().isEmpty()
                || (button && !button->text().remove(u'&').trimmed().isEmpty())
                || (qobject_cast<QToolButton*>(widget)
                    && qobject_cast<QToolButton*>(widget)->defaultAction());
            if (!named)
                unnamed.append(widget->objectName() + QStringLiteral(" (")
                    + QString::fromLatin1(widget->metaObject()->className()) + u')');
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    // Tab goes the way the eye does: the connection switcher, the banner, the list (search, tag
    // filter, table), the detail pane, the status bar, and round again; every stop is named.
    void tabOrderFollowsTheLayout()
    {
        AppFlow flow;
        QVERIFY(flow.start());
        QVERIFY(flow.select(flow.model()->contactIdAt(0)));
        QVERIFY(AppFlow::waitFor([&] { return !flow.workspace().syncEngine().isRunning(); }));
        QWidget* detail = flow.window.detailPane();
        flow.window.connectionSwitcher()->setFocus(Qt::TabFocusReason);
        QStringList stops;
        QStringList unnamed;
        QStringList detailStops;
        for (int i = 0; i < 40; ++i) {
            QWidget* focused = QApplication::focusWidget();
            QVERIFY(focused);
            if (i > 0 && focused == flow.window.connectionSwitcher())
                break;
            if (focused->accessibleName().isEmpty())
                unnamed.append(focused->objectName());
            if (detail->isAncestorOf(focused)) {
                detailStops.append(focused->objectName());
                if (stops.isEmpty() || stops.last() != QStringLiteral("(detail)"))
                    stops.append(QStringLiteral("(detail)"));
            } else {
                stops.append(focused->objectName());
            }
            QTest::keyClick(focused, Qt::Key_Tab);
        }
        QCOMPARE(stops,
            (QStringList {QStringLiteral("connectionSwitcher"),
                QStringLiteral("sandboxBannerAction"), QStringLiteral("sandboxBannerClose"),
                QStringLiteral("contactSearchField"), QStringLiteral("contactTagFilter"),
                QStringLiteral("contactTable"), QStringLiteral("(detail)"),
                QStringLiteral("statusOutbox")}));
        QVERIFY2(detailStops.value(0) == QStringLiteral("copyEmail"),
            qPrintable(detailStops.join(u' ')));
        QVERIFY(detailStops.contains(QStringLiteral("tagInput")));
        QVERIFY(detailStops.contains(QStringLiteral("qt_tabwidget_tabbar")));
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u' ')));

        // Shift+Tab walks back.
        flow.list()->view()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(flow.list()->view(), Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(flow.list()->tagFilter()));
    }

    // Icons are drawn at the screen's pixel density, in the palette's text colour: a dark theme's
    // light text gives light icons.
    void iconsFollowThePaletteAndPixelDensity()
    {
        const QPalette original = QApplication::palette();
        const auto inkOf = [](const QColor& text) {
            QPalette palette = QApplication::palette();
            palette.setColor(QPalette::Active, QPalette::WindowText, text);
            QApplication::setPalette(palette);
            const QPixmap pixmap
                = ContactDesk::Ui::Icons::icon(QStringLiteral("sync")).pixmap(QSize(16, 16), 2.0);
            const QImage image = pixmap.toImage();
            QColor ink;
            int opaque = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    if (pixel.alpha() == 255) {
                        ink = pixel;
                        ++opaque;
                    }
                }
            }
            return std::make_tuple(pixmap.devicePixelRatio(), image.size(), ink, opaque);
        };
        const auto [lightRatio, lightSize, lightInk, lightOpaque] = inkOf(QColor(Qt::white));
        const auto [darkRatio, darkSize, darkInk, darkOpaque] = inkOf(QColor(Qt::black));
        QApplication::setPalette(original);
        QCOMPARE(lightRatio, 2.0);
        QCOMPARE(lightSize, QSize(32, 32));
        QVERIFY(lightOpaque > 0 && darkOpaque > 0);
        QCOMPARE(lightInk, QColor(Qt::white));
        QCOMPARE(darkInk, QColor(Qt::black));
        QCOMPARE(darkRatio, 2.0);
        QCOMPARE(darkSize, QSize(32, 32));

        // Every action the toolbar and the menus show has its icon.
        AppFlow flow;
        QVERIFY(flow.start());
        for (const char* name : {"newContactAction", "syncAction", "outboxAction",
                 "deleteContactAction", "undoDeleteAction", "addTaskAction", "addNoteAction",
                 "settingsAction", "connectAction"}) {
            QVERIFY2(!flow.window.action(QLatin1String(name))->icon().isNull(), name);
        }
    }

    // Last: it leaves German installed until it removes it.
    void germanTranslationIsEmbeddedAndUsed()
    {
        QVERIFY(ContactDesk::Ui::installTranslations(
            *QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
        {
            AppFlow flow;
            QVERIFY(flow.start());
            QCOMPARE(flow.window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
            QCOMPARE(
                flow.child<QToolButton>("statusOutbox")->text(), QStringLiteral("Postausgang: 0"));
            QCOMPARE(flow.window.sandboxBanner()->message(),
                QStringLiteral("Sandbox-Daten – verbinden Sie Ihr HighLevel-Konto"));
        }
        const QList<QTranslator*> translators
            = QCoreApplication::instance()->findChildren<QTranslator*>();
        for (QTranslator* translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
