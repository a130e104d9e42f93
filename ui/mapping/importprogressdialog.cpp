#include "ui/mapping/importprogressdialog.h"

#include "ui/dialogs/dialogsupport.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

QString durationText(qint64 ms)
{
    if (ms < 0)
        return ImportProgressDialog::tr("unknown");
    if (ms < 1000)
        return ImportProgressDialog::tr("less than a second");
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 90)
        return ImportProgressDialog::tr("%1 s").arg(seconds);
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 90)
        return ImportProgressDialog::tr("about %1 min").arg(minutes);
    return ImportProgressDialog::tr("about %1 h").arg((minutes + 30) / 60);
}

ImportProgressDialog::ImportProgressDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("importProgressDialog"));
    setWindowTitle(tr("Importing Contacts"));
    setAccessibleName(windowTitle());

    m_rows = new QLabel(this);
    m_rows->setObjectName(QStringLiteral("importProgressRows"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("importProgressBar"));
    m_bar->setAccessibleName(tr("Rows imported"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("importProgressRate"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("importProgressState"));
    m_state->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->hide();

    m_cancel = new QPushButton(tr("&Cancel Import"), this);
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    m_resume = new QPushButton(tr("&Resume"), this);
    m_resume->setObjectName(QStringLiteral("importResume"));
    m_openResults = new QPushButton(tr("&Open Results File"), this);
    m_openResults->setObjectName(QStringLiteral("importOpenResults"));
    m_rerunFailed = new QPushButton(tr("Run &Again with Failed Rows Only"), this);
    m_rerunFailed->setObjectName(QStringLiteral("importRerunFailed"));
    m_close = new QPushButton(tr("C&lose"), this);
    m_close->setObjectName(QStringLiteral("importClose"));
    for (QPushButton* button : {m_resume, m_openResults, m_rerunFailed, m_close})
        button->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_openResults);
    buttons->addWidget(m_rerunFailed);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_rows);
    layout->addWidget(m_bar);
    layout->addWidget(m_rate);
    layout->addWidget(m_state);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addLayout(buttons);
    resize(520, sizeHint().height());

    connect(m_cancel, &QPushButton::clicked, this, &ImportProgressDialog::cancelRequested);
    connect(m_resume, &QPushButton::clicked, this, &ImportProgressDialog::resumeRequested);
    connect(
        m_openResults, &QPushButton::clicked, this, &ImportProgressDialog::openResultsRequested);
    connect(
        m_rerunFailed, &QPushButton::clicked, this, &ImportProgressDialog::rerunFailedRequested);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
}

void ImportProgressDialog::follow(Mapping::ImportRun* run)
{
    m_running = true;
    m_summary->hide();
    for (QPushButton* button : {m_resume, m_openResults, m_rerunFailed, m_close})
        button->hide();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_cancel->setDefault(true);
    m_state->setText(tr("Sending the rows to HighLevel…"));
    showProgress(run->progress());
    connect(run, &Mapping::ImportRun::progressChanged, this, &ImportProgressDialog::showProgress);
}

void ImportProgressDialog::showProgress(const Mapping::ImportProgress& progress)
{
    const QLocale locale;
    if (progress.rowsTotal >= 0) {
        m_rows->setText((progress.totalIsExact ? tr("%1 of %2 rows") : tr("%1 of about %2 rows"))
                            .arg(locale.toString(progress.rowsDone),
                                locale.toString(std::max(progress.rowsTotal, progress.rowsDone))));
        m_bar->setRange(0, 1000);
        const qint64 total = std::max<qint64>(1, std::max(progress.rowsTotal, progress.rowsDone));
        m_bar->setValue(int(progress.rowsDone * 1000 / total));
    } else {
        m_rows->setText(tr("%1 rows").arg(locale.toString(progress.rowsDone)));
        m_bar->setRange(0, 0);
    }
    m_rate->setText(
        tr("%1 rows per second, time left: %2")
            .arg(locale.toString(progress.rowsPerSecond, 'f', 1), durationText(progress.msLeft)));
    if (!progress.reading && m_running)
        m_state->setText(
            tr("Every row is queued; %n change(s) still to send.", nullptr, progress.unsentItems));
}

void ImportProgressDialog::showFinished(
    const Mapping::ImportSummary& summary, const QString& resultsPath, const QString& resultsError)
{
    m_running = false;
    m_bar->setRange(0, 1);
    m_bar->setValue(1);
    m_state->setText(summary.failed > 0 ? tr("The import has finished; some rows failed.")
                                        : tr("The import has finished."));
    QString text = tr("Created: %1, updated: %2, unchanged: %3, skipped: %4, failed: %5.")
                       .arg(summary.created)
                       .arg(summary.updated)
                       .arg(summary.unchanged)
                       .arg(summary.skipped)
                       .arg(summary.failed);
    if (summary.pending > 0)
        text += u' '
            + tr("%n row(s) still wait to be sent (see the outbox).", nullptr, summary.pending);
    if (!resultsPath.isEmpty())
        text += u'\n' + tr("Results: %1").arg(QFileInfo(resultsPath).fileName());
    else if (!resultsError.isEmpty())
        text += u'\n' + tr("The results file was not written: %1").arg(resultsError);
    m_summary->setText(text);
    m_summary->show();
    m_cancel->hide();
    m_resume->hide();
    m_openResults->setVisible(!resultsPath.isEmpty());
    m_rerunFailed->setVisible(true);
    m_rerunFailed->setEnabled(summary.failed > 0);
    m_close->show();
    m_close->setDefault(true);
    m_close->setFocus(Qt::OtherFocusReason);
}

void ImportProgressDialog::showCancelled(const Mapping::ImportProgress& progress)
{
    m_running = false;
    m_state->setText(tr("Cancelled after %1 rows. What was sent stays in HighLevel; the rest was "
                        "not sent. Resume sends the remaining rows.")
                         .arg(QLocale().toString(progress.rowsDone)));
    m_cancel->hide();
    m_resume->show();
    m_resume->setDefault(true);
    m_close->show();
    m_resume->setFocus(Qt::OtherFocusReason);
}

void ImportProgressDialog::showFailed(const QString& message)
{
    m_running = false;
    m_state->setText(
        tr("The import stopped: %1 It can be resumed once that is fixed.").arg(message));
    m_cancel->hide();
    m_resume->show();
    m_close->show();
}

QString ImportProgressDialog::summaryText() const
{
    return m_summary->isVisible() ? m_summary->text() : QString();
}

void ImportProgressDialog::reject()
{
    // Escape while rows are being sent cancels them first rather than hiding the run.
    if (m_running) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

} // namespace ContactDesk::Ui
