#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

class QButtonGroup;
class QRadioButton;

namespace ContactDesk::Ui {

// Settles an update of a contact that HighLevel changed too while the update waited in the
// outbox. Each field the update carries is a row: its value before either change (base), the
// user's (mine) and HighLevel's now (theirs), with a choice per row. "Keep mine" and "Take
// theirs" settle every row at once; "Use selected" applies the per-row choices.
//
// `base` and `theirs` are contacts in wire form (Contact::toJson()); `mine` is the held update
// body (only the fields the user changed).
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Side
    {
        Mine,
        Theirs,
    };
    enum class Resolution
    {
        Undecided,
        KeepMine,
        TakeTheirs,
        PerField,
    };

    ConflictDialog(const QString& contactName, const QJsonObject& base, const QJsonObject& mine,
        const QJsonObject& theirs, QWidget* parent = nullptr);

    // The fields of the held update, in the order shown.
    QStringList fields() const { return m_fields; }
    // Fields HighLevel changed too, to a value other than the user's: the real conflicts.
    QStringList conflictingFields() const;
    Side choice(const QString& field) const;
    void choose(const QString& field, Side side);

    Resolution resolution() const { return m_resolution; }
    // Every field with the value chosen for it.
    QJsonObject chosenFields() const;
    // What still has to be sent: the fields where the user's value was chosen and differs from
    // HighLevel's. Empty when HighLevel's values were taken throughout.
    QJsonObject fieldsToSend() const;

private:
    void build(const QString& contactName);
    void settle(Resolution resolution);

    QJsonObject m_base;
    QJsonObject m_mine;
    QJsonObject m_theirs;
    QStringList m_fields;
    QHash<QString, QButtonGroup*> m_groups;
    Resolution m_resolution = Resolution::Undecided;
};

} // namespace ContactDesk::Ui
