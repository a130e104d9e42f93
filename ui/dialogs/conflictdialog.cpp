#include "ui/dialogs/conflictdialog.h"

#include "ui/dialogs/dialogsupport.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

QLabel* header(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ConflictDialog::ConflictDialog(const QString& contactName, const QJsonObject& base,
    const QJsonObject& mine, const QJsonObject& theirs, QWidget* parent)
    : QDialog(parent)
    , m_base(base)
    , m_mine(mine)
    , m_theirs(theirs)
    , m_fields(inFieldOrder(mine.keys()))
{
    build(contactName);
}

void ConflictDialog::build(const QString& contactName)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Resolve a conflict"));
    setAccessibleName(windowTitle());

    const QString who = contactName.trimmed().isEmpty() ? tr("this contact") : contactName;
    auto* intro = new QLabel(tr("%1 was changed in HighLevel while your changes were waiting to "
                                "be sent. Choose which value to keep for each field.")
                                 .arg(who),
        this);
    intro->setObjectName(QStringLiteral("conflictIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    auto* table = new QWidget(this);
    auto* grid = new QGridLayout(table);
    grid->addWidget(header(tr("Field"), table), 0, 0);
    grid->addWidget(header(tr("Before"), table), 0, 1);
    grid->addWidget(header(tr("Yours"), table), 0, 2);
    grid->addWidget(header(tr("In HighLevel now"), table), 0, 3);
    const QStringList conflicting = conflictingFields();
    QWidget* previous = nullptr;
    int row = 1;
    for (const QString& field : std::as_const(m_fields)) {
        const QString name = fieldDisplayName(field);
        const bool clash = conflicting.contains(field);
        auto* label = new QLabel(clash ? tr("%1 (changed on both sides)").arg(name) : name, table);
        label->setObjectName(QStringLiteral("conflictField_") + field);
        if (clash) {
            QFont font = label->font();
            font.setBold(true);
            label->setFont(font);
        }
        auto* before = new QLabel(displayValue(m_base.value(field)), table);
        before->setObjectName(QStringLiteral("conflictBase_") + field);
        before->setWordWrap(true);
        before->setTextFormat(Qt::PlainText);
        before->setAccessibleName(tr("%1 before").arg(name));

        auto* mine = new QRadioButton(displayValue(m_mine.value(field)), table);
        mine->setObjectName(QStringLiteral("conflictMine_") + field);
        mine->setAccessibleName(tr("Keep your %1: %2").arg(name, mine->text()));
        auto* theirs = new QRadioButton(displayValue(m_theirs.value(field)), table);
        theirs->setObjectName(QStringLiteral("conflictTheirs_") + field);
        theirs->setAccessibleName(tr("Take HighLevel's %1: %2").arg(name, theirs->text()));
        auto* group = new QButtonGroup(this);
        group->addButton(mine, int(Side::Mine));
        group->addButton(theirs, int(Side::Theirs));
        mine->setChecked(true);
        m_groups.insert(field, group);

        grid->addWidget(label, row, 0);
        grid->addWidget(before, row, 1);
        grid->addWidget(mine, row, 2);
        grid->addWidget(theirs, row, 3);
        if (previous)
            setTabOrder(previous, mine);
        setTabOrder(mine, theirs);
        previous = theirs;
        ++row;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setColumnStretch(3, 1);
    grid->setRowStretch(row, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("conflictFields"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(table);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* keepMine = buttons->addButton(tr("Keep &mine"), QDialogButtonBox::ActionRole);
    keepMine->setObjectName(QStringLiteral("keepMine"));
    keepMine->setAccessibleName(tr("Keep all your values"));
    keepMine->setAutoDefault(false);
    QPushButton* takeTheirs = buttons->addButton(tr("Take &theirs"), QDialogButtonBox::ActionRole);
    takeTheirs->setObjectName(QStringLiteral("takeTheirs"));
    takeTheirs->setAccessibleName(tr("Take all of HighLevel's values"));
    takeTheirs->setAutoDefault(false);
    QPushButton* apply = buttons->addButton(tr("&Use selected"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("useSelected"));
    apply->setAccessibleName(tr("Use the values selected in each row"));
    apply->setDefault(true);
    QPushButton* later = buttons->addButton(tr("Decide &later"), QDialogButtonBox::RejectRole);
    later->setObjectName(QStringLiteral("cancelButton"));
    later->setAccessibleName(tr("Decide later; the update stays held"));
    later->setAutoDefault(false);
    connect(keepMine, &QPushButton::clicked, this, [this] { settle(Resolution::KeepMine); });
    connect(takeTheirs, &QPushButton::clicked, this, [this] { settle(Resolution::TakeTheirs); });
    connect(apply, &QPushButton::clicked, this, [this] { settle(Resolution::PerField); });
    connect(later, &QPushButton::clicked, this, &ConflictDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(720, std::min(160 + 44 * int(m_fields.size()), 640));
}

QStringList ConflictDialog::conflictingFields() const
{
    QStringList fields;
    for (const QString& field : m_fields) {
        const QJsonValue theirs = m_theirs.value(field);
        if (!sameWireValue(theirs, m_base.value(field))
            && !sameWireValue(theirs, m_mine.value(field)))
            fields.append(field);
    }
    return fields;
}

ConflictDialog::Side ConflictDialog::choice(const QString& field) const
{
    const QButtonGroup* group = m_groups.value(field);
    return group && group->checkedId() == int(Side::Theirs) ? Side::Theirs : Side::Mine;
}

void ConflictDialog::choose(const QString& field, Side side)
{
    if (QButtonGroup* group = m_groups.value(field))
        group->button(int(side))->setChecked(true);
}

QJsonObject ConflictDialog::chosenFields() const
{
    QJsonObject chosen;
    for (const QString& field : m_fields) {
        // A field HighLevel does not have is null, which is how an update clears it.
        const QJsonValue theirs
            = m_theirs.contains(field) ? m_theirs.value(field) : QJsonValue(QJsonValue::Null);
        chosen.insert(field, choice(field) == Side::Mine ? m_mine.value(field) : theirs);
    }
    return chosen;
}

QJsonObject ConflictDialog::fieldsToSend() const
{
    QJsonObject send;
    for (const QString& field : m_fields) {
        if (choice(field) == Side::Mine
            && !sameWireValue(m_mine.value(field), m_theirs.value(field)))
            send.insert(field, m_mine.value(field));
    }
    return send;
}

void ConflictDialog::settle(Resolution resolution)
{
    if (resolution == Resolution::KeepMine || resolution == Resolution::TakeTheirs) {
        const Side side = resolution == Resolution::KeepMine ? Side::Mine : Side::Theirs;
        for (const QString& field : std::as_const(m_fields))
            choose(field, side);
    }
    m_resolution = resolution;
    accept();
}

} // namespace ContactDesk::Ui
