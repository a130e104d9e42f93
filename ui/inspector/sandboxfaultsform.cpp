#include "ui/inspector/sandboxfaultsform.h"

#include "sandbox/sandboxserver.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

using L = QLatin1StringView;

// The kinds in the control API's names, with what each needs besides method and path.
struct KindInfo
{
    const char* name;
    const char* label;
    bool status;
    bool latency;
};

constexpr KindInfo kinds[] = {
    {"status", QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "HTTP status"), true, false},
    {"latency", QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "Latency"), false, true},
    {"drop", QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "Drop the connection"), false,
        false},
    {"drop-after-commit",
        QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "Drop after the change is made"),
        false, false},
    {"malformed-json",
        QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "Malformed JSON answer"), false,
        false},
    {"html-error", QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "Proxy HTML error page"),
        true, false},
    {"expire-tokens",
        QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "Expire access tokens"), false,
        false},
    {"revoke-refresh-tokens",
        QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "Revoke refresh tokens"), false,
        false},
    {"index-lag", QT_TRANSLATE_NOOP("ContactDesk::Ui::SandboxFaultsForm", "Search index lag"),
        false, true},
};

const KindInfo* kindInfo(const QString& name)
{
    for (const KindInfo& kind : kinds) {
        if (name == QLatin1StringView(kind.name))
            return &kind;
    }
    return nullptr;
}

QJsonObject withoutCount(QJsonObject rule)
{
    rule.remove(QStringLiteral("count"));
    return rule;
}

} // namespace

SandboxFaultsForm::SandboxFaultsForm(Sandbox::SandboxServer& sandbox, QWidget* parent)
    : QWidget(parent)
    , m_sandbox(sandbox)
{
    setObjectName(QStringLiteral("sandboxFaults"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("faultKind"));
    for (const KindInfo& kind : kinds)
        m_kind->addItem(tr(kind.label), QString::fromLatin1(kind.name));
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("faultMethod"));
    m_method->addItem(tr("Any"), QString());
    for (const char* method : {"GET", "POST", "PUT", "DELETE"})
        m_method->addItem(QString::fromLatin1(method), QString::fromLatin1(method));
    m_path = new QComboBox(this);
    m_path->setObjectName(QStringLiteral("faultPath"));
    m_path->setEditable(true);
    m_path->setToolTip(tr("An exact path, or a prefix ending in * (\"*\" alone: every operation)"));
    for (const char* path :
        {"*", "/contacts/*", "/locations/*", "/users/*", "/calendars/*", "/oauth/token"})
        m_path->addItem(QString::fromLatin1(path));
    m_status = new QSpinBox(this);
    m_status->setObjectName(QStringLiteral("faultStatus"));
    m_status->setRange(100, 599);
    m_status->setValue(503);
    m_latency = new QSpinBox(this);
    m_latency->setObjectName(QStringLiteral("faultLatency"));
    m_latency->setRange(0, 600000);
    m_latency->setSingleStep(250);
    m_latency->setValue(2000);
    m_latency->setSuffix(tr(" ms"));
    m_probability = new QDoubleSpinBox(this);
    m_probability->setObjectName(QStringLiteral("faultProbability"));
    m_probability->setRange(0, 100);
    m_probability->setValue(100);
    m_probability->setSuffix(tr(" %"));
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("faultCount"));
    m_count->setRange(0, 1000000);
    m_count->setSpecialValueText(tr("Until removed"));
    m_add = new QPushButton(tr("&Add fault"), this);
    m_add->setObjectName(QStringLiteral("faultAdd"));
    m_add->setDefault(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("faultError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_error->hide();

    auto* formBox = new QGroupBox(tr("New fault"), this);
    m_form = new QFormLayout(formBox);
    m_form->addRow(tr("&Kind:"), m_kind);
    m_form->addRow(tr("&Method:"), m_method);
    m_form->addRow(tr("&Path:"), m_path);
    m_form->addRow(tr("&Status:"), m_status);
    m_form->addRow(tr("&Delay:"), m_latency);
    m_form->addRow(tr("P&robability:"), m_probability);
    m_form->addRow(tr("&Times:"), m_count);
    m_form->addRow(m_error);
    m_form->addRow(m_add);

    m_rules = new QTreeWidget(this);
    m_rules->setObjectName(QStringLiteral("faultRules"));
    m_rules->setRootIsDecorated(false);
    m_rules->setHeaderLabels({tr("Kind"), tr("Method"), tr("Path"), tr("Status"), tr("Delay"),
        tr("Probability"), tr("Left")});
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("faultRemove"));
    m_clear = new QPushButton(tr("&Clear all"), this);
    m_clear->setObjectName(QStringLiteral("faultClear"));
    auto* rulesBox = new QGroupBox(tr("Rules in force (first match applies)"), this);
    auto* rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->addWidget(m_rules, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_clear);
    rulesLayout->addLayout(buttons);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(formBox);
    layout->addWidget(rulesBox, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &SandboxFaultsForm::updateFields);
    connect(m_add, &QPushButton::clicked, this, [this] { addRule(); });
    connect(m_remove, &QPushButton::clicked, this, &SandboxFaultsForm::removeSelected);
    connect(m_clear, &QPushButton::clicked, this, &SandboxFaultsForm::clearAll);
    connect(m_rules, &QTreeWidget::itemSelectionChanged, this,
        [this] { m_remove->setEnabled(!m_rules->selectedItems().isEmpty()); });
    updateFields();
    refresh();
}

void SandboxFaultsForm::updateFields()
{
    const KindInfo* kind = kindInfo(m_kind->currentData().toString());
    m_form->setRowVisible(m_status, kind && kind->status);
    m_form->setRowVisible(m_latency, kind && kind->latency);
    if (kind && QLatin1StringView(kind->name) == L("html-error") && m_status->value() == 503)
        m_status->setValue(502);
    else if (kind && QLatin1StringView(kind->name) == L("status") && m_status->value() == 502)
        m_status->setValue(503);
    m_latency->setToolTip(kind && QLatin1StringView(kind->name) == L("index-lag")
            ? tr("How long search misses a contact after each write")
            : tr("How long the answer waits"));
}

QJsonObject SandboxFaultsForm::ruleJson() const
{
    const KindInfo* kind = kindInfo(m_kind->currentData().toString());
    QJsonObject rule {{QStringLiteral("kind"), m_kind->currentData().toString()},
        {QStringLiteral("path"), m_path->currentText().trimmed()},
        {QStringLiteral("probability"), m_probability->value() / 100.0}};
    if (const QString method = m_method->currentData().toString(); !method.isEmpty())
        rule.insert(QStringLiteral("method"), method);
    if (kind && kind->status)
        rule.insert(QStringLiteral("status"), m_status->value());
    if (kind && kind->latency)
        rule.insert(QStringLiteral("latencyMs"), m_latency->value());
    if (m_count->value() > 0)
        rule.insert(QStringLiteral("count"), m_count->value());
    return rule;
}

bool SandboxFaultsForm::addRule()
{
    const QString error = m_sandbox.faults().add(ruleJson());
    m_error->setVisible(!error.isEmpty());
    m_error->setText(
        error.isEmpty() ? QString() : tr("The sandbox refused the rule: %1").arg(error));
    refresh();
    if (!error.isEmpty())
        return false;
    Q_EMIT rulesChanged();
    return true;
}

void SandboxFaultsForm::refresh()
{
    const int selected = m_rules->currentIndex().isValid() ? m_rules->currentIndex().row() : -1;
    m_rules->clear();
    for (const QJsonValue& value : m_sandbox.faults().toJson()) {
        const QJsonObject rule = value.toObject();
        const KindInfo* kind = kindInfo(rule.value(L("kind")).toString());
        const int count = rule.value(L("count")).toInt(-1);
        auto* item = new QTreeWidgetItem(m_rules,
            {kind ? tr(kind->label) : rule.value(L("kind")).toString(),
                rule.value(L("method")).toString().isEmpty() ? tr("Any")
                                                             : rule.value(L("method")).toString(),
                rule.value(L("path")).toString(),
                kind && kind->status ? QString::number(rule.value(L("status")).toInt()) : QString(),
                kind && kind->latency ? tr("%1 ms").arg(rule.value(L("latencyMs")).toInteger())
                                      : QString(),
                tr("%1 %").arg(rule.value(L("probability")).toDouble() * 100),
                count < 0 ? tr("until removed") : QString::number(count)});
        item->setData(0, Qt::UserRole, rule);
    }
    if (selected >= 0 && selected < m_rules->topLevelItemCount())
        m_rules->setCurrentItem(m_rules->topLevelItem(selected));
    m_remove->setEnabled(!m_rules->selectedItems().isEmpty());
    m_clear->setEnabled(m_rules->topLevelItemCount() > 0);
}

void SandboxFaultsForm::removeSelected()
{
    const QList<QTreeWidgetItem*> selected = m_rules->selectedItems();
    if (selected.isEmpty())
        return;
    // The sandbox counts rules down as they fire and drops spent ones, so the list may be
    // older than the sandbox's: the rule is found again by what it is, not by its row.
    const QJsonObject wanted = withoutCount(selected.first()->data(0, Qt::UserRole).toJsonObject());
    const QList<Sandbox::FaultRule>& rules = m_sandbox.faults().rules();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (withoutCount(rules.at(i).toJson()) == wanted) {
            m_sandbox.faults().remove(i);
            break;
        }
    }
    refresh();
    Q_EMIT rulesChanged();
}

void SandboxFaultsForm::clearAll()
{
    m_sandbox.faults().clear();
    refresh();
    Q_EMIT rulesChanged();
}

} // namespace ContactDesk::Ui
