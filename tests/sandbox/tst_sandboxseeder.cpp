// The sandbox's demo data, without a server: the same seed and clock give byte for byte the same
// contacts, tasks, notes and appointments (the digest was taken before the seeder was split into
// its files, so it also proves the split changed nothing), and the data looks like a user's:
// no two contacts share an e-mail address or a phone, a third of the contacts with tasks, notes or
// appointments.
#include "fakeclock.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxseeder.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace ContactDesk;

namespace {

// Records of every contact (and what hangs off it) in id order, as compact JSON.
QByteArray seededText(Sandbox::SandboxData& data)
{
    QStringList ids = data.contacts().keys();
    std::sort(ids.begin(), ids.end());
    QByteArray text;
    for (const QString& id : std::as_const(ids)) {
        text += QJsonDocument(data.contacts().value(id)).toJson(QJsonDocument::Compact);
        for (auto* lists : {&data.tasks(), &data.notes(), &data.appointments()}) {
            QJsonArray array;
            for (const QJsonObject& record : lists->value(id))
                array.append(record);
            text += QJsonDocument(array).toJson(QJsonDocument::Compact);
        }
        text += '\n';
    }
    return text;
}

QByteArray digestOf(int count, quint64 seed)
{
    Testing::FakeClock clock;
    Sandbox::SandboxData data(clock, seed);
    Sandbox::seedContacts(data, count, seed);
    return QCryptographicHash::hash(seededText(data), QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestSandboxSeeder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameData_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<QByteArray>("digest");
        QTest::newRow("250 contacts, seed 42")
            << 250 << quint64(42)
            << QByteArray("b13fe8d1993bbdcc5cab13d98cf7f5c40f2ec6f67ab747095fb07f81f84115b3");
        QTest::newRow("60 contacts, seed 7")
            << 60 << quint64(7)
            << QByteArray("f017eb4953661a120de86032e0bbaad3a4e4f9a451ec8000f7a44f1445e796b8");
    }

    void sameSeedSameData()
    {
        QFETCH(int, count);
        QFETCH(quint64, seed);
        QFETCH(QByteArray, digest);
        const QByteArray first = digestOf(count, seed);
        QCOMPARE(digestOf(count, seed), first);
        QCOMPARE(first, digest);
        QVERIFY(digestOf(count, seed + 1) != first);
    }

    void dataLooksLikeAUsersAccount()
    {
        Testing::FakeClock clock;
        Sandbox::SandboxData data(clock, 42);
        Sandbox::seedContacts(data, 300, 42);
        QCOMPARE(data.contacts().size(), 300);
        QSet<QString> emails;
        QSet<QString> phones;
        int withChildren = 0;
        for (const QJsonObject& contact : std::as_const(data.contacts())) {
            const QString email = contact.value(QStringLiteral("email")).toString().toLower();
            const QString phone = contact.value(QStringLiteral("phone")).toString();
            QVERIFY2(email.isEmpty() || !emails.contains(email), qPrintable(email));
            // Some have no phone; those who have one have their own, in E.164.
            QVERIFY2(phone.isEmpty() || (phone.startsWith(u'+') && !phones.contains(phone)),
                qPrintable(phone));
            if (!email.isEmpty())
                emails.insert(email);
            if (!phone.isEmpty())
                phones.insert(phone);
            const QString id = contact.value(QStringLiteral("id")).toString();
            if (!data.tasks().value(id).isEmpty() || !data.notes().value(id).isEmpty()
                || !data.appointments().value(id).isEmpty())
                ++withChildren;
        }
        QVERIFY2(emails.size() > 150, qPrintable(QString::number(emails.size())));
        QVERIFY2(phones.size() > 150, qPrintable(QString::number(phones.size())));
        // About a third (33 %) get tasks, notes and appointments.
        QVERIFY2(
            withChildren > 60 && withChildren < 140, qPrintable(QString::number(withChildren)));
    }
};

QTEST_GUILESS_MAIN(TestSandboxSeeder)
#include "tst_sandboxseeder.moc"
