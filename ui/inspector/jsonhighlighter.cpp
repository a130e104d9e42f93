#include "ui/inspector/jsonhighlighter.h"

#include <QColor>

namespace ContactDesk::Ui {

JsonHighlighter::JsonHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
    // A string (then, for a key, the colon after it), a number, or a literal.
    , m_tokens(QStringLiteral(
          R"(("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b)"))
{
    m_key.setForeground(QColor(0x87, 0x3e, 0x9a));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(QColor(0x1a, 0x7f, 0x37));
    m_number.setForeground(QColor(0x09, 0x5e, 0xb8));
    m_literal.setForeground(QColor(0xb3, 0x59, 0x00));
    m_match.setBackground(QColor(0xff, 0xe5, 0x6b));
}

void JsonHighlighter::setSearchTerm(const QString& term)
{
    if (term == m_term)
        return;
    m_term = term;
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    for (auto it = m_tokens.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength(1) > 0) {
            const bool key = match.capturedLength(2) > 0;
            setFormat(
                int(match.capturedStart(1)), int(match.capturedLength(1)), key ? m_key : m_string);
        } else if (match.capturedLength(3) > 0) {
            setFormat(int(match.capturedStart(3)), int(match.capturedLength(3)), m_number);
        } else if (match.capturedLength(4) > 0) {
            setFormat(int(match.capturedStart(4)), int(match.capturedLength(4)), m_literal);
        }
    }
    if (m_term.isEmpty())
        return;
    for (qsizetype at = text.indexOf(m_term, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(m_term, at + m_term.size(), Qt::CaseInsensitive)) {
        // Each character keeps its colour and gains the background.
        for (qsizetype i = at; i < at + m_term.size(); ++i) {
            QTextCharFormat marked = format(int(i));
            marked.setBackground(m_match.background());
            setFormat(int(i), 1, marked);
        }
    }
}

} // namespace ContactDesk::Ui
