// ContactListPane offscreen over a temporary cache of 300 contacts: typing searches, the tag
// filter, the count and the empty state, the columns kept in settings across two panes, and the
// keyboard (Enter opens, Del asks to delete, Ctrl+F searches, Down goes to the list).
#include "contactlistfixture.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "ui/contacts/contactlistmodel.h"
#include "ui/contacts/contactlistpane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using ContactDesk::Api::Contact;
using ContactDesk::Ui::ContactListModel;
using ContactDesk::Ui::ContactListPane;
using namespace ContactListFixture;

namespace {

int countMatching(const QList<Contact>& contacts, const QString& typed)
{
    return int(std::count_if(contacts.cbegin(), contacts.cend(),
        [&typed](const Contact& c) { return matches(c, typed); }));
}

QPoint rowCenter(const QTableView& table, int row)
{
    return table.visualRect(table.model()->index(row, 0)).center();
}

} // namespace

class TestContactListPane : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempCache> m_temp;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ContactListPane> m_pane;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<Contact> m_contacts;

    std::unique_ptr<ContactListPane> makePane()
    {
        auto pane = std::make_unique<ContactListPane>(m_temp->db(), *m_settings);
        pane->resize(900, 600);
        return pane;
    }

    bool showActive()
    {
        m_pane->show();
        m_pane->activateWindow();
        return QTest::qWaitForWindowActive(m_pane.get());
    }

    QLineEdit* search() const
    {
        return m_pane->findChild<QLineEdit*>(QStringLiteral("contactSearchField"));
    }
    QTableView* table() const
    {
        return m_pane->findChild<QTableView*>(QStringLiteral("contactTable"));
    }
    QLabel* countLabel() const
    {
        return m_pane->findChild<QLabel*>(QStringLiteral("contactCountLabel"));
    }
    QLabel* emptyLabel() const
    {
        return m_pane->findChild<QLabel*>(QStringLiteral("contactEmptyLabel"));
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempCache>();
        QVERIFY(m_temp->isOpen());
        m_contacts = makeContacts();
        QVERIFY(m_temp->cache().upsertFromServer(m_contacts));
        m_settings = std::make_unique<QSettings>(
            m_temp->dir() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
        m_pane = makePane();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(search());
        QVERIFY(table());
    }

    void cleanup()
    {
        m_tester.reset();
        m_pane.reset();
        m_settings.reset();
        m_temp.reset();
    }

    void showsEveryContactWithItsCount()
    {
        QVERIFY(showActive());
        QCOMPARE(table()->model()->rowCount(), contactCount);
        QCOMPARE(countLabel()->text(),
            QStringLiteral("%1 contacts").arg(QLocale().toString(contactCount)));
        QVERIFY(table()->isVisible());
        QVERIFY(!emptyLabel()->isVisible());
        // Every control can be named by assistive technology.
        const QList<QWidget*> widgets = m_pane->findChildren<QWidget*>();
        for (QWidget* widget : widgets) {
            if (qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget)
                || qobject_cast<QTableView*>(widget) || qobject_cast<QLabel*>(widget)) {
                QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
            }
        }
    }

    void typingFiltersTheTable()
    {
        QVERIFY(showActive());
        QSignalSpy resets(m_pane->model(), &QAbstractItemModel::modelReset);
        QTest::keyClicks(search(), QStringLiteral("zel"));
        const int expected = countMatching(m_contacts, QStringLiteral("zel"));
        QVERIFY(expected > 0 && expected < contactCount);
        QTRY_COMPARE(table()->model()->rowCount(), expected);
        // Typed quickly, three letters make one search.
        QCOMPARE(resets.size(), 1);
        QCOMPARE(countLabel()->text(),
            QStringLiteral("%1 of %2 match")
                .arg(QLocale().toString(expected), QLocale().toString(contactCount)));
        for (int row = 0; row < expected; ++row) {
            QVERIFY(table()->model()->index(row, 0).data().toString().startsWith(
                QStringLiteral("Zelda")));
        }
        // Escape clears the search.
        QTest::keyClick(search(), Qt::Key_Escape);
        QTRY_COMPARE(table()->model()->rowCount(), contactCount);
        QVERIFY(search()->text().isEmpty());
    }

    void noMatchShowsTheEmptyState()
    {
        QVERIFY(showActive());
        QTest::keyClicks(search(), QStringLiteral("qqzx"));
        QTRY_VERIFY(emptyLabel()->isVisible());
        QCOMPARE(emptyLabel()->text(), QStringLiteral("No contacts match 'qqzx'"));
        QVERIFY(!table()->isVisible());
        QCOMPARE(countLabel()->text(),
            QStringLiteral("0 of %1 match").arg(QLocale().toString(contactCount)));
        QTest::keyClick(search(), Qt::Key_Backspace);
        QTest::keyClick(search(), Qt::Key_Backspace);
        QTest::keyClick(search(), Qt::Key_Backspace);
        QTRY_VERIFY(table()->isVisible());
        QVERIFY(!emptyLabel()->isVisible());
    }

    void tagFilterNarrowsTheList()
    {
        QVERIFY(showActive());
        auto* tags = m_pane->findChild<QComboBox*>(QStringLiteral("contactTagFilter"));
        QVERIFY(tags);
        QCOMPARE(tags->itemText(0), QStringLiteral("All tags"));
        // The tags are read after the list is shown.
        QTRY_VERIFY(tags->count() > 1);
        QStringList listed;
        for (int i = 1; i < tags->count(); ++i)
            listed.append(tags->itemText(i).toCaseFolded());
        QCOMPARE(listed,
            QStringList({QStringLiteral("customer"), QStringLiteral("lead"),
                QStringLiteral("newsletter"), QStringLiteral("vip")}));
        tags->setCurrentIndex(listed.indexOf(QStringLiteral("lead")) + 1);
        const int expected = int(std::count_if(m_contacts.cbegin(), m_contacts.cend(),
            [](const Contact& c) { return c.tags.contains(QStringLiteral("lead")); }));
        QCOMPARE(table()->model()->rowCount(), expected);
        tags->setCurrentIndex(0);
        QCOMPARE(table()->model()->rowCount(), contactCount);
    }

    void newTagAppearsInTheFilter()
    {
        auto* tags = m_pane->findChild<QComboBox*>(QStringLiteral("contactTagFilter"));
        QTRY_VERIFY(tags->count() > 1);
        Contact contact = m_contacts.at(3);
        contact.tags.append(QStringLiteral("wholesale"));
        QVERIFY(m_temp->cache().upsertFromServer({contact}));
        QTRY_VERIFY(tags->findText(QStringLiteral("wholesale")) > 0);
    }

    void columnsAreRememberedAcrossPanes()
    {
        QVERIFY(showActive());
        QHeaderView* header = table()->horizontalHeader();
        auto* menu = m_pane->findChild<QMenu*>(QStringLiteral("contactColumnsMenu"));
        QVERIFY(menu);
        auto* email = menu->findChild<QAction*>(QStringLiteral("showColumn_email"));
        auto* updated = menu->findChild<QAction*>(QStringLiteral("showColumn_dateUpdated"));
        QVERIFY(email && updated);
        QVERIFY(email->isChecked());
        QVERIFY(!updated->isChecked());
        QVERIFY(header->isSectionHidden(ContactListModel::DateUpdated));
        email->trigger();
        updated->trigger();
        QVERIFY(header->isSectionHidden(ContactListModel::Email));
        QVERIFY(!header->isSectionHidden(ContactListModel::DateUpdated));
        header->moveSection(header->visualIndex(ContactListModel::Phone), 0);
        header->resizeSection(ContactListModel::Company, 271);
        table()->sortByColumn(ContactListModel::Company, Qt::DescendingOrder);
        const QList<int> columns = m_pane->visibleColumns();
        QCOMPARE(columns.first(), int(ContactListModel::Phone));
        m_tester.reset();
        m_pane.reset();

        m_pane = makePane();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(showActive());
        header = table()->horizontalHeader();
        QCOMPARE(m_pane->visibleColumns(), columns);
        QVERIFY(!m_pane->isColumnVisible(ContactListModel::Email));
        QVERIFY(m_pane->isColumnVisible(ContactListModel::DateUpdated));
        QCOMPARE(header->sectionSize(ContactListModel::Company), 271);
        QCOMPARE(header->sortIndicatorSection(), int(ContactListModel::Company));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(m_pane->model()->sortColumn(), int(ContactListModel::Company));
        QCOMPARE(m_pane->model()->contactIdAt(0),
            expectedOrder(m_contacts, ContactListModel::Company, Qt::DescendingOrder).first());
    }

    void lastVisibleColumnStays()
    {
        for (int column = 0; column < ContactListModel::columnTotal; ++column)
            m_pane->setColumnVisible(column, false);
        QCOMPARE(m_pane->visibleColumns().size(), 1);
    }

    void deleteAsksForTheSelectedContacts()
    {
        QVERIFY(showActive());
        QSignalSpy deletes(m_pane.get(), &ContactListPane::deleteRequested);
        QSignalSpy counts(m_pane.get(), &ContactListPane::selectedCountChanged);
        QWidget* viewport = table()->viewport();
        QTest::mouseClick(viewport, Qt::LeftButton, {}, rowCenter(*table(), 1));
        QTest::mouseClick(viewport, Qt::LeftButton, Qt::ControlModifier, rowCenter(*table(), 3));
        QCOMPARE(m_pane->selectedCount(), 2);
        QVERIFY(!counts.isEmpty());
        QCOMPARE(counts.last().at(0).toInt(), 2);
        const QStringList expected {
            m_pane->model()->contactIdAt(1), m_pane->model()->contactIdAt(3)};
        QCOMPARE(m_pane->selectedContactIds(), expected);
        QTest::keyClick(table(), Qt::Key_Delete);
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.at(0).at(0).toStringList(), expected);
        // Nothing is deleted by the pane itself.
        QCOMPARE(table()->model()->rowCount(), contactCount);
    }

    void enterAndDoubleClickOpen()
    {
        QVERIFY(showActive());
        QSignalSpy opened(m_pane.get(), &ContactListPane::activated);
        QSignalSpy current(m_pane.get(), &ContactListPane::currentContactChanged);
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rowCenter(*table(), 2));
        QCOMPARE(current.size(), 1);
        const QString second = m_pane->model()->contactIdAt(2);
        QCOMPARE(current.at(0).at(0).toString(), second);
        QCOMPARE(m_pane->currentContactId(), second);
        QTest::keyClick(table(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), second);
        QTest::keyClick(table(), Qt::Key_Down);
        QCOMPARE(current.size(), 2);
        QCOMPARE(current.at(1).at(0).toString(), m_pane->model()->contactIdAt(3));
        QTest::keyClick(table(), Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.at(1).at(0).toString(), m_pane->model()->contactIdAt(3));
        // As a real double-click arrives: a click, then the double-click.
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rowCenter(*table(), 5));
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, rowCenter(*table(), 5));
        QCOMPARE(opened.size(), 3);
        QCOMPARE(opened.at(2).at(0).toString(), m_pane->model()->contactIdAt(5));
    }

    void ctrlFFocusesTheSearchField()
    {
        QVERIFY(showActive());
        table()->setFocus();
        QTRY_VERIFY(table()->hasFocus());
        search()->setText(QStringLiteral("lee"));
        QTest::keyClick(table(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search()->hasFocus());
        QCOMPARE(search()->selectedText(), QStringLiteral("lee"));
        QCOMPARE(m_pane->findAction()->shortcut(), QKeySequence(QKeySequence::Find));
    }

    void downFromTheSearchGoesToTheList()
    {
        QVERIFY(showActive());
        QSignalSpy current(m_pane.get(), &ContactListPane::currentContactChanged);
        search()->setFocus();
        QTest::keyClicks(search(), QStringLiteral("hana"));
        QTest::keyClick(search(), Qt::Key_Down);
        // The search is applied at once, without waiting for the typing pause.
        QCOMPARE(table()->model()->rowCount(), countMatching(m_contacts, QStringLiteral("hana")));
        QVERIFY(table()->hasFocus());
        QCOMPARE(current.size(), 1);
        QVERIFY(current.at(0).at(0).toString() == m_pane->model()->contactIdAt(0));
        QVERIFY(m_pane->model()->index(0, 0).data().toString().startsWith(QStringLiteral("Hana")));
    }

    void currentContactSurvivesANarrowerSearch()
    {
        QVERIFY(showActive());
        const QString jade = idFor(9); // Jade Nakamura
        QVERIFY(m_pane->selectContact(jade));
        QSignalSpy current(m_pane.get(), &ContactListPane::currentContactChanged);
        search()->setText(QStringLiteral("nakam"));
        QTRY_COMPARE(
            table()->model()->rowCount(), countMatching(m_contacts, QStringLiteral("nakam")));
        QCOMPARE(m_pane->currentContactId(), jade);
        QCOMPARE(m_pane->selectedContactIds(), QStringList {jade});
        QCOMPARE(current.size(), 0);
        // A search that leaves it out clears the current contact.
        search()->setText(QStringLiteral("zelda"));
        QTRY_COMPARE(current.size(), 1);
        QCOMPARE(current.at(0).at(0).toString(), QString());
        QCOMPARE(m_pane->selectedCount(), 0);
    }

    void createdContactCanBeSelectedAndFollowsItsServerId()
    {
        QVERIFY(showActive());
        ContactDesk::Store::LocalEdits edits(m_temp->db());
        ContactDesk::Store::Outbox outbox(m_temp->db());
        Contact draft;
        draft.firstName = QStringLiteral("Aaliyah");
        draft.lastName = QStringLiteral("Brooks");
        const QString localId = edits.createContact(draft);
        QVERIFY(!localId.isEmpty());
        QCOMPARE(table()->model()->rowCount(), contactCount + 1);
        QVERIFY(m_pane->selectContact(localId));
        // "Aaliyah Brooks" sorts first.
        QCOMPARE(table()->currentIndex().row(), 0);
        QCOMPARE(m_pane->currentContactId(), localId);
        QCOMPARE(table()->model()->index(0, 0).data().toString(), QStringLiteral("Aaliyah Brooks"));

        QSignalSpy current(m_pane.get(), &ContactListPane::currentContactChanged);
        QVERIFY(outbox.resolveLocalId(localId, QStringLiteral("srv-aaliyah")));
        QCOMPARE(current.size(), 1);
        QCOMPARE(current.at(0).at(0).toString(), QStringLiteral("srv-aaliyah"));
        QCOMPARE(m_pane->selectedContactIds(), QStringList {QStringLiteral("srv-aaliyah")});
    }

    void removedCurrentContactMovesOn()
    {
        QVERIFY(showActive());
        const QString id = m_pane->model()->contactIdAt(4);
        QVERIFY(m_pane->selectContact(id));
        QSignalSpy current(m_pane.get(), &ContactListPane::currentContactChanged);
        QVERIFY(m_temp->cache().removeFromServer({id}));
        QCOMPARE(current.size(), 1);
        QVERIFY(current.at(0).at(0).toString() != id);
        QCOMPARE(m_pane->currentContactId(), current.at(0).at(0).toString());
        QCOMPARE(countLabel()->text(),
            QStringLiteral("%1 contacts").arg(QLocale().toString(contactCount - 1)));
    }
};

QTEST_MAIN(TestContactListPane)
#include "tst_contactlistpane.moc"
