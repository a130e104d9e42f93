#include "ui/dialogs/customfieldeditors.h"

#include "common/phonenumbers.h"
#include "ui/detail/customfieldformat.h"
#include "ui/dialogs/dialogsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <cmath>

namespace ContactDesk::Ui {

namespace {

constexpr int integerLimit = 999999999;
constexpr double decimalLimit = 1e12;

QJsonArray toArray(const QStringList& items)
{
    QJsonArray array;
    for (const QString& item : items)
        array.append(item);
    return array;
}

} // namespace

CustomFieldEditor::CustomFieldEditor(
    const Api::CustomFieldDefinition& definition, const QString& region, QWidget* parent)
    : QWidget(parent)
    , m_definition(definition)
    , m_region(region)
{
    setObjectName(QStringLiteral("customField_") + definition.id);
    setAccessibleName(definition.name);
    build();
    setStoredValue(QJsonValue());
}

bool CustomFieldEditor::is(const char* dataType) const
{
    return m_definition.dataType == QLatin1StringView(dataType);
}

void CustomFieldEditor::build()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    const QString name = m_definition.name;
    const auto notify = [this] {
        setError(QString());
        Q_EMIT changed();
    };
    if (is("LARGE_TEXT") || is("TEXTBOX_LIST")) {
        m_text = new QPlainTextEdit(this);
        m_text->setTabChangesFocus(true);
        m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
        m_text->setPlaceholderText(
            is("TEXTBOX_LIST") ? tr("One entry per line") : m_definition.placeholder);
        connect(m_text, &QPlainTextEdit::textChanged, this, notify);
        m_focus = m_text;
    } else if (is("NUMERICAL")) {
        m_integer = new QSpinBox(this);
        m_integer->setRange(-integerLimit - 1, integerLimit);
        m_integer->setSpecialValueText(tr("Not set"));
        connect(m_integer, &QSpinBox::valueChanged, this, notify);
        m_focus = m_integer;
    } else if (is("FLOAT") || is("MONETORY")) {
        m_decimal = new QDoubleSpinBox(this);
        m_decimal->setDecimals(is("MONETORY") ? 2 : 6);
        m_decimal->setRange(-decimalLimit - 1, decimalLimit);
        m_decimal->setSpecialValueText(tr("Not set"));
        m_decimal->setGroupSeparatorShown(true);
        connect(m_decimal, &QDoubleSpinBox::valueChanged, this, notify);
        m_focus = m_decimal;
    } else if (is("DATE") || is("TIME")) {
        auto* row = new QWidget(this);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        m_set = new QCheckBox(tr("Set"), row);
        m_set->setAccessibleName(tr("%1 is set").arg(name));
        rowLayout->addWidget(m_set);
        QWidget* edit = nullptr;
        if (is("DATE")) {
            m_date = new QDateEdit(row);
            m_date->setDisplayFormat(dateEditFormat());
            m_date->setCalendarPopup(true);
            m_date->setMinimumDate(QDate(1900, 1, 1));
            connect(m_date, &QDateEdit::dateChanged, this, notify);
            edit = m_date;
        } else {
            m_time = new QTimeEdit(row);
            QString format = QLocale().timeFormat(QLocale::ShortFormat);
            format.remove(QLatin1StringView(":ss"));
            m_time->setDisplayFormat(format);
            connect(m_time, &QTimeEdit::timeChanged, this, notify);
            edit = m_time;
        }
        edit->setAccessibleName(name);
        edit->setEnabled(false);
        rowLayout->addWidget(edit, 1);
        connect(m_set, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(m_set, &QCheckBox::toggled, this, notify);
        layout->addWidget(row);
        m_focus = m_set;
    } else if (is("CHECKBOX")) {
        const QStringList options = m_definition.picklistOptions.isEmpty()
            ? QStringList {tr("Yes")}
            : m_definition.picklistOptions;
        for (const QString& option : options)
            addCheckBox(option);
        m_focus = m_checks.value(0);
    } else if (is("SINGLE_OPTIONS") || is("RADIO")) {
        m_combo = new QComboBox(this);
        m_combo->addItem(tr("Not set"), QString());
        for (const QString& option : std::as_const(m_definition.picklistOptions))
            m_combo->addItem(option, option);
        connect(m_combo, &QComboBox::currentIndexChanged, this, notify);
        m_focus = m_combo;
    } else if (is("MULTIPLE_OPTIONS")) {
        m_list = new QListWidget(this);
        for (const QString& option : std::as_const(m_definition.picklistOptions))
            addListItem(option);
        const int rows = int(std::min<qsizetype>(6, std::max<qsizetype>(2, m_list->count())));
        m_list->setFixedHeight(m_list->sizeHintForRow(0) * rows + 2 * m_list->frameWidth() + 4);
        connect(m_list, &QListWidget::itemChanged, this, notify);
        m_focus = m_list;
    } else if (is("FILE_UPLOAD") || is("SIGNATURE")) {
        m_readOnly = new QLabel(this);
        m_readOnly->setTextFormat(Qt::PlainText);
        m_readOnly->setWordWrap(true);
        m_readOnly->setToolTip(tr("Files are added and removed in HighLevel."));
        m_focus = m_readOnly;
    } else {
        // TEXT, PHONE and any type this version does not know: text as the user types it.
        m_line = new QLineEdit(this);
        m_line->setPlaceholderText(m_definition.placeholder);
        connect(m_line, &QLineEdit::textChanged, this, notify);
        m_focus = m_line;
    }
    for (QWidget* widget : {static_cast<QWidget*>(m_line), static_cast<QWidget*>(m_text),
             static_cast<QWidget*>(m_integer), static_cast<QWidget*>(m_decimal),
             static_cast<QWidget*>(m_combo), static_cast<QWidget*>(m_list),
             static_cast<QWidget*>(m_readOnly)}) {
        if (widget) {
            widget->setAccessibleName(name);
            layout->addWidget(widget);
        }
    }
    for (QCheckBox* check : std::as_const(m_checks))
        layout->addWidget(check);
    m_error = makeMessageLabel(
        this, QStringLiteral("customFieldError"), tr("Problem with %1").arg(m_definition.name));
    layout->addWidget(m_error);
}

void CustomFieldEditor::addCheckBox(const QString& option)
{
    auto* check = new QCheckBox(option, this);
    check->setProperty("option", option);
    check->setAccessibleName(QStringLiteral("%1: %2").arg(m_definition.name, option));
    connect(check, &QCheckBox::toggled, this, [this] {
        setError(QString());
        Q_EMIT changed();
    });
    if (auto* box = qobject_cast<QVBoxLayout*>(layout()); box && m_error)
        box->insertWidget(box->indexOf(m_error), check);
    m_checks.append(check);
}

void CustomFieldEditor::addListItem(const QString& option)
{
    auto* item = new QListWidgetItem(option, m_list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Unchecked);
}

void CustomFieldEditor::setStoredValue(const QJsonValue& stored)
{
    m_stored = stored;
    const QSignalBlocker blocker(this);
    load(stored);
    m_loaded = read(nullptr);
    setError(QString());
}

void CustomFieldEditor::showValue(const QJsonValue& value)
{
    const QSignalBlocker blocker(this);
    load(value);
}

void CustomFieldEditor::load(const QJsonValue& stored)
{
    const bool empty = isEmptyCustomValue(stored);
    if (m_line) {
        const QString text = customValueItems(stored).join(QStringLiteral(", "));
        m_line->setText(is("PHONE") ? formatPhone(text, m_region) : text);
    } else if (m_text) {
        m_text->setPlainText(customValueItems(stored).join(is("TEXTBOX_LIST") ? u'\n' : u' '));
    } else if (m_integer) {
        const std::optional<double> number = customValueNumber(stored);
        m_integer->setValue(number ? int(std::llround(*number)) : m_integer->minimum());
    } else if (m_decimal) {
        const std::optional<double> number = customValueNumber(stored);
        m_decimal->setValue(number ? *number : m_decimal->minimum());
    } else if (m_date) {
        const std::optional<QDate> date = customValueDate(stored);
        m_set->setChecked(date.has_value());
        m_date->setDate(date.value_or(QDate::currentDate()));
    } else if (m_time) {
        const std::optional<QTime> time = customValueTime(stored);
        m_set->setChecked(time.has_value());
        m_time->setTime(time.value_or(QTime(9, 0)));
    } else if (!m_checks.isEmpty()) {
        const QStringList checked = customValueItems(stored);
        for (const QString& option : checked) {
            const bool known = std::any_of(m_checks.begin(), m_checks.end(),
                [&option](QCheckBox* c) { return c->property("option").toString() == option; });
            if (!known)
                addCheckBox(option); // a value the location no longer offers still shows
        }
        for (QCheckBox* check : std::as_const(m_checks))
            check->setChecked(checked.contains(check->property("option").toString()));
    } else if (m_combo) {
        const QString text = empty ? QString() : customValueItems(stored).value(0);
        if (!text.isEmpty() && m_combo->findData(text) < 0)
            m_combo->addItem(text, text);
        m_combo->setCurrentIndex(std::max(0, m_combo->findData(text)));
    } else if (m_list) {
        const QStringList checked = customValueItems(stored);
        for (const QString& option : checked) {
            if (m_list->findItems(option, Qt::MatchExactly).isEmpty())
                addListItem(option);
        }
        for (int i = 0; i < m_list->count(); ++i) {
            QListWidgetItem* item = m_list->item(i);
            item->setCheckState(checked.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
        }
    } else if (m_readOnly) {
        const QString text = customFieldText(&m_definition, stored, m_region);
        m_readOnly->setText(text.isEmpty() ? tr("No files") : text);
    }
}

QJsonValue CustomFieldEditor::read(QString* error) const
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return QJsonValue(QString());
    };
    if (m_line) {
        const QString text = m_line->text().trimmed();
        if (!is("PHONE") || text.isEmpty())
            return text;
        const QString e164 = toE164(text, m_region);
        if (e164.isEmpty()) {
            return fail(tr("\"%1\" is not a phone number. Check the digits, or start with + and "
                           "the country code.")
                            .arg(text));
        }
        return e164;
    }
    if (m_text) {
        if (!is("TEXTBOX_LIST"))
            return m_text->toPlainText().trimmed().isEmpty() ? QString() : m_text->toPlainText();
        QStringList entries;
        for (const QString& line : m_text->toPlainText().split(u'\n')) {
            if (!line.trimmed().isEmpty())
                entries << line.trimmed();
        }
        return entries.isEmpty() ? QJsonValue(QString()) : QJsonValue(toArray(entries));
    }
    if (m_integer) {
        return m_integer->value() == m_integer->minimum() ? QJsonValue(QString())
                                                          : QJsonValue(m_integer->value());
    }
    if (m_decimal) {
        return m_decimal->value() == m_decimal->minimum() ? QJsonValue(QString())
                                                          : QJsonValue(m_decimal->value());
    }
    if (m_date) {
        if (!m_set->isChecked())
            return QString();
        return m_date->date().toString(Qt::ISODate);
    }
    if (m_time) {
        if (!m_set->isChecked())
            return QString();
        return m_time->time().toString(QStringLiteral("HH:mm"));
    }
    if (!m_checks.isEmpty()) {
        QStringList checked;
        for (QCheckBox* check : m_checks) {
            if (check->isChecked())
                checked << check->property("option").toString();
        }
        return checked.isEmpty() ? QJsonValue(QString()) : QJsonValue(toArray(checked));
    }
    if (m_combo)
        return m_combo->currentData().toString();
    if (m_list) {
        QStringList checked;
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->checkState() == Qt::Checked)
                checked << m_list->item(i)->text();
        }
        return checked.isEmpty() ? QJsonValue(QString()) : QJsonValue(toArray(checked));
    }
    return m_stored;
}

QJsonValue CustomFieldEditor::value(QString* error) const
{
    QString problem;
    const QJsonValue current = read(&problem);
    if (error)
        *error = problem;
    if (!problem.isEmpty())
        return current;
    // What the user left as it was shown goes back exactly as it was stored.
    return current == m_loaded ? m_stored : current;
}

bool CustomFieldEditor::isChanged() const
{
    QString problem;
    return read(&problem) != m_loaded || !problem.isEmpty();
}

void CustomFieldEditor::setError(const QString& message)
{
    setMessage(m_error, message);
}

QString CustomFieldEditor::error() const
{
    return m_error->text();
}

} // namespace ContactDesk::Ui
