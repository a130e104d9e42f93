// Field mapping at import size (issue 14). Usage: bench_mapping [ROWS [SUGGEST_MB]].
//
//   preview_100k_total (_cpu)   a generated CSV of ROWS rows x 20 columns read through
//                               SourceReader and mapped by RowMapper through checkFile (the
//                               rows are mapped on every core, as `mapping check` does): every
//                               transform of a suggested profile plus validation against the
//                               sandbox's location lists (picklists, numbers, dates, phones,
//                               emails); wall and CPU s (CPU counts both cores).
//   preview_100k_peak_rss       the process's peak RSS after that pass (MB).
//   suggest_100mb               sampleSource + suggestProfile on a CSV of SUGGEST_MB megabytes
//                               (it must read only a sample); wall ms.
#include "api/models/locationlists.h"
#include "common/clock.h"
#include "mapping/filecheck.h"
#include "mapping/rowmapper.h"
#include "mapping/source.h"
#include "mapping/suggest.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxdirectory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

#include <sys/resource.h>

using namespace ContactDesk;
using namespace ContactDesk::Mapping;

namespace {

const char* const header = "First Name,Last Name,E-mail Address,Mobile Phone,Company,Street,City,"
                           "State,Zip,Country,Website,Birthday,Tags,Membership level,Lead score,"
                           "Lifetime value,Newsletter opt-in,Preferred contact time,Job title,"
                           "Notes\r\n";

const char* const firstNames[] = {"James", "Mary", "Robert", "Patricia", "José", "Zoë", "Priya",
    "Wei", "Olumide", "Hiroshi", "Renée", "Björn"};
const char* const lastNames[] = {"Smith", "Johnson", "van der Berg", "O'Brien", "Müller", "Okafor",
    "Tanaka", "Patel", "Chen", "Dubois", "García", "Novák"};
const char* const levels[] = {"Bronze", "Silver", "Gold", "Platinum", "gold", "Gld"};
const char* const contactTimes[] = {"Morning", "afternoon", "Evening", "Weekends"};
const char* const tags[] = {"lead; newsletter", "customer", "vip; webinar; referral", "", "trial"};

QByteArray row(QRandomGenerator& random, int n)
{
    const auto pick = [&random](const auto& list) {
        return QByteArray(list[random.bounded(int(std::size(list)))]);
    };
    const QByteArray first = pick(firstNames);
    const QByteArray last = pick(lastNames);
    QByteArray line;
    line += first + ',' + '"' + last + '"' + ',';
    line += "member." + QByteArray::number(n) + "@example.org,";
    line += "(512) " + QByteArray::number(200 + n % 700) + '-' + QByteArray::number(1000 + n % 9000)
        + ',';
    line += "\"Summit Pools, Inc.\",";
    line += QByteArray::number(1 + n % 9999) + " Main St,Austin,TX,"
        + QByteArray::number(73301 + n % 500) + ",US,";
    line += "https://example.org/" + QByteArray::number(n) + ',';
    line += QByteArray::number(1 + n % 12) + '/' + QByteArray::number(1 + n % 28) + "/19"
        + QByteArray::number(50 + n % 50) + ',';
    line += '"' + pick(tags) + "\",";
    line += pick(levels) + ',';
    line += QByteArray::number(n % 100) + ',';
    line += QByteArray::number(n % 5000) + ".50,";
    line += (n % 2 ? "yes" : "no") + QByteArray(",");
    line += pick(contactTimes) + ",Owner,\"Met at the \"\"spring fair\"\"\"\r\n";
    return line;
}

bool writeCsv(const QString& path, qint64 rows, qint64 minBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator random(14);
    file.write(header);
    QByteArray chunk;
    for (qint64 n = 1; n <= rows || file.size() + chunk.size() < minBytes; ++n) {
        chunk += row(random, int(n));
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return true;
}

Api::LocationLists sandboxLists()
{
    SystemClock clock;
    Sandbox::SandboxData data(clock, 1);
    Sandbox::Directory::seed(data);
    Api::LocationLists lists;
    QString error;
    for (const QJsonObject& json :
        Sandbox::Directory::customFieldsOf(data, data.mainLocation().id)) {
        if (auto field = Api::CustomFieldDefinition::fromJson(json, &error))
            lists.customFields.append(*field);
    }
    for (const QJsonObject& json : data.users()) {
        if (auto user = Api::User::fromJson(json, &error))
            lists.users.append(*user);
    }
    for (const QJsonObject& json : data.tags()) {
        if (auto tag = Api::LocationTag::fromJson(json, &error))
            lists.tags.append(*tag);
    }
    return lists;
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

void report(const char* metric, double value, const char* unit, const char* target)
{
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("mapping")},
        {QStringLiteral("metric"), QString::fromLatin1(metric)}, {QStringLiteral("value"), value},
        {QStringLiteral("unit"), QString::fromLatin1(unit)},
        {QStringLiteral("target"), QString::fromLatin1(target)}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = args.size() > 1 ? args.at(1).toLongLong() : 100000;
    const qint64 suggestMb = args.size() > 2 ? args.at(2).toLongLong() : 100;
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("contacts.csv"));
    const QString big = dir.filePath(QStringLiteral("big.csv"));
    if (!writeCsv(csv, rows, 0) || !writeCsv(big, 0, suggestMb * 1024 * 1024)) {
        std::fprintf(
            stderr, "bench_mapping: cannot write the test files in %s\n", qPrintable(dir.path()));
        return 1;
    }
    const Api::LocationLists lists = sandboxLists();

    // The profile the user would start from: what suggest proposes for this file.
    const SourceSample sample = sampleSource(csv, {});
    if (!sample.error.isEmpty()) {
        std::fprintf(stderr, "bench_mapping: %s\n", qPrintable(sample.error));
        return 1;
    }
    const Profile profile = suggestProfile(sample, lists);

    QElapsedTimer wall;
    const double cpuBefore = cpuSeconds();
    wall.start();
    QString error;
    std::unique_ptr<SourceReader> reader = SourceReader::open(csv, profile.source, &error);
    if (!reader) {
        std::fprintf(stderr, "bench_mapping: %s\n", qPrintable(error));
        return 1;
    }
    const RowMapper mapper(profile, lists);
    const FileCheck check = checkFile(*reader, mapper, 100);
    const qint64 mapped = check.rows;
    const qint64 problems = check.invalidRows;
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    if (mapped != rows || !check.error.isEmpty()) {
        std::fprintf(stderr, "bench_mapping: mapped %lld of %lld rows: %s\n", mapped, rows,
            qPrintable(check.error));
        return 1;
    }
    std::fprintf(stderr, "bench_mapping: %lld rows, %lld of them invalid\n", mapped, problems);
    for (const CellProblem& problem : check.problems.mid(0, 3)) {
        std::fprintf(stderr, "  for example row %lld, %s: %s\n", problem.row,
            qPrintable(problem.column), qPrintable(problem.reason));
    }
    report("preview_100k_total", seconds, "s", "< 5");
    report("preview_100k_total_cpu", cpu, "s", "< 5");
    report("preview_100k_peak_rss", peakRssMb(), "MB", "< 200");

    wall.restart();
    const SourceSample bigSample = sampleSource(big, {});
    const Profile bigProfile = suggestProfile(bigSample, lists);
    const double suggestMs = double(wall.nsecsElapsed()) / 1e6;
    if (!bigSample.error.isEmpty() || bigProfile.rules.isEmpty()) {
        std::fprintf(stderr, "bench_mapping: suggest failed: %s\n", qPrintable(bigSample.error));
        return 1;
    }
    report("suggest_100mb", suggestMs, "ms", "< 1000");
    return 0;
}
