// The contact list at 100,000 cached contacts. Fills a temporary cache through
// ContactCache::upsertFromServer, as the cache of a saved connection in temporary XDG folders,
// and measures:
//   - process start to the first painted list of the real desktop app: contactdesk (found beside
//     this build, or the path given as the first argument) starts offscreen on that connection
//     with `--memory-secrets --report-first-paint`, paints its main window and quits; the time is
//     the parent's clock from spawning it to its report, which it prints once the table's first
//     paint with the cached contacts has finished;
// then starts this binary again as a child (offscreen) that builds only the ContactListPane and
// ContactListModel over the same cache, for the numbers that need a hand on the pane:
//   - the same start-to-paint for the bare pane, to see what the rest of the app costs;
//   - keystroke to updated list: a key sent to the search field until the table has repainted
//     with the new rows, over prefixes typed character by character (the typing pause the pane
//     waits for, 120 ms, is set to 0 here: it is a deliberate delay, not work);
//   - scrolling the whole list top to bottom a page at a time: how often each row's data was
//     read from the cache (max and mean), and the time per repainted page;
//   - resident memory (VmRSS, and the peak VmHWM) of the child.
// Prints one JSON object per measurement.
#include "auth/connectionstore.h"
#include "common/clock.h"
#include "store/contactcache.h"
#include "store/database.h"
#include "ui/contacts/contactlistmodel.h"
#include "ui/contacts/contactlistpane.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <unistd.h>
#include <vector>

namespace {

using ContactDesk::Store::ContactCache;
using ContactDesk::Store::Database;
using ContactDesk::Ui::ContactListModel;
using ContactDesk::Ui::ContactListPane;

constexpr int contactTotal = 100000;
constexpr int fillBatch = 2000;
constexpr int paintRuns = 3;

void report(const char* metric, double value, const char* unit, const char* target,
    const QString& note = {})
{
    QJsonObject line {{QStringLiteral("bench"), QStringLiteral("ui")},
        {QStringLiteral("metric"), QLatin1StringView(metric)},
        {QStringLiteral("value"), qRound(value * 100) / 100.0},
        {QStringLiteral("unit"), QLatin1StringView(unit)},
        {QStringLiteral("target"), QLatin1StringView(target)}};
    if (!note.isEmpty())
        line.insert(QStringLiteral("note"), note);
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double percentile(std::vector<double> values, int percent)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t at = std::min(values.size() - 1, values.size() * std::size_t(percent) / 100);
    return values[at];
}

// --- The data: varied enough that searches and sorts do real work ---

const char* const firstNames[] = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer",
    "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph",
    "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Marta", "Anna", "Ahmed", "Yuki", "Olga",
    "Pierre", "Lucia", "Kwame", "Priya", "Sven", "Ines", "Mateo", "Noor", "Hiro", "Chloe"};
const char* const lastNames[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
    "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
    "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
    "White", "Harris", "Kowalski", "Nakamura", "Okafor", "Petrov", "Rossi", "Schmidt", "Dubois",
    "Andersen", "Novak", "Silva", "Kim", "Singh", "Haddad", "Ivanova", "Berg"};
const char* const companies[] = {"Acme Roofing", "Blue Harbor Dental", "Copperleaf Realty",
    "Delta Plumbing", "Evergreen Farms", "Fairview Clinic", "Granite Legal", "Harbor Fitness",
    "Ironwood Builders", "Juniper Salon", "Keystone Auto", "Lakeside Vet", "Maple Insurance",
    "Northstar HVAC", "Oakridge Academy", "Pinecrest Spa", "Quarry Coffee", "Riverbend Dental"};
const char* const tagNames[] = {"vip", "lead", "customer", "newsletter", "webinar", "referral",
    "cold", "hot", "wholesale", "partner", "trial", "churned"};
const char* const domains[] = {"gmail.com", "yahoo.com", "outlook.com", "example.com", "mail.org"};

template <typename T, std::size_t N>
QString pick(QRandomGenerator& random, const T (&list)[N])
{
    return QLatin1StringView(list[random.bounded(int(N))]);
}

ContactDesk::Api::Contact makeContact(QRandomGenerator& random, int i)
{
    ContactDesk::Api::Contact contact;
    contact.id = QStringLiteral("bench%1").arg(i, 6, 10, QLatin1Char('0'));
    contact.locationId = QStringLiteral("benchLocation");
    contact.firstName = pick(random, firstNames);
    contact.lastName = pick(random, lastNames);
    contact.name = contact.firstName + QLatin1Char(' ') + contact.lastName;
    if (random.bounded(10) != 0) {
        contact.email = contact.firstName.toLower() + QLatin1Char('.') + contact.lastName.toLower()
            + QString::number(i) + QLatin1Char('@') + pick(random, domains);
    }
    if (random.bounded(5) != 0) {
        contact.phone = QStringLiteral("+1 %1 %2 %3")
                            .arg(200 + random.bounded(800))
                            .arg(random.bounded(1000), 3, 10, QLatin1Char('0'))
                            .arg(random.bounded(10000), 4, 10, QLatin1Char('0'));
    }
    if (random.bounded(3) != 0)
        contact.companyName = pick(random, companies);
    const int tags = random.bounded(4);
    for (int t = 0; t < tags; ++t)
        contact.tags.append(pick(random, tagNames));
    contact.tags.removeDuplicates();
    const qint64 added = 1672531200000 + qint64(random.bounded(1000)) * 86400000
        + qint64(random.bounded(86400)) * 1000;
    contact.dateAdded = QDateTime::fromMSecsSinceEpoch(added, Qt::UTC);
    contact.dateUpdated = QDateTime::fromMSecsSinceEpoch(
        added + qint64(random.bounded(86400 * 90)) * 1000, Qt::UTC);
    return contact;
}

bool fill(const QString& path)
{
    ContactDesk::SystemClock clock;
    Database db(path, clock);
    if (!db.open().ok)
        return false;
    ContactCache cache(db);
    QRandomGenerator random(20261129);
    for (int first = 0; first < contactTotal; first += fillBatch) {
        QList<ContactDesk::Api::Contact> batch;
        batch.reserve(fillBatch);
        for (int i = first; i < std::min(contactTotal, first + fillBatch); ++i)
            batch.append(makeContact(random, i));
        if (!cache.upsertFromServer(batch))
            return false;
    }
    return cache.count() == contactTotal;
}

// --- Child side ---

qint64 memoryKb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// Milliseconds since this process started, from its start time in /proc/self/stat (clock ticks
// since boot, so 10 ms resolution); -1 when unavailable.
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // Field 22 of the file (starttime) is the 20th after the command name.
    const qint64 startTicks = fields.value(19).toLongLong();
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    const double elapsed = nowMs - double(startTicks) * 1000.0 / double(sysconf(_SC_CLK_TCK));
    return elapsed >= 0 && elapsed < 600000 ? elapsed : -1;
}

// CPU time of the whole process since it started (every thread), in milliseconds: the work
// done, whatever else the machine is busy with.
double cpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

// Calls `done` once the watched widget has finished a paint (at the next turn of the event
// loop after the paint event), when armed.
class PaintProbe : public QObject
{
public:
    std::function<void()> done;
    bool armed = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (armed && event->type() == QEvent::Paint) {
            armed = false;
            QTimer::singleShot(0, this, [this] { done(); });
        }
        return QObject::eventFilter(watched, event);
    }
};

bool waitFor(QEventLoop& loop, int timeoutMs)
{
    QTimer timeout;
    timeout.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    timeout.start(timeoutMs);
    loop.exec();
    return !timedOut;
}

void typeKey(QWidget* target, QChar c)
{
    const int key = c.isLetterOrNumber() || c.isSpace() ? c.toUpper().unicode() : 0;
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
    QCoreApplication::sendEvent(target, &press);
    QCoreApplication::sendEvent(target, &release);
}

void measureTyping(ContactListPane& pane, PaintProbe& probe, QEventLoop& loop)
{
    const QStringList queries {QStringLiteral("marta"), QStringLiteral("john smith"),
        QStringLiteral("kowalski"), QStringLiteral("lee"), QStringLiteral("acme roofing"),
        QStringLiteral("newsletter"), QStringLiteral("gmail"), QStringLiteral("5551"),
        QStringLiteral("priya singh"), QStringLiteral("hot"), QStringLiteral("okafor"),
        QStringLiteral("ines"), QStringLiteral("delta"), QStringLiteral("zzq"),
        QStringLiteral("carlos.martinez"), QStringLiteral("yuki nakamura")};
    pane.setSearchDelay(0);
    QLineEdit* search = pane.searchField();
    ContactListModel* model = pane.model();
    QElapsedTimer sinceKey;
    QObject::connect(
        model, &QAbstractItemModel::modelReset, &probe, [&probe] { probe.armed = true; });
    std::vector<double> samples;
    std::vector<double> cpuSamples;
    for (const QString& query : queries) {
        pane.clearSearch();
        QCoreApplication::processEvents();
        for (const QChar c : query) {
            const QString before = ContactCache::ftsQuery(search->text());
            const QString after = ContactCache::ftsQuery(search->text() + c);
            const double cpuBefore = cpuMs();
            sinceKey.start();
            typeKey(search, c);
            if (before == after) {
                // Same words (a space, a dot): the list rightly stays as it is.
                QCoreApplication::processEvents();
                continue;
            }
            if (!waitFor(loop, 5000)) {
                std::fprintf(
                    stderr, "bench_ui: no repaint after typing '%s'\n", qPrintable(search->text()));
                continue;
            }
            samples.push_back(double(sinceKey.nsecsElapsed()) / 1e6);
            cpuSamples.push_back(cpuMs() - cpuBefore);
            if (qEnvironmentVariableIsSet("BENCH_UI_VERBOSE")) {
                std::fprintf(stderr, "typed '%s': %.1f ms (%.1f ms CPU), %d rows\n",
                    qPrintable(search->text()), samples.back(), cpuSamples.back(),
                    model->rowCount());
            }
        }
    }
    pane.clearSearch();
    QCoreApplication::processEvents();
    report("keystroke_to_list_p50", percentile(samples, 50), "ms", "");
    report("keystroke_to_list_p95", percentile(samples, 95), "ms", "<50",
        QStringLiteral("%1 keystrokes over %2 searches at 100,000 contacts; key event to the "
                       "table's repaint, typing pause set to 0")
            .arg(samples.size())
            .arg(queries.size()));
    report("keystroke_to_list_max", percentile(samples, 100), "ms", "");
    report("keystroke_cpu_p95", percentile(cpuSamples, 95), "ms", "<50",
        QStringLiteral("process CPU time per keystroke, the same keystrokes"));
}

void measureScrolling(ContactListPane& pane)
{
    QTableView* table = pane.view();
    ContactListModel* model = pane.model();
    model->setCountFetchesPerRow(true);
    const ContactListModel::FetchStats before = model->fetchStats();
    QScrollBar* bar = table->verticalScrollBar();
    std::vector<double> frames;
    std::vector<double> cpuFrames;
    QElapsedTimer frame;
    for (int value = 0;; value += bar->pageStep()) {
        const double cpuBefore = cpuMs();
        frame.start();
        bar->setValue(std::min(value, bar->maximum()));
        table->viewport()->repaint();
        frames.push_back(double(frame.nsecsElapsed()) / 1e6);
        cpuFrames.push_back(cpuMs() - cpuBefore);
        if (value >= bar->maximum())
            break;
    }
    const QHash<qint64, int> perRow = model->fetchesPerRow();
    int maxReads = 0;
    qint64 reads = 0;
    for (int count : perRow) {
        maxReads = std::max(maxReads, count);
        reads += count;
    }
    const double mean = perRow.isEmpty() ? 0 : double(reads) / double(perRow.size());
    report("scroll_row_reads_max", maxReads, "reads/row", "bounded (1)",
        QStringLiteral("%1 pages of %2 rows; %3 rows read during the scroll (of %4: the rest "
                       "were still loaded); %5 window queries")
            .arg(frames.size())
            .arg(bar->pageStep())
            .arg(perRow.size())
            .arg(model->rowCount())
            .arg(model->fetchStats().queries - before.queries));
    report("scroll_row_reads_mean", mean, "reads/row", "bounded (1)");
    report("scroll_page_repaint_p95", percentile(frames, 95), "ms", "<16");
    report("scroll_page_repaint_cpu_p95", percentile(cpuFrames, 95), "ms", "<16");
}

int runChild(const QStringList& args)
{
    const bool full = args.value(2) == QLatin1StringView("full");
    const QString cachePath = args.value(3);
    const QString settingsPath = args.value(4);
    QElapsedTimer sinceMain;
    sinceMain.start();
    const double mainAt = msSinceProcessStart();

    ContactDesk::SystemClock clock;
    Database db(cachePath, clock);
    const Database::OpenResult opened = db.open();
    if (!opened.ok) {
        std::fprintf(stderr, "bench_ui: cannot open the cache: %s\n", qPrintable(opened.message));
        return 1;
    }
    const double openMs = double(sinceMain.nsecsElapsed()) / 1e6;
    QSettings settings(settingsPath, QSettings::IniFormat);
    ContactListPane pane(db, settings);
    const double builtMs = double(sinceMain.nsecsElapsed()) / 1e6;
    pane.resize(1200, 800);

    QEventLoop loop;
    PaintProbe probe;
    probe.done = [&loop] { loop.quit(); };
    pane.view()->viewport()->installEventFilter(&probe);
    // A search that matches nothing shows the empty-state message instead of the table.
    pane.findChild<QWidget*>(QStringLiteral("contactEmptyLabel"))->installEventFilter(&probe);
    probe.armed = true;
    pane.show();
    if (!waitFor(loop, 30000)) {
        std::fprintf(stderr, "bench_ui: the list never painted\n");
        return 1;
    }
    const double paintedMs = double(sinceMain.nsecsElapsed()) / 1e6;
    const double sinceStart = msSinceProcessStart();
    const double cpuAtPaint = cpuMs();
    const QJsonObject painted {{QStringLiteral("painted"), true},
        {QStringLiteral("rows"), pane.model()->rowCount()},
        {QStringLiteral("rowsRead"), pane.model()->fetchStats().rows},
        {QStringLiteral("mainAtMs"), mainAt}, {QStringLiteral("sinceStartMs"), sinceStart},
        {QStringLiteral("openMs"), openMs}, {QStringLiteral("builtMs"), builtMs},
        {QStringLiteral("paintedMs"), paintedMs}, {QStringLiteral("cpuMs"), cpuAtPaint},
        {QStringLiteral("rssKb"), memoryKb("VmRSS")}};
    std::printf("%s\n", QJsonDocument(painted).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    if (pane.model()->rowCount() != contactTotal)
        return 1;
    if (!full)
        return 0;

    measureTyping(pane, probe, loop);
    measureScrolling(pane);
    report("rss_after_first_paint", double(painted[QStringLiteral("rssKb")].toInteger()) / 1024.0,
        "MB", "<250");
    report("rss_after_typing_and_scrolling", double(memoryKb("VmRSS")) / 1024.0, "MB", "<250");
    report("rss_peak", double(memoryKb("VmHWM")) / 1024.0, "MB", "<250");
    return 0;
}

// --- Parent side ---

const QString appConnectionId = QStringLiteral("bench-connection");

// Points this process's XDG folders into `dir` and saves, as the desktop app would, an active
// connection whose cache the bench fills. Nothing listens at its address and no token is stored
// for it: the app shows the cache and, after the first paint, finds it cannot sync.
QString prepareAppFolders(const QTemporaryDir& dir)
{
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
    // The desktop app's names, for its settings file and its data folder.
    QCoreApplication::setOrganizationName(QStringLiteral("ContactDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ContactDesk"));
    QSettings settings;
    ContactDesk::Auth::ConnectionStore connections(settings);
    ContactDesk::Auth::Connection connection;
    connection.id = appConnectionId;
    connection.displayName = QStringLiteral("Bench location");
    connection.environment = ContactDesk::Auth::Environment::Custom;
    connection.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    connection.authKind = ContactDesk::Auth::AuthKind::PrivateIntegrationToken;
    connection.locationId = QStringLiteral("benchLocation");
    if (!connections.save(connection) || !connections.setActive(appConnectionId))
        return {};
    settings.sync();
    return Database::defaultPath(appConnectionId);
}

QString desktopAppPath(const QStringList& args)
{
    if (args.size() > 1)
        return args.at(1);
    return QDir::cleanPath(
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/desktop/contactdesk"));
}

// Starts the desktop app on the prepared folders and returns its first-paint report, with the
// wall time from spawning it to that report; empty when it failed.
QJsonObject runDesktopApp(const QString& program, const QTemporaryDir& dir, double* wallMs)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.setStandardOutputFile(QProcess::nullDevice());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.info=false"));
    child.setProcessEnvironment(env);
    // The app's report comes on stderr, which is the channel waited on and read.
    child.setReadChannel(QProcess::StandardError);
    QElapsedTimer wall;
    wall.start();
    child.start(
        program, {QStringLiteral("--memory-secrets"), QStringLiteral("--report-first-paint")});
    QJsonObject painted;
    QByteArray other;
    while (painted.isEmpty() && (child.canReadLine() || child.waitForReadyRead(60000))) {
        while (child.canReadLine()) {
            const QByteArray line = child.readLine();
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (object.contains(QStringLiteral("firstPaintMs"))) {
                *wallMs = double(wall.nsecsElapsed()) / 1e6;
                painted = object;
                break;
            }
            other += line;
        }
    }
    if (!child.waitForFinished(60000))
        child.kill();
    if (painted.isEmpty() || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        std::fprintf(stderr, "bench_ui: %s did not report its first paint:\n%s%s\n",
            qPrintable(program), other.constData(), child.readAllStandardError().constData());
        return {};
    }
    return painted;
}

bool measureDesktopApp(const QString& program, const QTemporaryDir& dir)
{
    std::vector<double> walls;
    std::vector<double> sinceStarts;
    QJsonObject last;
    for (int run = 0; run < paintRuns; ++run) {
        double wall = 0;
        const QJsonObject painted = runDesktopApp(program, dir, &wall);
        if (painted.isEmpty())
            return false;
        if (painted.value(QStringLiteral("rows")).toInt() != contactTotal) {
            std::fprintf(stderr, "bench_ui: the app listed %d contacts, not %d\n",
                painted.value(QStringLiteral("rows")).toInt(), contactTotal);
            return false;
        }
        walls.push_back(wall);
        sinceStarts.push_back(painted.value(QStringLiteral("firstPaintMs")).toDouble());
        last = painted;
    }
    report("start_to_first_paint", percentile(walls, 50), "ms", "<1000",
        QStringLiteral("median of %1 cold starts of the desktop app (contactdesk, offscreen) on a "
                       "connection with 100,000 cached contacts: spawn to the end of the contact "
                       "table's first paint; max %2 ms; in the last, %3 ms after main()")
            .arg(walls.size())
            .arg(percentile(walls, 100), 0, 'f', 0)
            .arg(last.value(QStringLiteral("sinceMainMs")).toDouble(), 0, 'f', 0));
    report("start_to_first_paint_proc", percentile(sinceStarts, 50), "ms", "<1000",
        QStringLiteral("the same, by the app from its start time in /proc/self/stat (10 ms "
                       "resolution)"));
    report("rss_app_first_paint", double(last.value(QStringLiteral("rssKb")).toInteger()) / 1024.0,
        "MB", "<250", QStringLiteral("resident memory of the desktop app at its first paint"));
    return true;
}

// Spawns the child and returns its "painted" line, with the wall time from spawning it.
QJsonObject runPaintChild(const QString& mode, const QString& cachePath,
    const QString& settingsPath, double* wallMs, QByteArray* rest)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    QElapsedTimer wall;
    wall.start();
    child.start(QCoreApplication::applicationFilePath(),
        {QStringLiteral("--child"), mode, cachePath, settingsPath});
    QJsonObject painted;
    while (child.waitForReadyRead(60000) || child.canReadLine()) {
        if (!child.canReadLine())
            continue;
        const QByteArray line = child.readLine();
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.value(QStringLiteral("painted")).toBool()) {
            *wallMs = double(wall.nsecsElapsed()) / 1e6;
            painted = object;
            break;
        }
    }
    child.waitForFinished(600000);
    if (rest)
        *rest = child.readAllStandardOutput();
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return {};
    return painted;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0) {
        QApplication app(argc, argv);
        return runChild(app.arguments());
    }
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QString program = desktopAppPath(app.arguments());
    if (!QFileInfo(program).isExecutable()) {
        std::fprintf(stderr,
            "bench_ui: no desktop app at %s (build contactdesk, or pass its path)\n",
            qPrintable(program));
        return 1;
    }
    const QString cachePath = prepareAppFolders(dir);
    if (cachePath.isEmpty()) {
        std::fprintf(stderr, "bench_ui: could not save the bench connection\n");
        return 1;
    }
    const QString settingsPath = dir.filePath(QStringLiteral("pane-settings.ini"));

    QElapsedTimer filling;
    filling.start();
    if (!fill(cachePath)) {
        std::fprintf(stderr, "bench_ui: could not fill the cache\n");
        return 1;
    }
    report("fill_100k_contacts", double(filling.elapsed()) / 1000.0, "s", "",
        QStringLiteral("upsertFromServer in batches of %1").arg(fillBatch));

    if (!measureDesktopApp(program, dir))
        return 1;

    std::vector<double> walls;
    std::vector<double> cpus;
    std::vector<double> sinceStarts;
    QJsonObject last;
    for (int run = 0; run < paintRuns; ++run) {
        double wall = 0;
        const QJsonObject painted
            = runPaintChild(QStringLiteral("paint"), cachePath, settingsPath, &wall, nullptr);
        if (painted.isEmpty()) {
            std::fprintf(stderr, "bench_ui: the child did not paint the list\n");
            return 1;
        }
        walls.push_back(wall);
        cpus.push_back(painted.value(QStringLiteral("cpuMs")).toDouble());
        sinceStarts.push_back(painted.value(QStringLiteral("sinceStartMs")).toDouble());
        last = painted;
    }
    report("pane_start_to_first_paint", percentile(walls, 50), "ms", "",
        QStringLiteral("median of %1 cold processes that build only the list pane, spawn to the "
                       "end of the table's first paint (pane + model over the cache, offscreen); "
                       "max %2 ms; in the last: "
                       "main() at %3 ms, cache open %4 ms, pane built %5 ms, painted %6 ms after "
                       "main(), %7 rows read")
            .arg(walls.size())
            .arg(percentile(walls, 100), 0, 'f', 0)
            .arg(last.value(QStringLiteral("mainAtMs")).toDouble(), 0, 'f', 0)
            .arg(last.value(QStringLiteral("openMs")).toDouble(), 0, 'f', 0)
            .arg(last.value(QStringLiteral("builtMs")).toDouble(), 0, 'f', 0)
            .arg(last.value(QStringLiteral("paintedMs")).toDouble(), 0, 'f', 0)
            .arg(last.value(QStringLiteral("rowsRead")).toInt()));
    report("pane_start_to_first_paint_proc", percentile(sinceStarts, 50), "ms", "",
        QStringLiteral("the same, by the child from its start time in /proc/self/stat (10 ms "
                       "resolution)"));
    report("pane_start_to_first_paint_cpu", percentile(cpus, 50), "ms", "",
        QStringLiteral("CPU time of the child from exec to the first paint"));

    double wall = 0;
    QByteArray rest;
    if (runPaintChild(QStringLiteral("full"), cachePath, settingsPath, &wall, &rest).isEmpty()) {
        std::fprintf(stderr, "bench_ui: the measuring child failed\n");
        std::fputs(rest.constData(), stdout);
        return 1;
    }
    std::fputs(rest.constData(), stdout);
    std::fflush(stdout);
    return 0;
}
