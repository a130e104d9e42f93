#include "ui/mapping/importwizard.h"

#include "mapping/importplanner.h"
#include "mapping/importrun.h"
#include "mapping/presets.h"
#include "mapping/rowmapper.h"
#include "mapping/suggest.h"
#include "sync/workspace.h"
#include "ui/mapping/dryrundialog.h"
#include "ui/mapping/importprogressdialog.h"
#include "ui/mapping/mappingeditor.h"

#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>

namespace ContactDesk::Ui {

ImportWizard::ImportWizard(const Services& services, const Auth::Connection& connection,
    const Api::LocationLists& lists, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_connection(connection)
    , m_lists(lists)
    , m_prompts(FilePrompts::native())
{ }

ImportWizard::~ImportWizard()
{
    delete m_progress;
    delete m_editor;
}

MappingEditor* ImportWizard::editor() const
{
    return m_editor;
}

ImportProgressDialog* ImportWizard::progressDialog() const
{
    return m_progress;
}

bool ImportWizard::start()
{
    const QString path = m_prompts.open
        ? m_prompts.open(m_services.window, tr("Import Contacts"),
            tr("Contact files (*.csv *.tsv *.txt *.json *.ndjson *.jsonl *.vcf *.vcard);;"
               "All files (*)"))
        : QString();
    if (path.isEmpty()) {
        Q_EMIT finished();
        return false;
    }
    return openFile(path);
}

bool ImportWizard::openFile(const QString& path)
{
    m_path = path;
    m_sample = Mapping::sampleSource(path, {});
    if (!m_sample.error.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Import Contacts"),
            tr("This file cannot be imported."), QMessageBox::Close, m_services.window);
        box->setObjectName(QStringLiteral("importFileError"));
        box->setInformativeText(m_sample.error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, &ImportWizard::finished);
        box->open();
        return false;
    }
    Mapping::Profile profile = Mapping::suggestProfile(m_sample, m_lists);
    const Mapping::SourceKind kind = m_sample.options.kind.value_or(Mapping::SourceKind::Csv);
    const std::optional<Mapping::PresetMatch> preset
        = Mapping::recognisePreset(m_sample.columns, kind, m_lists);
    if (profile.name.isEmpty())
        profile.name = QFileInfo(path).completeBaseName();

    m_editor = new MappingEditor(m_services.settings, m_services.window);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor->setFilePrompts(m_prompts);
    m_editor->setLocationLists(m_lists);
    m_editor->setSample(m_sample);
    m_editor->setProfile(profile);
    m_editor->setWindowTitle(preset
            ? tr("Map Fields: %1 (%2)").arg(QFileInfo(path).fileName(), preset->title)
            : tr("Map Fields: %1").arg(QFileInfo(path).fileName()));
    connect(m_editor, &MappingEditor::dryRunRequested, this, &ImportWizard::dryRun);
    connect(m_editor, &MappingEditor::importRequested, this, &ImportWizard::requestImport);
    connect(m_editor, &QDialog::finished, this, [this] {
        // A run that is still sending finishes first (it ends the wizard then).
        if (!m_run || !m_run->isRunning())
            Q_EMIT finished();
    });
    m_editor->open();
    Q_EMIT message(preset ? tr("%1 recognised: every column is mapped.").arg(preset->title)
                          : tr("Columns mapped by suggestion: check the rules."));
    return true;
}

void ImportWizard::dryRun(const QList<qint64>& recordNumbers)
{
    if (!m_editor)
        return;
    const Mapping::Profile& profile = m_editor->profile();
    const Mapping::RowMapper mapper(profile, m_lists);
    Mapping::ImportPlanner planner(
        profile, m_lists, m_connection.locationId, m_services.workspace.database());
    const QSet<qint64> chosen(recordNumbers.cbegin(), recordNumbers.cend());
    qint64 last = 0;
    for (qint64 number : recordNumbers)
        last = std::max(last, number);
    // Rows are planned in file order up to the last one chosen, so that a duplicate of an
    // earlier row shows as the merge or report it will be.
    QList<Mapping::RowPlan> plans;
    for (const Mapping::Record& record : m_sample.records) {
        if (record.number > last)
            break;
        Mapping::RowPlan plan = planner.plan(mapper.map(record));
        if (chosen.contains(record.number))
            plans.append(plan);
    }
    auto* dialog = new DryRunDialog(plans, m_editor);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dryRun = dialog;
    dialog->open();
}

void ImportWizard::requestImport()
{
    if (!m_editor || (m_run && m_run->isRunning()))
        return;
    if (!needsProductionConfirmation()) {
        runImport({});
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Import into HighLevel"),
        tr("Import into the production account “%1”?").arg(m_connection.displayName),
        QMessageBox::NoButton, m_editor);
    box->setObjectName(QStringLiteral("importProductionConfirm"));
    box->setInformativeText(confirmationText());
    QPushButton* yes = box->addButton(tr("&Import"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("importConfirmYes"));
    QPushButton* no = box->addButton(QMessageBox::Cancel);
    no->setObjectName(QStringLiteral("importConfirmNo"));
    box->setDefaultButton(no);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes] {
        if (box->clickedButton() == yes)
            runImport({});
    });
    m_question = box;
    box->open();
}

bool ImportWizard::needsProductionConfirmation() const
{
    return m_connection.environment == Auth::Environment::Production && m_editor
        && !m_editor->profile().verification(QStringLiteral("production"));
}

QString ImportWizard::confirmationText() const
{
    const Mapping::Verification* sandbox
        = m_editor ? m_editor->profile().verification(QStringLiteral("sandbox")) : nullptr;
    const QString first = tr("This profile has never run against a production account.");
    if (!sandbox) {
        return first + u' '
            + tr("It has not been tried on the sandbox either: a dry run and an import there "
                 "show what it would do, without touching real contacts.");
    }
    return first + u' '
        + tr("It was verified on the sandbox (%1) on %2 with %n row(s).", nullptr,
            int(sandbox->rows))
              .arg(sandbox->connection,
                  QLocale().toString(sandbox->at.toLocalTime(), QLocale::ShortFormat));
}

} // namespace ContactDesk::Ui
