// ContactListModel over a temporary cache of 300 contacts, with QAbstractItemModelTester watching
// every test: sorting by each column, search, the tag filter, exact signals for store changes,
// row lookup by id and window-by-window reads.
#include "contactlistfixture.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "ui/contacts/contactlistmodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

using ContactDesk::Api::Contact;
using ContactDesk::Ui::ContactListModel;
using namespace ContactListFixture;

namespace {

QStringList modelIds(const ContactListModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(ContactListModel::ContactIdRole).toString());
    return ids;
}

QStringList idsMatching(const QList<Contact>& contacts, const QStringList& order,
    const std::function<bool(const Contact&)>& keep)
{
    QHash<QString, const Contact*> byId;
    for (const Contact& contact : contacts)
        byId.insert(contact.id, &contact);
    QStringList ids;
    for (const QString& id : order) {
        if (keep(*byId.value(id)))
            ids.append(id);
    }
    return ids;
}

} // namespace

class TestContactListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempCache> m_temp;
    std::unique_ptr<ContactListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<Contact> m_contacts;

    QStringList nameOrder() const
    {
        return expectedOrder(m_contacts, ContactListModel::Name, Qt::AscendingOrder);
    }

    // Replaces contact `i` in the test's copy and in the cache, as a sync would.
    void serverUpdate(int i, const std::function<void(Contact&)>& change)
    {
        change(m_contacts[i]);
        QVERIFY(m_temp->cache().upsertFromServer({m_contacts.at(i)}));
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<TempCache>();
        QVERIFY(m_temp->isOpen());
        m_contacts = makeContacts();
        QVERIFY(m_temp->cache().upsertFromServer(m_contacts));
        m_model = std::make_unique<ContactListModel>(m_temp->db());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_temp.reset();
    }

    void listsEveryContactByName()
    {
        QCOMPARE(m_model->rowCount(), contactCount);
        QCOMPARE(m_model->totalCount(), contactCount);
        QCOMPARE(m_model->columnCount(), ContactListModel::columnTotal);
        QCOMPARE(modelIds(*m_model), nameOrder());
        QCOMPARE(m_model->headerData(ContactListModel::DateAdded, Qt::Horizontal).toString(),
            QStringLiteral("Date added"));
    }

    void sortsByEachColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        for (int column = 0; column < ContactListModel::columnTotal; ++column) {
            const QByteArray key = ContactListModel::columnKey(column).toUtf8();
            QTest::addRow("%s ascending", key.constData()) << column << Qt::AscendingOrder;
            QTest::addRow("%s descending", key.constData()) << column << Qt::DescendingOrder;
        }
    }

    void sortsByEachColumn()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->sort(column, order);
        QCOMPARE(m_model->sortColumn(), column);
        QCOMPARE(m_model->sortOrder(), order);
        QCOMPARE(modelIds(*m_model), expectedOrder(m_contacts, column, order));
        QCOMPARE(resets.size(), 0);
    }

    void sortKeepsTheSelectedContactsPersistentIndex()
    {
        const QPersistentModelIndex chloe = m_model->indexForContactId(idFor(2));
        QVERIFY(chloe.isValid());
        m_model->sort(ContactListModel::DateAdded, Qt::DescendingOrder);
        QVERIFY(chloe.isValid());
        QCOMPARE(chloe.data(ContactListModel::ContactIdRole).toString(), idFor(2));
        QCOMPARE(chloe.row(), m_model->rowForContactId(idFor(2)));
    }

    void sortRoleHoldsRawValues()
    {
        const int row = m_model->rowForContactId(idFor(10));
        const Contact& contact = m_contacts.at(10);
        QCOMPARE(m_model->index(row, ContactListModel::DateAdded).data(ContactListModel::SortRole),
            QVariant(contact.dateAdded.toMSecsSinceEpoch()));
        QCOMPARE(m_model->index(row, ContactListModel::DateAdded).data().toString(),
            QLocale().toString(contact.dateAdded.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(m_model->index(row, ContactListModel::Email).data().toString(), contact.email);
        QCOMPARE(m_model->index(row, ContactListModel::Tags).data().toString(),
            contact.tags.join(QStringLiteral(", ")));
        QCOMPARE(m_model->index(row, 0).data(ContactListModel::RowIdRole).toLongLong(),
            m_temp->cache().rowIdFor(idFor(10)));
        // Contact 4 has no update date: an empty cell, 0 to sort by.
        const int undated = m_model->rowForContactId(idFor(4));
        QCOMPARE(
            m_model->index(undated, ContactListModel::DateUpdated).data().toString(), QString());
        QCOMPARE(m_model->index(undated, ContactListModel::DateUpdated)
                     .data(ContactListModel::SortRole)
                     .toLongLong(),
            0);
    }

    void searchFindsByEachField_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("mustFind");
        QTest::newRow("first name prefix") << QStringLiteral("zel") << idFor(19);
        QTest::newRow("last name, any case") << QStringLiteral("NAKA") << idFor(9);
        QTest::newRow("email word") << QStringLiteral("petrov49") << idFor(49);
        // Contact 12's national number, as a user types it: digits, no country code.
        QTest::newRow("phone digits") << digitsOf(makeContact(12).phone).mid(1, 7) << idFor(12);
        QTest::newRow("company") << QStringLiteral("copperl") << idFor(4);
        QTest::newRow("tag") << QStringLiteral("newsl") << idFor(9);
        QTest::newRow("two words") << QStringLiteral("hana tan") << idFor(27);
    }

    void searchFindsByEachField()
    {
        QFETCH(QString, typed);
        QFETCH(QString, mustFind);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy counts(m_model.get(), &ContactListModel::countsChanged);
        m_model->setSearchText(typed);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(counts.size(), 1);
        QVERIFY(m_model->isSearching());
        const QStringList expected = idsMatching(
            m_contacts, nameOrder(), [&typed](const Contact& c) { return matches(c, typed); });
        QVERIFY(expected.contains(mustFind));
        QCOMPARE(modelIds(*m_model), expected);
        QCOMPARE(m_model->totalCount(), contactCount);
    }

    void searchFollowsTheSortOrder()
    {
        m_model->sort(ContactListModel::Company, Qt::DescendingOrder);
        m_model->setSearchText(QStringLiteral("lee"));
        const QStringList expected = idsMatching(m_contacts,
            expectedOrder(m_contacts, ContactListModel::Company, Qt::DescendingOrder),
            [](const Contact& c) { return matches(c, QStringLiteral("lee")); });
        QVERIFY(expected.size() > 10);
        QCOMPARE(modelIds(*m_model), expected);
        m_model->sort(ContactListModel::Name, Qt::AscendingOrder);
        QCOMPARE(modelIds(*m_model), idsMatching(m_contacts, nameOrder(), [](const Contact& c) {
            return matches(c, QStringLiteral("lee"));
        }));
    }

    void blankSearchShowsEverything()
    {
        m_model->setSearchText(QStringLiteral("zel"));
        QVERIFY(m_model->rowCount() < contactCount);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setSearchText(QStringLiteral("  - "));
        QVERIFY(!m_model->isSearching());
        QCOMPARE(m_model->rowCount(), contactCount);
        // A trailing space searches for the same words: nothing to redo.
        m_model->setSearchText(QStringLiteral("  - zel "));
        QCOMPARE(resets.size(), 2);
        m_model->setSearchText(QStringLiteral("zel"));
        QCOMPARE(resets.size(), 2);
    }

    void searchWithNoMatchIsEmpty()
    {
        m_model->setSearchText(QStringLiteral("qqxz"));
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_model->isFiltered());
    }

    void tagFilterIgnoresCase()
    {
        m_model->setTagFilter(QStringLiteral("Vip"));
        const QStringList expected = idsMatching(m_contacts, nameOrder(), [](const Contact& c) {
            return c.tags.contains(QStringLiteral("vip"), Qt::CaseInsensitive);
        });
        QVERIFY(expected.size() > 20);
        QCOMPARE(modelIds(*m_model), expected);
        QVERIFY(m_model->isFiltered());

        // Tag and search together.
        m_model->setSearchText(QStringLiteral("acme"));
        QCOMPARE(modelIds(*m_model), idsMatching(m_contacts, nameOrder(), [](const Contact& c) {
            return c.tags.contains(QStringLiteral("vip"), Qt::CaseInsensitive)
                && matches(c, QStringLiteral("acme"));
        }));
        m_model->setTagFilter({});
        m_model->setSearchText({});
        QCOMPARE(m_model->rowCount(), contactCount);
    }

    void storeChangeUpdatesExactlyThatRow()
    {
        const int row = m_model->rowForContactId(idFor(42));
        QVERIFY(row >= 0);
        // Read it first, so the test also proves the cached window is refreshed.
        QCOMPARE(m_model->index(row, ContactListModel::Email).data().toString(),
            m_contacts.at(42).email);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        serverUpdate(42, [](Contact& c) { c.email = QStringLiteral("new.address@example.org"); });
        QCOMPARE(changed.size(), 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), row);
        QCOMPARE(bottomRight.row(), row);
        QCOMPARE(moved.size() + inserted.size() + removed.size() + resets.size(), 0);
        QCOMPARE(m_model->index(row, ContactListModel::Email).data().toString(),
            QStringLiteral("new.address@example.org"));
    }

    void renamedContactMovesToItsPlace()
    {
        const QPersistentModelIndex before = m_model->indexForContactId(idFor(0));
        QCOMPARE(before.row(), 0); // Aaron Kowalski
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        serverUpdate(0, [](Contact& c) {
            c.firstName = QStringLiteral("Zoe");
            c.name = QStringLiteral("Zoe Kowalski");
        });
        QCOMPARE(resets.size(), 0);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(modelIds(*m_model), nameOrder());
        // The view's handle on the contact followed it.
        QCOMPARE(before.row(), m_model->rowForContactId(idFor(0)));
        QCOMPARE(before.data().toString(), QStringLiteral("Zoe Kowalski"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), before.row());
    }

    void changeThatLeavesTheFilterRemovesTheRow()
    {
        m_model->setTagFilter(QStringLiteral("lead"));
        const int row = m_model->rowForContactId(idFor(6));
        QVERIFY(row >= 0);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        serverUpdate(6, [](Contact& c) { c.tags = {QStringLiteral("customer")}; });
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), row);
        QCOMPARE(m_model->rowForContactId(idFor(6)), -1);
    }

    void createdContactAppearsInPlace()
    {
        m_model->setSearchText(QStringLiteral("mia"));
        QCOMPARE(m_model->rowCount(), 0);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy counts(m_model.get(), &ContactListModel::countsChanged);

        Contact other = makeContact(500);
        QVERIFY(m_temp->cache().upsertFromServer({other}));
        QCOMPARE(inserted.size(), 0); // does not match the search
        QCOMPARE(m_model->totalCount(), contactCount + 1);
        QCOMPARE(counts.size(), 1);

        m_model->setSearchText({});
        inserted.clear();
        resets.clear();
        Contact mia = makeContact(501);
        mia.firstName = QStringLiteral("Mia");
        mia.name = QStringLiteral("Mia Lee");
        m_contacts << other << mia;
        QVERIFY(m_temp->cache().upsertFromServer({mia}));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        const int row = m_model->rowForContactId(mia.id);
        QCOMPARE(inserted.at(0).at(1).toInt(), row);
        QCOMPARE(inserted.at(0).at(2).toInt(), row);
        QCOMPARE(m_model->index(row, 0).data().toString(), QStringLiteral("Mia Lee"));
        QCOMPARE(modelIds(*m_model), nameOrder());
        QCOMPARE(m_model->rowCount(), contactCount + 2);
    }

    void removedContactDisappears()
    {
        const int row = m_model->rowForContactId(idFor(77));
        QVERIFY(row >= 0);
        m_model->index(row, 0).data(); // loaded, so the removal must also drop it from the cache
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(m_temp->cache().removeFromServer({idFor(77)}));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), row);
        QCOMPARE(removed.at(0).at(2).toInt(), row);
        QCOMPARE(m_model->rowForContactId(idFor(77)), -1);
        QCOMPARE(m_model->rowCount(), contactCount - 1);
        QCOMPARE(m_model->totalCount(), contactCount - 1);
        m_contacts.removeAt(77);
        QCOMPARE(modelIds(*m_model), nameOrder());
    }

    void massChangeIsOneReset()
    {
        QList<Contact> page;
        for (int i = 0; i < 120; ++i) {
            m_contacts[i].companyName = QStringLiteral("Zenith Page");
            page.append(m_contacts.at(i));
        }
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
        QVERIFY(m_temp->cache().upsertFromServer(page));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(changed.size() + moved.size(), 0);
        const int row = m_model->rowForContactId(idFor(5));
        QCOMPARE(m_model->index(row, ContactListModel::Company).data().toString(),
            QStringLiteral("Zenith Page"));
    }

    void rowLookupById()
    {
        for (int row = 0; row < m_model->rowCount(); row += 37) {
            const QString id = m_model->contactIdAt(row);
            QCOMPARE(m_model->rowForContactId(id), row);
            QCOMPARE(m_model->indexForContactId(id, ContactListModel::Phone),
                m_model->index(row, ContactListModel::Phone));
        }
        QCOMPARE(m_model->rowForContactId(QStringLiteral("no-such-contact")), -1);
        m_model->sort(ContactListModel::Phone, Qt::DescendingOrder);
        const int row = m_model->rowForContactId(idFor(123));
        QCOMPARE(m_model->contactIdAt(row), idFor(123));
        m_model->setSearchText(QStringLiteral("zelda"));
        QCOMPARE(m_model->rowForContactId(idFor(1)), -1); // Bruno: filtered out
        QCOMPARE(m_model->contactIdAt(m_model->rowForContactId(idFor(19))), idFor(19));
    }

    void contactIdsOfManyRows()
    {
        QList<int> rows;
        for (int row = m_model->rowCount() - 1; row >= 0; row -= 2)
            rows.append(row);
        const QStringList ids = m_model->contactIds(rows);
        const QStringList all = nameOrder();
        QCOMPARE(ids.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            QCOMPARE(ids.at(i), all.at(rows.at(i)));
    }

    void readsRowDataWindowByWindow()
    {
        // A fresh model that has not been painted.
        m_tester.reset();
        m_model = std::make_unique<ContactListModel>(m_temp->db());
        m_model->setCountFetchesPerRow(true);
        QCOMPARE(m_model->fetchStats().rows, 0);
        m_model->index(250, 0).data();
        QCOMPARE(m_model->fetchStats().queries, 1);
        QCOMPARE(m_model->fetchStats().rows, contactCount - ContactListModel::windowRows);
        // Reading every cell of every row, top to bottom, reads each row once.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            for (int column = 0; column < m_model->columnCount(); ++column)
                m_model->index(row, column).data();
        }
        QCOMPARE(m_model->fetchStats().queries, 2);
        QCOMPARE(m_model->fetchStats().rows, contactCount);
        const QHash<qint64, int> perRow = m_model->fetchesPerRow();
        QCOMPARE(perRow.size(), contactCount);
        for (int count : perRow)
            QCOMPARE(count, 1);
        // Roles the list never shows cost nothing.
        m_model->setSearchText(QStringLiteral("lee"));
        const qint64 queries = m_model->fetchStats().queries;
        m_model->index(0, 0).data(Qt::SizeHintRole);
        m_model->index(0, 0).data(ContactListModel::RowIdRole);
        QCOMPARE(m_model->fetchStats().queries, queries);
    }

    void localEditsShowTheirStatus()
    {
        ContactDesk::Store::LocalEdits edits(m_temp->db());
        ContactDesk::Store::Outbox outbox(m_temp->db());
        const int row = m_model->rowForContactId(idFor(30));
        const QModelIndex index = m_model->index(row, ContactListModel::Name);
        QCOMPARE(index.data(ContactListModel::LocalStatusRole).toInt(),
            int(ContactDesk::Store::LocalStatus::Synced));
        QVERIFY(index.data(Qt::DecorationRole).isNull());
        QVERIFY(index.data(Qt::ToolTipRole).isNull());

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        const QJsonObject edit {{QStringLiteral("email"), QStringLiteral("bad@@example")}};
        QCOMPARE(edits.updateContact(idFor(30), edit), ContactDesk::Store::EditOutcome::Saved);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), row);
        QCOMPARE(index.data(ContactListModel::LocalStatusRole).toInt(),
            int(ContactDesk::Store::LocalStatus::Pending));
        QCOMPARE(m_model->index(row, ContactListModel::Email).data().toString(),
            QStringLiteral("bad@@example"));
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Waiting")));

        // The server refuses it: failed, with the server's reason in the tooltip.
        const auto item = outbox.nextReady(std::numeric_limits<qint64>::max());
        QVERIFY(item);
        QVERIFY(outbox.markInFlight(item->id));
        QVERIFY(outbox.markFailed(item->id, QStringLiteral("Email is invalid")));
        QCOMPARE(index.data(ContactListModel::LocalStatusRole).toInt(),
            int(ContactDesk::Store::LocalStatus::Failed));
        QCOMPARE(index.data(ContactListModel::StatusMessageRole).toString(),
            QStringLiteral("Email is invalid"));
        QVERIFY(
            index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Email is invalid")));
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
        // Every column says why, for whoever hovers there.
        QVERIFY(m_model->index(row, ContactListModel::Phone)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Email is invalid")));
        const QModelIndex neighbour = m_model->index(row + 1, ContactListModel::Name);
        QCOMPARE(neighbour.data(ContactListModel::LocalStatusRole).toInt(),
            int(ContactDesk::Store::LocalStatus::Synced));
    }

    void storeResetReloads()
    {
        m_model->setSearchText(QStringLiteral("lee"));
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(m_temp->cache().removeFromServer({idFor(1), idFor(2)}));
        m_temp->db().notifyContactsReset();
        QCOMPARE(resets.size(), 1);
        QCOMPARE(m_model->totalCount(), contactCount - 2);
        QCOMPARE(m_model->searchText(), QStringLiteral("lee"));
    }

    void columnKeysRoundTrip()
    {
        for (int column = 0; column < ContactListModel::columnTotal; ++column)
            QCOMPARE(ContactListModel::columnForKey(ContactListModel::columnKey(column)), column);
        QCOMPARE(ContactListModel::columnForKey(QStringLiteral("shoeSize")), -1);
    }
};

QTEST_MAIN(TestContactListModel)
#include "tst_contactlistmodel.moc"
