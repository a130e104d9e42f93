// The import wizard's run: the confirmation is behind it; here the run is started (again with
// resume, or with only the failed rows), followed in the progress dialog, and its results
// written and offered; a clean run records where the profile was verified.
#include "ui/mapping/importwizard.h"

#include "common/clock.h"
#include "mapping/importrun.h"
#include "mapping/profilelibrary.h"
#include "mapping/resultsfile.h"
#include "mapping/rowmapper.h"
#include "store/localedits.h"
#include "store/outbox.h"
#include "sync/workspace.h"
#include "ui/mapping/importprogressdialog.h"
#include "ui/mapping/mappingeditor.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUrl>

#include <memory>

namespace ContactDesk::Ui {

namespace {

QString environmentKey(const Auth::Connection& connection)
{
    return connection.environment == Auth::Environment::Production ? QStringLiteral("production")
                                                                   : QStringLiteral("sandbox");
}

QString dataFolder(const QString& name)
{
    const QString folder
        = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u'/' + name;
    QDir().mkpath(folder);
    return folder;
}

} // namespace

void ImportWizard::keepProfile()
{
    if (!m_editor)
        return;
    // In the app's profile library, where the CLI finds it by name too.
    QString error;
    if (Mapping::ProfileLibrary().save(m_editor->profile(), &error).isEmpty())
        Q_EMIT message(tr("The profile was not kept: %1").arg(error));
}

void ImportWizard::runImport(const QList<qint64>& onlyRows)
{
    startRun(onlyRows, false);
}

void ImportWizard::startRun(const QList<qint64>& onlyRows, bool resume)
{
    // A resume continues with the profile its run started with; a new run, or one of the
    // failed rows after the rules were fixed, takes what the editor shows now.
    if (m_editor && !resume)
        m_runProfile = m_editor->profile();
    const Mapping::Profile profile = m_runProfile;
    QString error;
    std::unique_ptr<Mapping::SourceReader> reader
        = Mapping::SourceReader::open(m_path, profile.source, &error);
    Sync::Workspace& workspace = m_services.workspace;
    auto* run = reader ? new Mapping::ImportRun(workspace.database(), workspace.edits(),
                    workspace.outbox(), m_services.clock, m_lists, m_connection.locationId, this)
                       : nullptr;
    if (run) {
        Mapping::ImportOptions options;
        options.filePath = m_path;
        options.profile = profile;
        options.profileJson = profile.toJson();
        options.resume = resume;
        options.onlyRows = onlyRows;
        auto mapper = std::make_shared<Mapping::RowMapper>(profile, m_lists);
        const Mapping::MapFunction map
            = [mapper](const Mapping::Record& record) { return mapper->map(record); };
        if (!run->start(options, std::move(reader), map, &error)) {
            delete run;
            run = nullptr;
        }
    }
    if (!run) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Import Contacts"),
            tr("The import did not start."), QMessageBox::Close,
            m_editor ? static_cast<QWidget*>(m_editor) : m_services.window);
        box->setObjectName(QStringLiteral("importStartError"));
        box->setInformativeText(error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        if (m_progress)
            m_progress->showFailed(error);
        return;
    }
    delete m_run;
    m_run = run;
    workspace.outboxWorker().wake();
    if (m_editor)
        m_editor->setRunEnabled(false);
    if (!m_progress) {
        // Modeless over the editor: while rows are sent the editor's Import waits, and after
        // a run with failed rows the rules can be fixed there before running those again.
        m_progress = new ImportProgressDialog(
            m_editor ? static_cast<QWidget*>(m_editor) : m_services.window);
        connect(m_progress, &ImportProgressDialog::cancelRequested, this, [this] {
            if (!m_run || !m_run->isRunning())
                return;
            m_run->cancel();
            m_progress->showCancelled(m_run->progress());
            if (m_editor)
                m_editor->setRunEnabled(true);
        });
        connect(m_progress, &ImportProgressDialog::resumeRequested, this,
            [this] { startRun(m_onlyRows, true); });
        connect(m_progress, &ImportProgressDialog::openResultsRequested, this, [this] {
            if (!m_resultsPath.isEmpty() && m_prompts.show)
                m_prompts.show(QUrl::fromLocalFile(m_resultsPath));
        });
        connect(m_progress, &ImportProgressDialog::rerunFailedRequested, this, [this] {
            const QList<qint64> failed = m_run ? Mapping::failedRows(m_run->results()) : m_onlyRows;
            if (!failed.isEmpty())
                startRun(failed, false);
        });
        connect(m_progress, &QDialog::finished, this, [this] {
            if (m_editor)
                m_editor->setRunEnabled(!m_run || !m_run->isRunning());
            else if (!m_run || !m_run->isRunning())
                Q_EMIT finished();
        });
    }
    m_onlyRows = onlyRows;
    m_progress->follow(run);
    connect(run, &Mapping::ImportRun::progressChanged, this,
        [this] { m_services.workspace.outboxWorker().wake(); });
    connect(run, &Mapping::ImportRun::finished, this, [this, run] { runFinished(run); });
    connect(run, &Mapping::ImportRun::failed, this, [this](const QString& text) {
        if (m_progress)
            m_progress->showFailed(text);
        if (m_editor)
            m_editor->setRunEnabled(true);
    });
    m_progress->show();
    m_progress->raise();
}

void ImportWizard::runFinished(Mapping::ImportRun* run)
{
    if (run != m_run)
        return;
    const QList<Store::ImportRowResult> results = run->results();
    const QString stamp
        = m_services.clock.nowUtc().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString path = dataFolder(QStringLiteral("imports")) + u'/'
        + QFileInfo(m_path).completeBaseName() + QStringLiteral("-results-") + stamp
        + QStringLiteral(".csv");
    QString error;
    m_resultsPath = Mapping::ResultsFile::write(path, results, &error) ? path : QString();
    const Mapping::ImportSummary summary = Mapping::ImportSummary::of(results);
    if (m_progress)
        m_progress->showFinished(summary, m_resultsPath, error);
    // A clean run on a whole file is where the profile is verified.
    if (m_editor && m_onlyRows.isEmpty()) {
        const std::optional<Mapping::Verification> verified
            = run->verification(environmentKey(m_connection), m_connection.displayName);
        if (verified) {
            m_editor->recordVerification(*verified);
            keepProfile();
        }
    }
    if (m_editor)
        m_editor->setRunEnabled(true);
    else if (!m_progress || !m_progress->isVisible())
        QMetaObject::invokeMethod(this, &ImportWizard::finished, Qt::QueuedConnection);
    Q_EMIT message(tr("Import finished: %1 created, %2 updated, %3 failed.")
                       .arg(summary.created)
                       .arg(summary.updated)
                       .arg(summary.failed));
}

} // namespace ContactDesk::Ui
