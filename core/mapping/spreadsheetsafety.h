#pragma once

#include <QString>

namespace ContactDesk::Mapping {

// A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
// return) gets a leading apostrophe, so opening an exported or results file runs nothing.
inline QString neutraliseFormula(const QString& cell)
{
    if (cell.isEmpty())
        return cell;
    const QChar first = cell.front();
    if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
        || first == u'\r')
        return u'\'' + cell;
    return cell;
}

} // namespace ContactDesk::Mapping
