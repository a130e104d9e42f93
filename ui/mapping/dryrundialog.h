#pragma once

#include "mapping/importplanner.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace ContactDesk::Ui {

// What an import would send for the chosen rows, before anything is sent: one line per row with
// its action (create, upsert, update, unchanged, skip, invalid) and why, under it each request
// (method, path) and, for the request chosen, its JSON body in full.
class DryRunDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DryRunDialog(const QList<Mapping::RowPlan>& plans, QWidget* parent = nullptr);

    QTreeWidget* planTree() const { return m_tree; }
    QPlainTextEdit* bodyView() const { return m_body; }

private:
    void showBody();

    QList<Mapping::RowPlan> m_plans;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_tree = nullptr;
    QPlainTextEdit* m_body = nullptr;
};

// A user word for a planned action: "Create", "Update", "Skip", ...
QString planActionText(Mapping::PlanAction action);

} // namespace ContactDesk::Ui
