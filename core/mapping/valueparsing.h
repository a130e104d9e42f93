#pragma once

// Reading dates and numbers as people write them: what the date, number and money transforms
// and the row mapper's validation share.

#include <QDate>
#include <QLocale>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace ContactDesk::Mapping {

// A date format in Qt's letters (d dd M MM MMM MMMM yy yyyy; H h m s z AP t and day names are
// read and ignored; 'quoted' text and other characters are literal), compiled once.
class DateFormat
{
public:
    struct Result
    {
        QDate date; // invalid when the text does not fit or is not a real date
        bool shapeMatched = false; // the text fits the format (31/02/2024 fits dd/MM/yyyy)
    };

    // Null with *problem set for a format without a day, a month or a year.
    static std::optional<DateFormat> compile(const QString& format, QString* problem);
    Result parse(const QString& text) const;
    QString format() const { return m_format; }

private:
    QString m_format;
    QRegularExpression m_regex; // named groups y, M, d
    bool m_twoDigitYear = false;
};

// The date of a value already in ISO form, or as HighLevel takes birthdays (YYYY-MM-DD,
// MM-DD-YYYY, YYYY/MM/DD, MM/DD/YYYY; separators - / . _). `shapeMatched` as for DateFormat.
DateFormat::Result parseWireDate(const QString& text);

// A locale by name ("de_DE", "en_US", "C"); null for a name Qt does not know.
std::optional<QLocale> localeNamed(const QString& name);

// "1.234,5" in de_DE -> "1234.5": group separators (in groups of three) and spaces dropped,
// the locale's decimal mark, a leading + or -, then the plain C-locale text. Null when the
// text is not a number in that locale.
std::optional<QString> parseNumber(const QString& text, const QLocale& locale);
// Like parseNumber, after dropping currency symbols and codes at either end ("$1,234.50",
// "EUR 12,00", "1 234,50 kr") and reading "(12.50)" as negative.
std::optional<QString> parseMoney(const QString& text, const QLocale& locale);

} // namespace ContactDesk::Mapping
