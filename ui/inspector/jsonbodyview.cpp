#include "ui/inspector/jsonbodyview.h"

#include "ui/inspector/jsonhighlighter.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

QString scalarText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return u'"' + value.toString() + u'"';
    case QJsonValue::Double:
        return QString::fromUtf8(
            QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).sliced(1).chopped(1));
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QObject::tr("[%n item(s)]", nullptr, int(value.toArray().size()));
    case QJsonValue::Object:
        return QObject::tr("{%n key(s)}", nullptr, int(value.toObject().size()));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

void addValue(QStandardItem* parent, const QString& key, const QJsonValue& value)
{
    auto* keyItem = new QStandardItem(key);
    auto* valueItem = new QStandardItem(scalarText(value));
    keyItem->setEditable(false);
    valueItem->setEditable(false);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            addValue(keyItem, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            addValue(keyItem, QStringLiteral("[%1]").arg(i), array.at(i));
    }
    parent->appendRow({keyItem, valueItem});
}

} // namespace

JsonBodyView::JsonBodyView(const QString& objectName, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(objectName);
    m_search = new QLineEdit(this);
    m_search->setObjectName(objectName + QStringLiteral("Search"));
    m_search->setPlaceholderText(tr("Search the body…"));
    m_search->setClearButtonEnabled(true);
    m_matches = new QLabel(this);
    m_matches->setObjectName(objectName + QStringLiteral("Matches"));
    m_treeToggle = new QToolButton(this);
    m_treeToggle->setObjectName(objectName + QStringLiteral("TreeToggle"));
    m_treeToggle->setText(tr("Tree"));
    m_treeToggle->setToolTip(tr("Show the JSON as a tree whose objects and arrays fold"));
    m_treeToggle->setCheckable(true);
    m_note = new QLabel(this);
    m_note->setObjectName(objectName + QStringLiteral("Note"));
    m_note->setWordWrap(true);
    m_note->hide();

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(objectName + QStringLiteral("Text"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new JsonHighlighter(m_text->document());
    m_model = new QStandardItemModel(this);
    m_model->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_tree = new QTreeView(this);
    m_tree->setObjectName(objectName + QStringLiteral("Tree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_tree);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_matches);
    bar->addWidget(m_treeToggle);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(m_stack, 1);

    connect(m_treeToggle, &QToolButton::toggled, this, &JsonBodyView::setTreeShown);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& term) { search(term); });
    connect(m_search, &QLineEdit::returnPressed, this, &JsonBodyView::findNext);
    setBody({});
}

void JsonBodyView::setBody(const QByteArray& body, bool truncated)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    m_json = !body.isEmpty() && error.error == QJsonParseError::NoError;
    m_model->removeRows(0, m_model->rowCount());
    if (m_json) {
        m_text->setPlainText(QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
        const QJsonValue root
            = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        addValue(m_model->invisibleRootItem(), document.isArray() ? tr("(array)") : tr("(object)"),
            root);
        m_tree->expandToDepth(1);
    } else {
        m_text->setPlainText(QString::fromUtf8(body));
    }
    m_treeToggle->setEnabled(m_json);
    if (!m_json)
        setTreeShown(false);
    if (truncated) {
        m_note->setText(tr("Only the start of this body was kept (the inspector caps each body)."));
        m_note->show();
    } else if (body.isEmpty()) {
        m_note->setText(tr("No body."));
        m_note->show();
    } else {
        m_note->hide();
    }
    search(m_search->text());
}

QString JsonBodyView::text() const
{
    return m_text->toPlainText();
}

void JsonBodyView::setTreeShown(bool tree)
{
    const bool shown = tree && m_json;
    m_stack->setCurrentWidget(shown ? static_cast<QWidget*>(m_tree) : m_text);
    if (m_treeToggle->isChecked() != shown)
        m_treeToggle->setChecked(shown);
}

bool JsonBodyView::isTreeShown() const
{
    return m_stack->currentWidget() == m_tree;
}

int JsonBodyView::search(const QString& term)
{
    if (m_search->text() != term)
        m_search->setText(term); // comes back here through textChanged
    m_highlighter->setSearchTerm(term);
    if (term.isEmpty()) {
        m_matches->clear();
        return 0;
    }
    const int count = int(m_text->toPlainText().count(term, Qt::CaseInsensitive));
    m_matches->setText(count == 0 ? tr("No match") : tr("%n match(es)", nullptr, count));
    m_text->moveCursor(QTextCursor::Start);
    findNext();
    return count;
}

void JsonBodyView::findNext()
{
    const QString term = m_search->text();
    if (term.isEmpty())
        return;
    if (isTreeShown()) {
        QModelIndexList hits;
        for (int column = 0; column < 2; ++column) {
            hits += m_model->match(m_model->index(0, column), Qt::DisplayRole, term, -1,
                Qt::MatchContains | Qt::MatchRecursive | Qt::MatchWrap);
        }
        if (hits.isEmpty())
            return;
        // The hit after the current one, in the tree's order of rows.
        const QModelIndex current = m_tree->currentIndex();
        QModelIndex next = hits.first();
        for (qsizetype i = 0; i < hits.size(); ++i) {
            if (hits.at(i) == current) {
                next = hits.at((i + 1) % hits.size());
                break;
            }
        }
        for (QModelIndex up = next.parent(); up.isValid(); up = up.parent())
            m_tree->expand(up.siblingAtColumn(0));
        m_tree->setCurrentIndex(next);
        m_tree->scrollTo(next);
        return;
    }
    if (!m_text->find(term)) {
        m_text->moveCursor(QTextCursor::Start);
        m_text->find(term);
    }
}

} // namespace ContactDesk::Ui
