#include "mapping/vcardwriter.h"

#include "store/contactcache.h"

namespace ContactDesk::Mapping::VCard {

QString escapeText(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' || c == u',' || c == u';') {
            escaped += u'\\';
            escaped += c;
        } else if (c == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            escaped += QStringLiteral("\\n");
        } else if (c == u'\n') {
            escaped += QStringLiteral("\\n");
        } else {
            escaped += c;
        }
    }
    return escaped;
}

QString structured(const QStringList& components)
{
    QStringList escaped;
    for (const QString& component : components)
        escaped.append(escapeText(component));
    return escaped.join(u';');
}

QByteArray foldLine(const QString& line)
{
    const QByteArray utf8 = line.toUtf8();
    QByteArray folded;
    folded.reserve(utf8.size() + utf8.size() / 70 * 3 + 2);
    qsizetype lineOctets = 0;
    const qsizetype limit = 75;
    for (qsizetype i = 0; i < utf8.size();) {
        // The whole UTF-8 sequence starting at i.
        qsizetype length = 1;
        while (i + length < utf8.size() && (uchar(utf8.at(i + length)) & 0xC0) == 0x80)
            ++length;
        if (lineOctets + length > limit) {
            folded += "\r\n ";
            lineOctets = 1;
        }
        folded += utf8.mid(i, length);
        lineOctets += length;
        i += length;
    }
    folded += "\r\n";
    return folded;
}

QByteArray card(const Api::Contact& contact)
{
    QByteArray out;
    auto add = [&](const QString& line) { out += foldLine(line); };
    add(QStringLiteral("BEGIN:VCARD"));
    add(QStringLiteral("VERSION:4.0"));
    QString formatted = Store::ContactCache::displayName(contact);
    if (formatted.isEmpty())
        formatted = contact.id;
    add(QStringLiteral("FN:") + escapeText(formatted));
    if (!contact.firstName.isEmpty() || !contact.lastName.isEmpty())
        add(QStringLiteral("N:") + structured({contact.lastName, contact.firstName, {}, {}, {}}));
    if (!contact.email.isEmpty())
        add(QStringLiteral("EMAIL:") + escapeText(contact.email));
    if (!contact.phone.isEmpty()) {
        // A URI value is not text-escaped (RFC 6350 6.4.1).
        QString number = contact.phone;
        number.remove(u' ');
        add(QStringLiteral("TEL;VALUE=uri;TYPE=cell:tel:") + number);
    }
    if (!contact.companyName.isEmpty())
        add(QStringLiteral("ORG:") + escapeText(contact.companyName));
    if (!contact.address1.isEmpty() || !contact.city.isEmpty() || !contact.state.isEmpty()
        || !contact.postalCode.isEmpty() || !contact.country.isEmpty()) {
        add(QStringLiteral("ADR:")
            + structured({{}, {}, contact.address1, contact.city, contact.state, contact.postalCode,
                contact.country}));
    }
    if (!contact.website.isEmpty())
        add(QStringLiteral("URL:") + contact.website);
    if (contact.dateOfBirth.isValid())
        add(QStringLiteral("BDAY:") + contact.dateOfBirth.toString(QStringLiteral("yyyyMMdd")));
    if (!contact.tags.isEmpty()) {
        QStringList tags;
        for (const QString& tag : contact.tags)
            tags.append(escapeText(tag));
        add(QStringLiteral("CATEGORIES:") + tags.join(u','));
    }
    add(QStringLiteral("X-CONTACTDESK-ID:") + escapeText(contact.id));
    add(QStringLiteral("END:VCARD"));
    return out;
}

} // namespace ContactDesk::Mapping::VCard
