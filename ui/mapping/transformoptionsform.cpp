#include "ui/mapping/transformoptionsform.h"

#include "ui/dialogs/dialogsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

using Mapping::TransformOption;

namespace {

// Keeps one empty row at the end of a value map, where a new entry is typed.
void keepEmptyLastRow(QTableWidget* table)
{
    const int last = table->rowCount() - 1;
    const auto filled = [table](int row) {
        for (int column = 0; column < table->columnCount(); ++column) {
            const QTableWidgetItem* item = table->item(row, column);
            if (item && !item->text().isEmpty())
                return true;
        }
        return false;
    };
    if (last < 0 || filled(last))
        table->insertRow(table->rowCount());
}

} // namespace

TransformOptionsForm::TransformOptionsForm(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("transformOptionsForm"));
    m_none = new QLabel(tr("This step has no options."), this);
    m_none->setObjectName(QStringLiteral("transformOptionsNone"));
    m_problem = makeMessageLabel(
        this, QStringLiteral("transformOptionsProblem"), tr("Problem with this step"));
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_none);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
}

void TransformOptionsForm::clear()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    m_options.clear();
}

void TransformOptionsForm::setTransform(
    const Mapping::TransformInfo* info, const QJsonObject& options)
{
    m_filling = true;
    clear();
    if (info)
        m_options = info->options;
    QWidget* previous = nullptr;
    for (const TransformOption& option : std::as_const(m_options)) {
        QWidget* editor = makeEditor(option, options.value(option.name));
        editor->setObjectName(QStringLiteral("transformOption_") + option.name);
        editor->setAccessibleName(option.title);
        QString title = option.title;
        if (option.required)
            title = requiredLabel(title);
        auto* label = new QLabel(title, this);
        label->setBuddy(editor);
        m_form->addRow(label, editor);
        m_editors.insert(option.name, editor);
        if (previous)
            setTabOrder(previous, editor);
        previous = editor;
    }
    m_none->setVisible(info && m_options.isEmpty());
    setEnabled(info != nullptr);
    m_filling = false;
}

QWidget* TransformOptionsForm::makeEditor(const TransformOption& option, const QJsonValue& given)
{
    const QJsonValue value = given.isUndefined() ? option.defaultValue : given;
    switch (option.type) {
    case TransformOption::Type::String: {
        auto* edit = new QLineEdit(value.toString(), this);
        connect(edit, &QLineEdit::textEdited, this, &TransformOptionsForm::emitChanged);
        return edit;
    }
    case TransformOption::Type::StringList: {
        QStringList lines;
        for (const QJsonValue& item : value.toArray())
            lines.append(item.toString());
        auto* edit = new QPlainTextEdit(lines.join(u'\n'), this);
        edit->setTabChangesFocus(true);
        edit->setPlaceholderText(tr("One per line"));
        edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 5 + 12);
        connect(edit, &QPlainTextEdit::textChanged, this, &TransformOptionsForm::emitChanged);
        return edit;
    }
    case TransformOption::Type::Integer: {
        auto* spin = new QSpinBox(this);
        spin->setRange(0, 999);
        spin->setValue(value.toInt());
        connect(spin, &QSpinBox::valueChanged, this, &TransformOptionsForm::emitChanged);
        return spin;
    }
    case TransformOption::Type::Boolean: {
        auto* check = new QCheckBox(this);
        check->setChecked(value.toBool());
        connect(check, &QCheckBox::toggled, this, &TransformOptionsForm::emitChanged);
        return check;
    }
    case TransformOption::Type::Choice: {
        auto* combo = new QComboBox(this);
        combo->addItems(option.choices);
        const int index = combo->findText(value.toString());
        combo->setCurrentIndex(std::max(0, index));
        connect(combo, &QComboBox::currentIndexChanged, this, &TransformOptionsForm::emitChanged);
        return combo;
    }
    case TransformOption::Type::StringMap: {
        auto* table = new QTableWidget(0, 2, this);
        table->setHorizontalHeaderLabels({tr("Value in the file"), tr("Becomes")});
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->verticalHeader()->hide();
        table->setTabKeyNavigation(false);
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const int row = table->rowCount();
            table->insertRow(row);
            table->setItem(row, 0, new QTableWidgetItem(it.key()));
            table->setItem(row, 1, new QTableWidgetItem(it.value().toString()));
        }
        keepEmptyLastRow(table);
        connect(table, &QTableWidget::itemChanged, this, [this, table] {
            if (m_filling)
                return;
            m_filling = true;
            keepEmptyLastRow(table);
            m_filling = false;
            emitChanged();
        });
        return table;
    }
    }
    return new QWidget(this);
}

QJsonValue TransformOptionsForm::valueOf(const TransformOption& option) const
{
    QWidget* editor = m_editors.value(option.name);
    switch (option.type) {
    case TransformOption::Type::String:
        return static_cast<QLineEdit*>(editor)->text();
    case TransformOption::Type::StringList: {
        QJsonArray items;
        const QStringList lines
            = static_cast<QPlainTextEdit*>(editor)->toPlainText().split(u'\n', Qt::SkipEmptyParts);
        for (const QString& line : lines)
            items.append(line);
        return items;
    }
    case TransformOption::Type::Integer:
        return static_cast<QSpinBox*>(editor)->value();
    case TransformOption::Type::Boolean:
        return static_cast<QCheckBox*>(editor)->isChecked();
    case TransformOption::Type::Choice:
        return static_cast<QComboBox*>(editor)->currentText();
    case TransformOption::Type::StringMap: {
        auto* table = static_cast<QTableWidget*>(editor);
        QJsonObject map;
        for (int row = 0; row < table->rowCount(); ++row) {
            const QTableWidgetItem* from = table->item(row, 0);
            const QTableWidgetItem* to = table->item(row, 1);
            if (from && !from->text().isEmpty())
                map.insert(from->text(), to ? to->text() : QString());
        }
        return map;
    }
    }
    return {};
}

QJsonObject TransformOptionsForm::options() const
{
    QJsonObject options;
    for (const TransformOption& option : m_options) {
        const QJsonValue value = valueOf(option);
        const bool empty = (value.isString() && value.toString().isEmpty())
            || (value.isArray() && value.toArray().isEmpty())
            || (value.isObject() && value.toObject().isEmpty());
        // An option at its default says nothing; a required one is always written.
        if (!option.required
            && (value == option.defaultValue
                || (empty && (option.defaultValue.isNull() || option.defaultValue.isUndefined()))))
            continue;
        options.insert(option.name, value);
    }
    return options;
}

void TransformOptionsForm::setProblem(const QString& text)
{
    setMessage(m_problem, text);
}

void TransformOptionsForm::emitChanged()
{
    if (!m_filling)
        Q_EMIT optionsChanged(options());
}

} // namespace ContactDesk::Ui
