#include "ui/mapping/dryrundialog.h"

#include "ui/dialogs/dialogsupport.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

using Mapping::PlanAction;

namespace {

enum ItemData
{
    PlanRole = Qt::UserRole,
    RequestRole,
};

} // namespace

QString planActionText(PlanAction action)
{
    switch (action) {
    case PlanAction::Create:
        return DryRunDialog::tr("Create");
    case PlanAction::Upsert:
        return DryRunDialog::tr("Create or update");
    case PlanAction::Update:
        return DryRunDialog::tr("Update");
    case PlanAction::Unchanged:
        return DryRunDialog::tr("Unchanged");
    case PlanAction::Skip:
        return DryRunDialog::tr("Skip");
    case PlanAction::Invalid:
        return DryRunDialog::tr("Invalid");
    }
    return {};
}

DryRunDialog::DryRunDialog(const QList<Mapping::RowPlan>& plans, QWidget* parent)
    : QDialog(parent)
    , m_plans(plans)
{
    setObjectName(QStringLiteral("dryRunDialog"));
    setWindowTitle(tr("Dry Run: What Would Be Sent"));
    setAccessibleName(windowTitle());
    setSizeGripEnabled(true);

    QMap<PlanAction, int> counts;
    int requests = 0;
    for (const Mapping::RowPlan& plan : plans) {
        ++counts[plan.action];
        requests += int(plan.requests.size());
    }
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(tr("%1: %2").arg(planActionText(it.key())).arg(it.value()));
    m_summary = new QLabel(tr("%1 rows, %2 requests. %3. Nothing has been sent.")
                               .arg(plans.size())
                               .arg(requests)
                               .arg(parts.join(QStringLiteral(", "))),
        this);
    m_summary->setObjectName(QStringLiteral("dryRunSummary"));
    m_summary->setWordWrap(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("dryRunPlans"));
    m_tree->setAccessibleName(tr("Planned requests by row"));
    m_tree->setHeaderLabels({tr("Row"), tr("Action"), tr("Request"), tr("Why")});
    m_tree->header()->setStretchLastSection(true);
    for (int index = 0; index < plans.size(); ++index) {
        const Mapping::RowPlan& plan = plans.at(index);
        auto* rowItem = new QTreeWidgetItem(m_tree,
            {QString::number(plan.row), planActionText(plan.action),
                plan.requests.isEmpty() ? tr("(nothing sent)")
                                        : tr("%n request(s)", nullptr, int(plan.requests.size())),
                plan.reason});
        rowItem->setData(0, PlanRole, index);
        rowItem->setData(0, RequestRole, -1);
        rowItem->setToolTip(3, plan.reason);
        for (int r = 0; r < plan.requests.size(); ++r) {
            const Mapping::PlannedRequest& request = plan.requests.at(r);
            auto* child = new QTreeWidgetItem(
                rowItem, {QString(), request.method, request.path, QString()});
            child->setData(0, PlanRole, index);
            child->setData(0, RequestRole, r);
        }
        rowItem->setExpanded(true);
    }
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(2);

    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("dryRunBody"));
    m_body->setAccessibleName(tr("Body of the chosen request"));
    m_body->setReadOnly(true);
    m_body->setTabChangesFocus(true);
    m_body->setPlaceholderText(tr("Choose a request to see its JSON body."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_body);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* plansLabel = new QLabel(tr("&Requests:"), this);
    plansLabel->setBuddy(m_tree);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("dryRunClose"));
    connect(buttons, &QDialogButtonBox::rejected, this, &DryRunDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(plansLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(860, 600);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &DryRunDialog::showBody);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

void DryRunDialog::showBody()
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item) {
        m_body->clear();
        return;
    }
    const Mapping::RowPlan& plan = m_plans.at(item->data(0, PlanRole).toInt());
    const int request = item->data(0, RequestRole).toInt();
    QStringList text;
    if (request < 0) {
        // A row: every request it would send, one after the other.
        text.append(plan.text());
    } else {
        const Mapping::PlannedRequest& chosen = plan.requests.at(request);
        text.append(chosen.method + u' ' + chosen.path);
        text.append(QString::fromUtf8(QJsonDocument(chosen.body).toJson(QJsonDocument::Indented)));
    }
    m_body->setPlainText(text.join(u'\n'));
}

} // namespace ContactDesk::Ui
