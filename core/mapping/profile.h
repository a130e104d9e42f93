#pragma once

#include "mapping/source.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ContactDesk::Mapping {

// The format version this build writes. A document of an older version is migrated on load;
// a newer one is refused ("made by a newer ContactDesk").
inline constexpr int profileVersion = 1;

// Where a rule's value goes.
struct Target
{
    enum class Kind
    {
        Ignore,
        ContactField, // a writable field of the create/upsert/update DTOs: "email", "city", ...
        CustomField, // a custom field of the location, by name (or fieldKey)
        Tags,
        Assignee, // a user, by name or email, resolved to `assignedTo`
        // The contact's HighLevel id (ContactDesk's own export): never written, only matched
        // on when the profile matches by contact id.
        ContactId,
    };
    Kind kind = Kind::Ignore;
    QString name; // ContactField: the wire name; CustomField: the field's name or fieldKey

    // "ignore", "email", "customField:Membership level", "tags", "assignee", "contactId"
    QString toString() const;
    static std::optional<Target> fromString(const QString& text);
    bool operator==(const Target& other) const = default;
};

// One step of a rule's transform chain: its operation name ("trim", "phoneE164", ...) and its
// options, checked by the transform registry (transforms.h).
struct Transform
{
    QString op;
    QJsonObject options;

    bool operator==(const Transform& other) const = default;
};

// What an import does to a field that already has a value on an existing contact.
enum class FieldPolicy
{
    Overwrite,
    FillEmpty, // only when the contact's field is empty
    Never, // never touched on an existing contact (still set on a new one)
};

// One column (or several) of the source to one target.
struct Rule
{
    QStringList sources; // source paths (record.h); several for join and template
    Target target;
    QList<Transform> transforms; // applied in order
    FieldPolicy policy = FieldPolicy::Overwrite;
    bool replaceTags = false; // Tags: replace the contact's tags instead of adding
    // Set by suggest: how sure it is (0..1) and why ("header 'E-mail Address' is a synonym of
    // email"); -1 for a rule the user made.
    double confidence = -1;
    QString reason;

    bool operator==(const Rule& other) const = default;
};

enum class WriteMode
{
    Create, // POST /contacts/ for every row; a row whose match key exists is skipped
    Upsert, // POST /contacts/upsert: the location's duplicate rule decides
    Update, // only rows that match an existing contact are written; the rest are skipped
};

// How rows are matched to existing contacts (and to each other inside the file).
struct MatchKey
{
    enum class By
    {
        Email,
        Phone,
        CustomField, // a custom field holding the other app's id
        // The contact id a rule targeting ContactId reads (a ContactDesk export read back); a
        // row without one is a new contact.
        ContactId,
    };
    By by = By::Email;
    QString customField; // By::CustomField: its name or fieldKey

    bool operator==(const MatchKey& other) const = default;
};

// Two rows of the file with the same match key.
enum class DuplicateRows
{
    Merge, // later rows fill and overwrite the earlier one's fields; one write
    Report, // every row after the first is reported and skipped
};

// Where and when a profile last ran cleanly (a dry run and a real run).
struct Verification
{
    QString environment; // "sandbox" or "production"
    QString connection; // the connection's display name
    QDateTime at; // UTC
    qint64 rows = 0;

    bool operator==(const Verification& other) const = default;
};

// A mapping profile: how records of another app become HighLevel contacts. Saved as JSON
// (docs/mapping-profiles.md has the format and an example).
struct Profile
{
    QString name;
    SourceOptions source;
    QList<Rule> rules;
    WriteMode mode = WriteMode::Upsert;
    MatchKey match;
    DuplicateRows duplicates = DuplicateRows::Merge;
    QString defaultRegion = QStringLiteral("US"); // for phones written without +country
    QList<Verification> verified; // newest first, one per environment

    QJsonObject toJson() const; // always writes "version": profileVersion
    // Reads and fully checks a document: every problem names the rule (1-based) and what is
    // wrong ("rule 3: transform 2 'dateFormat': unknown transform"; "rule 5: target
    // 'customField:' needs a field name"; "rules[2].policy: must be overwrite, fillEmpty or
    // never"). Migrates older versions, refuses newer ones. Null when there is any problem.
    static std::optional<Profile> fromJson(const QJsonObject& json, QStringList* problems);
    static std::optional<Profile> load(const QString& path, QStringList* problems);
    bool save(const QString& path, QString* error) const;

    // The verification of an environment, if any.
    const Verification* verification(const QString& environment) const;
    void recordVerification(const Verification& verification);

    bool operator==(const Profile& other) const = default;
};

QString writeModeName(WriteMode mode); // "create", "upsert", "update"
QString fieldPolicyName(FieldPolicy policy); // "overwrite", "fillEmpty", "never"

} // namespace ContactDesk::Mapping
