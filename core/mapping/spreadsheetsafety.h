#pragma once

#include <QString>
#include <QStringList>

namespace ContactDesk::Mapping {

// A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
// return) gets a leading apostrophe, so opening an export or a results file in Excel, Calc or
// Sheets shows the text instead of evaluating it. A cell that already starts with apostrophes
// before such a character gets one more, so stripping exactly one apostrophe on re-import
// (unneutraliseFormulaPattern) always gives the original text back.
inline bool startsLikeFormula(const QString& cell)
{
    qsizetype i = 0;
    while (i < cell.size() && cell.at(i) == u'\'')
        ++i;
    if (i == cell.size())
        return false;
    const QChar first = cell.at(i);
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
        || first == u'\r';
}

inline QString neutraliseFormula(const QString& cell)
{
    return startsLikeFormula(cell) ? u'\'' + cell : cell;
}

// The regular expression (QRegularExpression syntax) that removes the apostrophe
// neutraliseFormula added: one leading apostrophe before apostrophes and a formula character.
inline QString unneutraliseFormulaPattern()
{
    return QStringLiteral("^'(?='*[=+\\-@\\t\\r])");
}

// One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF (quotes doubled), or
// leading or trailing spaces some readers would trim. Not neutralised: see csvCell.
inline QString csvQuote(const QString& field, QChar delimiter = u',')
{
    const bool needsQuotes = field.contains(delimiter) || field.contains(u'"')
        || field.contains(u'\n') || field.contains(u'\r')
        || (!field.isEmpty() && (field.front() == u' ' || field.back() == u' '));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

// A cell of a CSV file people open in a spreadsheet: neutralised, then quoted.
inline QString csvCell(const QString& field, QChar delimiter = u',')
{
    return csvQuote(neutraliseFormula(field), delimiter);
}

// One CSV record with its CRLF line end (RFC 4180).
inline QString csvLine(const QStringList& cells, QChar delimiter = u',')
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += delimiter;
        line += csvCell(cells.at(i), delimiter);
    }
    line += QStringLiteral("\r\n");
    return line;
}

} // namespace ContactDesk::Mapping
