#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QString>
#include <QStringList>

#include <limits>
#include <map>
#include <utility>

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Sandbox {

// Settings the control API (`/__sandbox/settings`) reads and changes.
struct Settings
{
    int rateLimitCount = 100;
    qint64 rateLimitWindowMs = 10000;
    qint64 dailyLimit = 200000;
    bool allowDuplicates = false;
    qint64 accessTokenLifetimeS = 86399;
    qint64 searchIndexLagMs = 0;

    QJsonObject toJson() const;
    // Applies the keys present in `json`; returns an error text for a bad value.
    QString apply(const QJsonObject& json);
};

struct Location
{
    QString id;
    QString companyId;
    QString name;
    QString address;
    QString country; // default region for phone numbers
};

struct OAuthApp
{
    QString clientId; // "<24 hex appId>-<8 lower-case alnum>"
    QString clientSecret;
    QString appId;
    QString versionId;
};

enum class TokenKind
{
    PrivateIntegration,
    OAuthAccess,
};

// What a bearer token may do.
struct Grant
{
    QString token;
    TokenKind kind = TokenKind::PrivateIntegration;
    QString userType = QStringLiteral("Location"); // "Location" or "Company"
    QString locationId; // empty for Company tokens
    QString companyId;
    QString clientId; // the OAuth app, or "pit:<token prefix>" for private integration tokens
    QString userId;
    QStringList scopes;
    qint64 expiresAtMs = 0; // 0: never

    bool hasScope(const QString& scope) const { return scopes.contains(scope); }
};

struct RefreshGrant
{
    QString token;
    QString clientId;
    QString userType;
    QString locationId;
    QString companyId;
    QString userId;
    QStringList scopes;
};

struct AuthCode
{
    QString code;
    QString clientId;
    QString redirectUri;
    QString userType;
    QString locationId;
    QString companyId;
    QStringList scopes;
    qint64 expiresAtMs = 0;
    // PKCE (RFC 7636): the S256 challenge the authorize request carried; empty when none was
    // sent. The token request must then bring the verifier it was made from.
    QString codeChallenge;
};

// The sandbox's whole world: locations, credentials and the contacts with everything hanging
// off them. Records are kept in their wire form (QJsonObject) so what is stored is what is sent.
class SandboxData
{
public:
    SandboxData(const Clock& clock, quint64 seed);

    const Clock& clock() const { return m_clock; }
    QRandomGenerator& random() { return m_random; }
    Settings& settings() { return m_settings; }
    const Settings& settings() const { return m_settings; }

    // Credentials that exist from the start.
    const Location& mainLocation() const { return m_locations.first(); }
    const QList<Location>& locations() const { return m_locations; }
    const Location* location(const QString& id) const;
    const OAuthApp& oauthApp() const { return m_app; }
    QString privateIntegrationToken() const { return m_pit; }
    QString adminKey() const { return m_adminKey; }
    // The user the sandbox's tokens act as: the first user of the main location.
    QString userId() const { return m_userId; }
    // The ids of the main location's users, the sandbox's own user first.
    QStringList userIds() const;

    // Tokens and codes.
    QHash<QString, Grant>& grants() { return m_grants; }
    QHash<QString, RefreshGrant>& refreshGrants() { return m_refreshGrants; }
    QHash<QString, AuthCode>& authCodes() { return m_authCodes; }
    const Grant* grant(const QString& token) const;

    // Contacts. A deleted contact keeps its record so later calls can say "contact is deleted".
    QHash<QString, QJsonObject>& contacts() { return m_contacts; }
    const QHash<QString, QJsonObject>& contacts() const { return m_contacts; }
    QSet<QString>& deletedContacts() { return m_deleted; }
    const QJsonObject* liveContact(const QString& id) const;
    // Adds or replaces a contact; keeps the dateAdded order index in step.
    void storeContact(const QJsonObject& contact);
    void deleteContact(const QString& id);
    // Live contacts of a location with that email (any case) or E.164 phone, oldest first:
    // the duplicate matcher's lookups, kept as indexes so a create stays O(1).
    QStringList contactsWithEmail(const QString& locationId, const QString& email) const;
    QStringList contactsWithPhone(const QString& locationId, const QString& phone) const;
    // Live contacts of a location keyed by (date in epoch ms, id), the id again as the value. A
    // contact whose date cannot be read gets `missingDate` and so sorts last.
    using ContactOrder = std::map<std::pair<qint64, QString>, QString>;
    static constexpr qint64 missingDate = std::numeric_limits<qint64>::max();
    // By dateAdded: the GET /contacts/ order.
    const ContactOrder& contactOrder(const QString& locationId);
    // By dateUpdated: what a sync walks, so search can page it without scanning the location.
    const ContactOrder& contactOrderByUpdated(const QString& locationId);
    // When search may see a contact again after a write (index lag).
    QHash<QString, qint64>& searchVisibleAtMs() { return m_searchVisibleAt; }

    // Sub-resources, keyed by contact id, each a list of wire objects.
    QHash<QString, QList<QJsonObject>>& tasks() { return m_tasks; }
    QHash<QString, QList<QJsonObject>>& notes() { return m_notes; }
    QHash<QString, QList<QJsonObject>>& appointments() { return m_appointments; }
    QHash<QString, QStringList>& followers() { return m_followers; }
    QHash<QString, QSet<QString>>& campaigns() { return m_campaigns; }
    QHash<QString, QHash<QString, QString>>& workflows() { return m_workflows; } // id -> start

    // Businesses (24-hex ids).
    QHash<QString, QJsonObject>& businesses() { return m_businesses; }

    // The location lists (sandboxdirectory.h), in their wire form: custom-field definitions
    // ({id, name, fieldKey, dataType, position, picklistOptions, locationId, model}), tags,
    // the company's users and calendars.
    QList<QJsonObject>& customFieldDefinitions() { return m_customFields; }
    const QList<QJsonObject>& customFieldDefinitions() const { return m_customFields; }
    QList<QJsonObject>& tags() { return m_tags; }
    const QList<QJsonObject>& tags() const { return m_tags; }
    // The location's tag of that name, in any case.
    const QJsonObject* findTag(const QString& locationId, const QString& name) const;
    QList<QJsonObject>& users() { return m_users; }
    const QList<QJsonObject>& users() const { return m_users; }
    QList<QJsonObject>& calendars() { return m_calendars; }
    const QList<QJsonObject>& calendars() const { return m_calendars; }
    // A custom field of the location (the main one when empty) by id, by fieldKey
    // ("contact.lead_score") or by the key without its model ("lead_score"), as contact
    // writes may name it.
    const QJsonObject* customFieldDefinition(
        const QString& idOrKey, const QString& locationId = {}) const;

    QString newId();
    QString newObjectId();

    // Drops every contact and sub-resource (credentials and settings stay).
    void clearContacts();

    // The whole state for --data files, and back. fromJson returns an error text on bad input
    // and leaves the state untouched.
    QJsonObject toJson() const;
    QString fromJson(const QJsonObject& json);

private:
    void createFixedWorld();
    void readDirectory(const QJsonObject& json);
    void rememberTags(const QJsonObject& contact);
    void index(const QJsonObject& contact, bool add);
    QStringList oldestFirst(const QSet<QString>& ids) const;

    const Clock& m_clock;
    QRandomGenerator m_random;
    Settings m_settings;
    QList<Location> m_locations;
    OAuthApp m_app;
    QString m_pit;
    QString m_adminKey;
    QString m_userId;
    QHash<QString, Grant> m_grants;
    QHash<QString, RefreshGrant> m_refreshGrants;
    QHash<QString, AuthCode> m_authCodes;
    QHash<QString, QJsonObject> m_contacts;
    QSet<QString> m_deleted;
    QHash<QString, ContactOrder> m_order;
    QHash<QString, ContactOrder> m_updatedOrder;
    QHash<QString, qint64> m_searchVisibleAt;
    QHash<QString, QSet<QString>> m_byEmail; // "locationId|email lower case" -> ids
    QHash<QString, QSet<QString>> m_byPhone; // "locationId|phone" -> ids
    QHash<QString, QList<QJsonObject>> m_tasks;
    QHash<QString, QList<QJsonObject>> m_notes;
    QHash<QString, QList<QJsonObject>> m_appointments;
    QHash<QString, QStringList> m_followers;
    QHash<QString, QSet<QString>> m_campaigns;
    QHash<QString, QHash<QString, QString>> m_workflows;
    QHash<QString, QJsonObject> m_businesses;
    QList<QJsonObject> m_customFields;
    QList<QJsonObject> m_tags;
    QList<QJsonObject> m_users;
    QList<QJsonObject> m_calendars;
};

// Records in their wire form as one JSON array, in order.
QJsonArray recordsToJson(const QList<QJsonObject>& records);

} // namespace ContactDesk::Sandbox
