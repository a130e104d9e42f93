#pragma once

#include "sandbox/seedtext.h"
#include "sandbox/seedvocabulary.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QSet>

#include <array>
#include <vector>

namespace ContactDesk::Sandbox {
class SandboxData;
}

// The seeder behind seedContacts(), shared by its files: sandboxseeder.cpp (the run, the
// showcase contact), sandboxseedercontact.cpp (a contact's own fields: name, e-mail, phone,
// address, tags, DND, custom fields) and sandboxseederactivity.cpp (tasks, notes, appointments).
namespace ContactDesk::Sandbox::Seeding {

using SeedText::JsonText;
using SeedText::ZoneOffsets;

using Words = QList<QByteArray>;

Words words(const char* list);

struct Name
{
    QByteArray display; // UTF-8
    QByteArray lower; // UTF-8, as the API's *LowerCase fields
    QByteArray ascii; // lower-case ASCII letters, for email addresses
};

QList<Name> names(const char* list);

struct Business
{
    QByteArray id;
    QByteArray name;
};

struct Person
{
    QByteArray id;
    QByteArray name;
    int zone = 0;
    qint64 addedMs = 0;
};

class Seeder
{
public:
    Seeder(SandboxData& data, quint64 seed);
    void run(int count);

private:
    int pick(qsizetype n) { return int(m_random.bounded(quint32(n))); }
    const QByteArray& pick(const Words& list) { return list.at(pick(list.size())); }
    bool chance(int percent) { return pick(100) < percent; }
    qint64 between(qint64 from, qint64 to)
    {
        return to <= from ? from : from + qint64(m_random.bounded(double(to - from)));
    }
    QByteArray newId();
    QByteArray userId() { return m_users.isEmpty() ? QByteArray() : pick(m_users); }

    QJsonObject contact(Person& person);
    QByteArray uniqueEmail(const Name& first, const Name& last, const QByteArray& companyDomain);
    QByteArray uniquePhone(int cityIndex);
    void writeTags();
    void writeDndSettings(bool everything);
    void writeCustomFields(bool everyField);
    void writeCustomValue(const QByteArray& dataType, const Words& options);
    void showcase();
    void addTasks(const Person& person);
    void addNotes(const Person& person);
    void addAppointments(const Person& person);
    void store(QList<QJsonObject>& list);

    SandboxData& m_data;
    QRandomGenerator m_random;
    const qint64 m_now;
    const QByteArray m_locationId;
    const QByteArray m_locationAddress;
    JsonText m_json;
    Words m_users;
    QList<Name> m_firstNames;
    QList<Name> m_lastNames;
    QList<Business> m_businesses;
    struct Field
    {
        QByteArray id;
        QByteArray dataType;
        Words options; // the picklist; TEXTBOX_LIST: the boxes' labels
    };
    QList<Field> m_customFields; // the main location's contact fields, in field order
    struct CalendarRef
    {
        QByteArray id;
        QByteArray groupId;
    };
    QList<CalendarRef> m_calendars;
    QList<QByteArray> m_created; // ids of the contacts this run made
    std::vector<ZoneOffsets> m_zones;
    QSet<QByteArray> m_emails; // lower case
    QSet<QByteArray> m_phones;
    std::array<int, SeedVocabulary::cityCount> m_phonesPerCity {};
    Words m_stems = words(SeedVocabulary::companyStemList);
    Words m_trades = words(SeedVocabulary::companyTradeList);
    Words m_personalDomains = words(SeedVocabulary::personalDomainList);
    Words m_streets = words(SeedVocabulary::streetList);
    Words m_streetTypes = words(SeedVocabulary::streetTypeList);
    Words m_tags; // the main location's tags
    Words m_sources = words(SeedVocabulary::sourceList);
    Words m_taskTitles = words(SeedVocabulary::taskTitleList);
    Words m_taskBodies = words(SeedVocabulary::taskBodyList);
    Words m_noteTitles = words(SeedVocabulary::noteTitleList);
    Words m_noteBodies = words(SeedVocabulary::noteBodyList);
    Words m_noteColors = words(SeedVocabulary::noteColorList);
    Words m_appointmentKinds = words(SeedVocabulary::appointmentKindList);
    Words m_appointmentNotes = words(SeedVocabulary::appointmentNoteList);
    Words m_texts = words(SeedVocabulary::textList);
    Words m_longTexts = words(SeedVocabulary::longTextList);
};

} // namespace ContactDesk::Sandbox::Seeding
