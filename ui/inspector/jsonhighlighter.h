#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ContactDesk::Ui {

// Colours pretty-printed JSON: keys, strings, numbers, true/false/null. Also marks the matches
// of the search term, so a user sees every hit at once, not only the selected one.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument* document);

    void setSearchTerm(const QString& term);
    // The formats, for tests and the legend.
    const QTextCharFormat& keyFormat() const { return m_key; }
    const QTextCharFormat& stringFormat() const { return m_string; }
    const QTextCharFormat& numberFormat() const { return m_number; }
    const QTextCharFormat& literalFormat() const { return m_literal; }

protected:
    void highlightBlock(const QString& text) override;

private:
    QRegularExpression m_tokens;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_match;
    QString m_term;
};

} // namespace ContactDesk::Ui
