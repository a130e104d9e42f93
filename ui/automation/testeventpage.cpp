#include "ui/automation/testeventpage.h"

#include "automation/appevent.h"
#include "ui/automation/automationcontroller.h"
#include "ui/automation/sampleevents.h"
#include "ui/dialogs/dialogsupport.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

enum PlanColumn
{
    RequestColumn,
    DescriptionColumn,
    BodyColumn,
};

} // namespace

TestEventPage::TestEventPage(AutomationController& automation, QWidget* parent)
    : QWidget(parent)
    , m_automation(automation)
{
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("testEventType"));
    const QStringList types = Automation::appEventTypes();
    for (const QString& type : types)
        m_type->addItem(type, type);
    m_data = new QPlainTextEdit(this);
    m_data->setObjectName(QStringLiteral("testEventData"));
    m_data->setTabChangesFocus(true);
    m_data->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_reset = new QPushButton(tr("E&xample Data"), this);
    m_reset->setObjectName(QStringLiteral("testEventReset"));
    m_dryRun = new QPushButton(tr("&Dry Run"), this);
    m_dryRun->setObjectName(QStringLiteral("testEventDryRun"));
    m_dryRun->setToolTip(tr("Lists the requests the rules would make, and sends nothing."));
    m_send = new QPushButton(tr("&Send Test Event"), this);
    m_send->setObjectName(QStringLiteral("testEventSend"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("testEventPlanSummary"));
    m_summary->setWordWrap(true);
    m_plan = new QTreeWidget(this);
    m_plan->setObjectName(QStringLiteral("testEventPlan"));
    m_plan->setRootIsDecorated(false);
    m_plan->setHeaderLabels({tr("Request"), tr("What it does"), tr("Body")});
    m_plan->header()->setStretchLastSection(true);
    m_message = makeMessageLabel(this, QStringLiteral("testEventMessage"), tr("Test event"));

    auto* form = new QFormLayout;
    form->addRow(tr("Event &type:"), m_type);
    auto* dataLabel = new QLabel(tr("&Data (JSON):"), this);
    dataLabel->setBuddy(m_data);
    form->addRow(dataLabel, m_data);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_reset);
    buttons->addStretch(1);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_send);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_summary);
    layout->addWidget(m_plan, 1);

    connect(m_type, &QComboBox::currentIndexChanged, this, &TestEventPage::resetData);
    connect(m_reset, &QPushButton::clicked, this, &TestEventPage::resetData);
    connect(m_dryRun, &QPushButton::clicked, this, &TestEventPage::dryRun);
    connect(m_send, &QPushButton::clicked, this, &TestEventPage::send);
    resetData();
}

void TestEventPage::resetData()
{
    const QJsonObject data = sampleEventData(m_type->currentData().toString());
    m_data->setPlainText(QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Indented)));
    m_plan->clear();
    m_summary->clear();
    setMessage(m_message, {});
}

void TestEventPage::dryRun()
{
    QString error;
    const std::optional<Automation::AppEvent> event
        = m_automation.testEvent(m_type->currentData().toString(), m_data->toPlainText(), &error);
    m_plan->clear();
    m_summary->clear();
    setMessage(m_message, error);
    if (event)
        showPlan(m_automation.plan(*event));
}

void TestEventPage::showPlan(const Automation::Plan& plan)
{
    if (!plan.error.isEmpty())
        m_summary->setText(tr("It would fail: %1").arg(plan.error));
    else if (!plan.waitReason.isEmpty())
        m_summary->setText(tr("It would wait: %1").arg(plan.waitReason));
    else if (plan.ruleName.isEmpty())
        m_summary->setText(tr("No enabled rule matches this event: nothing would be sent."));
    else
        m_summary->setText(
            tr("The rule “%1” would make %n request(s):", nullptr, int(plan.requests.size()))
                .arg(plan.ruleName));
    for (const Automation::PlannedRequest& request : plan.requests) {
        auto* item = new QTreeWidgetItem(m_plan);
        item->setText(RequestColumn,
            QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), request.path));
        item->setText(DescriptionColumn, request.description);
        const QString body
            = QString::fromUtf8(QJsonDocument(request.body).toJson(QJsonDocument::Compact));
        item->setText(BodyColumn, body);
        item->setToolTip(BodyColumn,
            QString::fromUtf8(QJsonDocument(request.body).toJson(QJsonDocument::Indented)));
        item->setData(RequestColumn, Qt::UserRole, request.operationId);
    }
    for (int column = 0; column < BodyColumn; ++column)
        m_plan->resizeColumnToContents(column);
}

void TestEventPage::send()
{
    QString error;
    const std::optional<Automation::AppEvent> event
        = m_automation.testEvent(m_type->currentData().toString(), m_data->toPlainText(), &error);
    if (!event) {
        setMessage(m_message, error);
        return;
    }
    const qint64 seq = m_automation.sendTestEvent(*event, &error);
    if (seq == 0) {
        setMessage(m_message, error);
        return;
    }
    setMessage(m_message, {});
    m_summary->setText(tr("Event %1 is in the inbox; the event log shows what it does.").arg(seq));
    Q_EMIT sent(seq);
}

} // namespace ContactDesk::Ui
