#pragma once

#include "api/models/locationlists.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTimeEdit;

namespace ContactDesk::Ui {

// The editor of one custom field, its widget chosen by the field's dataType: a line edit (TEXT,
// PHONE), a multi-line edit (LARGE_TEXT, TEXTBOX_LIST one entry a line), a spin box
// (NUMERICAL, FLOAT, MONETORY), a date or time edit with a "Set" box (DATE, TIME), a check box
// per option (CHECKBOX), a combo (SINGLE_OPTIONS, RADIO) or a checkable list
// (MULTIPLE_OPTIONS). Files and signatures are shown, not edited.
//
// value() gives what the contact writer sends, in the shape the Contacts API takes for the
// type: a string (text, phone in E.164, options, "yyyy-MM-dd" dates, "HH:mm" times), a number
// (NUMERICAL, FLOAT, MONETORY) or an array of strings (CHECKBOX, MULTIPLE_OPTIONS,
// TEXTBOX_LIST); an empty string when the user cleared it. An untouched field gives back the
// stored value unchanged.
class CustomFieldEditor : public QWidget
{
    Q_OBJECT

public:
    // `region` is the country phone numbers are read in ("US").
    CustomFieldEditor(const Api::CustomFieldDefinition& definition, const QString& region,
        QWidget* parent = nullptr);

    const Api::CustomFieldDefinition& definition() const { return m_definition; }
    // Shows `stored` (the contact's value; null for none) and measures edits against it.
    void setStoredValue(const QJsonValue& stored);
    // Shows `value` without changing what edits are measured against (the input of a save the
    // server refused).
    void showValue(const QJsonValue& value);
    // The value to save; `error` gets a message when the input cannot be saved as it is.
    QJsonValue value(QString* error = nullptr) const;
    bool isChanged() const;
    // Shows (or, with an empty text, hides) a message under the field.
    void setError(const QString& message);
    QString error() const;
    // The widget that takes the focus for this field.
    QWidget* focusWidget() const { return m_focus; }

Q_SIGNALS:
    void changed();

private:
    bool is(const char* dataType) const;
    void build();
    void load(const QJsonValue& stored);
    QJsonValue read(QString* error) const;
    void addCheckBox(const QString& option);
    void addListItem(const QString& option);

    Api::CustomFieldDefinition m_definition;
    QString m_region;
    QJsonValue m_stored;
    QJsonValue m_loaded; // read() right after load()
    QWidget* m_focus = nullptr;
    QLabel* m_error = nullptr;
    QLineEdit* m_line = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QSpinBox* m_integer = nullptr;
    QDoubleSpinBox* m_decimal = nullptr;
    QCheckBox* m_set = nullptr;
    QDateEdit* m_date = nullptr;
    QTimeEdit* m_time = nullptr;
    QList<QCheckBox*> m_checks;
    QComboBox* m_combo = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_readOnly = nullptr;
};

} // namespace ContactDesk::Ui
