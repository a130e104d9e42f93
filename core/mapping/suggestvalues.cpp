#include "mapping/suggestvalues.h"

#include "mapping/rulechains.h"

#include <QRegularExpression>

#include <algorithm>

namespace ContactDesk::Mapping::Values {

namespace {

using Kind = Target::Kind;

qsizetype countMatching(const QStringList& samples, bool (*test)(const QString&))
{
    return std::count_if(samples.cbegin(), samples.cend(), test);
}

bool mostly(qsizetype matching, qsizetype total)
{
    return total > 0 && matching * 10 >= total * 9;
}

QString share(qsizetype matching, qsizetype total)
{
    return QStringLiteral("%1 of %2 sampled values").arg(matching).arg(total);
}

} // namespace

bool looksLikeEmail(const QString& value)
{
    static const QRegularExpression email(
        QStringLiteral("^[^@\\s<>(),;:\"]+@[^@\\s<>(),;:\"]+\\.[A-Za-z]{2,}$"));
    return email.match(value.trimmed()).hasMatch();
}

bool looksLikePhone(const QString& value)
{
    static const QRegularExpression phone(
        QStringLiteral("^(tel:)?\\+?[\\d\\s().\\-/]{7,22}((ext\\.?|x)\\s*\\d{1,6})?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = value.trimmed();
    if (!phone.match(text).hasMatch())
        return false;
    const qsizetype digits
        = std::count_if(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
    return digits >= 7 && digits <= 15;
}

bool looksLikeUrl(const QString& value)
{
    static const QRegularExpression url(QStringLiteral("^(https?://|www\\.)[^\\s]+\\.[^\\s]+$"),
        QRegularExpression::CaseInsensitiveOption);
    return url.match(value.trimmed()).hasMatch();
}

bool looksLikePostalCode(const QString& value)
{
    // US ZIP and ZIP+4, five-digit European codes, UK and Canadian postcodes.
    static const QRegularExpression postal(
        QStringLiteral(
            "^(\\d{5}(-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d)$"),
        QRegularExpression::CaseInsensitiveOption);
    return postal.match(value.trimmed()).hasMatch();
}

bool looksLikeTagList(const QString& value)
{
    static const QRegularExpression separators(QStringLiteral("\\s*(:::|;|\\|)\\s*"));
    if (value.contains(u'@'))
        return false;
    const QStringList items = value.split(separators, Qt::SkipEmptyParts);
    return items.size() >= 2 && std::all_of(items.cbegin(), items.cend(), [](const QString& item) {
        return item.trimmed().size() <= 40;
    });
}

std::optional<Sniffed> sniff(const QString& column, const QStringList& samples)
{
    const qsizetype total = samples.size();
    if (total == 0)
        return std::nullopt;
    const QString header
        = column.isEmpty() ? QStringLiteral("this column") : u'\'' + column + u'\'';
    auto result = [&](Kind kind, const char* field, double confidence, qsizetype matching,
                      const QString& what) {
        Sniffed sniffed {{kind, QString::fromLatin1(field)}, confidence, {}};
        sniffed.reason = QStringLiteral("the values of %1 look like %2 (%3)")
                             .arg(header, what, share(matching, total));
        return sniffed;
    };
    if (const qsizetype n = countMatching(samples, looksLikeEmail); mostly(n, total))
        return result(Kind::ContactField, "email", 0.75, n, QStringLiteral("email addresses"));
    if (const qsizetype n = countMatching(samples, looksLikeUrl); mostly(n, total))
        return result(Kind::ContactField, "website", 0.65, n, QStringLiteral("web addresses"));
    // Dates before phones and postal codes: "2024-01-31" has digits and dashes too.
    static const QRegularExpression dateShape(QStringLiteral("\\d.*[-/. ].*\\d|^\\d{8}$"));
    const bool dateShaped = std::all_of(samples.cbegin(), samples.cend(),
        [](const QString& value) { return dateShape.match(value).hasMatch(); });
    if (const QStringList formats = Chains::guessDateFormats(samples);
        dateShaped && !formats.isEmpty()) {
        // A header that names another date ("Signup date", "Created") is not a birthday.
        static const QRegularExpression otherDate(
            QStringLiteral("(date|created|updated|modified|signup|sign up|joined|since|last|"
                           "registered|expir|renew|start|end|time|_at$| at$)"),
            QRegularExpression::CaseInsensitiveOption);
        const QString what = QStringLiteral("dates in %1").arg(formats.join(QStringLiteral(", ")));
        if (otherDate.match(column).hasMatch()) {
            Sniffed sniffed = result(Kind::Ignore, "", 0.6, total, what);
            sniffed.reason += QStringLiteral(", but the header names no date of birth");
            return sniffed;
        }
        Sniffed sniffed = result(Kind::ContactField, "dateOfBirth", 0.5, total, what);
        sniffed.reason += QStringLiteral("; the date of birth is the contact's date field");
        return sniffed;
    }
    if (const qsizetype n = countMatching(samples, looksLikePostalCode); mostly(n, total))
        return result(Kind::ContactField, "postalCode", 0.55, n, QStringLiteral("postal codes"));
    if (const qsizetype n = countMatching(samples, looksLikePhone); mostly(n, total))
        return result(Kind::ContactField, "phone", 0.65, n, QStringLiteral("phone numbers"));
    // A tag list needs some values with several items; the others may hold a single tag.
    if (const qsizetype n = countMatching(samples, looksLikeTagList); n * 10 >= total * 3) {
        const bool shortItems = std::all_of(samples.cbegin(), samples.cend(),
            [](const QString& value) { return value.size() <= 200 && !value.contains(u'@'); });
        if (shortItems)
            return result(Kind::Tags, "", 0.5, n, QStringLiteral("lists of tags"));
    }
    return std::nullopt;
}

void checkAgainstValues(
    const Target* target, double* confidence, QString* reason, const QStringList& samples)
{
    const qsizetype total = samples.size();
    if (total < 3 || target->kind != Kind::ContactField)
        return;
    bool (*test)(const QString&) = nullptr;
    QString what;
    if (target->name == u"email") {
        test = looksLikeEmail;
        what = QStringLiteral("email addresses");
    } else if (target->name == u"phone") {
        test = looksLikePhone;
        what = QStringLiteral("phone numbers");
    } else if (target->name == u"website") {
        test = [](const QString& value) { return looksLikeUrl(value) || value.contains(u'.'); };
        what = QStringLiteral("web addresses");
    } else if (target->name == u"dateOfBirth") {
        if (Chains::guessDateFormats(samples).isEmpty()) {
            *confidence *= 0.6;
            *reason += QStringLiteral(", but no date format reads all its sampled values");
        }
        return;
    } else {
        return;
    }
    const qsizetype n = countMatching(samples, test);
    if (n * 2 < total) {
        *confidence *= 0.6;
        *reason += QStringLiteral(", but only %1 look like %2").arg(share(n, total), what);
    } else if (n == total) {
        *confidence = std::min(1.0, *confidence + 0.03);
    }
}

} // namespace ContactDesk::Mapping::Values
