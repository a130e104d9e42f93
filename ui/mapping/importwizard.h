#pragma once

#include "api/models/locationlists.h"
#include "auth/connection.h"
#include "mapping/profile.h"
#include "mapping/source.h"
#include "ui/mapping/fileprompts.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QMessageBox;
class QSettings;
class QWidget;

namespace ContactDesk {
class Clock;
}

namespace ContactDesk::Mapping {
class ImportRun;
}

namespace ContactDesk::Sync {
class Workspace;
}

namespace ContactDesk::Ui {

class DryRunDialog;
class ImportProgressDialog;
class MappingEditor;

// File > Import...: the file is chosen, sampled and mapped (a known export's preset, else
// suggestions), the editor opens on it; Dry Run shows what the chosen rows would send; Import
// asks first when the connection is a production one the profile was not verified on, then
// runs with a progress dialog that ends in a summary (results file, run again with the failed
// rows). Every window opens window-modal without blocking, so tests answer them.
class ImportWizard : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        QWidget* window; // the parent of every dialog
        QSettings& settings;
        Sync::Workspace& workspace;
        const Clock& clock;
    };

    ImportWizard(const Services& services, const Auth::Connection& connection,
        const Api::LocationLists& lists, QObject* parent = nullptr);
    ~ImportWizard() override;

    void setFilePrompts(const FilePrompts& prompts) { m_prompts = prompts; }
    // Asks for the file, then opens it. False when the user cancelled.
    bool start();
    // Samples `path` and opens the editor on it; false (with a message box) when it cannot be
    // read.
    bool openFile(const QString& path);

    MappingEditor* editor() const;
    ImportProgressDialog* progressDialog() const;
    const QString& filePath() const { return m_path; }
    // The results file of the last finished run; empty before.
    const QString& resultsPath() const { return m_resultsPath; }

public Q_SLOTS:
    void dryRun(const QList<qint64>& recordNumbers);
    // Import as the editor asks: confirmation first when it is needed, then the run.
    void requestImport();

Q_SIGNALS:
    // User text for the status bar.
    void message(const QString& text);
    // Every window of the import has closed.
    void finished();

private:
    // importwizardrun.cpp
    void runImport(const QList<qint64>& onlyRows);
    void startRun(const QList<qint64>& onlyRows, bool resume);
    void runFinished(Mapping::ImportRun* run);
    bool needsProductionConfirmation() const;
    QString confirmationText() const;
    void keepProfile();

    Services m_services;
    Auth::Connection m_connection;
    Api::LocationLists m_lists;
    FilePrompts m_prompts;
    QString m_path;
    Mapping::SourceSample m_sample;
    QPointer<MappingEditor> m_editor;
    QPointer<DryRunDialog> m_dryRun;
    QPointer<QMessageBox> m_question;
    QPointer<ImportProgressDialog> m_progress;
    QPointer<Mapping::ImportRun> m_run;
    // The rows the current run takes (empty: all), and its results file once written.
    QList<qint64> m_onlyRows;
    Mapping::Profile m_runProfile;
    QString m_resultsPath;
};

} // namespace ContactDesk::Ui
