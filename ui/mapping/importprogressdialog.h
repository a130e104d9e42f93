#pragma once

#include "mapping/importrun.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ContactDesk::Ui {

// An import on its way: rows done of the total, rows per second and the time left, and Cancel.
// A cancelled run says that what was sent stays and offers Resume; a finished one shows the
// summary (created, updated, unchanged, skipped, failed) with "Open Results File" and "Run
// Again with Failed Rows Only". The dialog shows; the import wizard acts on its requests.
class ImportProgressDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportProgressDialog(QWidget* parent = nullptr);

    // Follows `run` (a new one on resume or a rerun) from now on.
    void follow(Mapping::ImportRun* run);
    void showProgress(const Mapping::ImportProgress& progress);
    // The run ended: `resultsPath` is the written results file (empty when it could not be
    // written; `resultsError` says why).
    void showFinished(const Mapping::ImportSummary& summary, const QString& resultsPath,
        const QString& resultsError);
    void showCancelled(const Mapping::ImportProgress& progress);
    void showFailed(const QString& message);

    QString summaryText() const;

Q_SIGNALS:
    void cancelRequested();
    void resumeRequested();
    void openResultsRequested();
    void rerunFailedRequested();

private:
    QLabel* m_rows = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_openResults = nullptr;
    QPushButton* m_rerunFailed = nullptr;
    QPushButton* m_close = nullptr;
    bool m_running = false;

protected:
    void reject() override;
};

// "about 2 min", "45 s", "less than a second"
QString durationText(qint64 ms);

} // namespace ContactDesk::Ui
