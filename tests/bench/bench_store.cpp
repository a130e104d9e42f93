// The offline cache at 100,000 contacts (issue 5): how long the sync engine's writes take, and
// how fast the list can sort and search. Usage: bench_store [COUNT [KEEP_FILE]].
//
//   insert_100k_total (_cpu)   100,000 generated contacts through ContactCache::upsertFromServer
//                              in pages of 100 (what one search page brings), one transaction
//                              per page, into a fresh file; wall seconds and process CPU seconds.
//   insert_100k_one_call_cpu   the same contacts in ONE upsertFromServer call (one transaction)
//                              into another fresh file: what paging costs is the difference.
//   contact_json_100k_cpu      the contacts' cached JSON text alone (what every write stores).
//   search_prefix_p95 (_cpu)   FTS prefix search (matchingRowIds) for 100 varied prefixes of two
//                              or more characters: parts of first and last names, email local
//                              parts and domains, company words, tags, phone digits with and
//                              without the country code, and two-word queries.
//   search_one_letter_max      the same for ten single letters (a first keystroke matches a
//                              large part of the list).
//   ordered_row_ids_*          orderedRowIds over all rows, median of 5.
//   summaries_window_200       summaries() for a window of 200 rows, median of 20 windows.
//   file_size                  the cache file with its WAL after the insert.
// Times are wall clock; the *_cpu twins are CPU time, which a machine busy with other builds
// does not inflate.
#include "common/clock.h"
#include "store/contactcache.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <sys/resource.h>
#include <time.h>

using namespace ContactDesk;

namespace {

const char* const firstNames[] = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer",
    "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph",
    "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy",
    "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret", "Donald", "Ashley", "Steven",
    "Kimberly", "Andrew", "Emily", "Paul", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
    "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie", "José",
    "María", "Zoë", "Renée", "Björn", "Siobhan", "Priya", "Wei", "Olumide", "Hiroshi"};
const char* const lastNames[] = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
    "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
    "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
    "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
    "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
    "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "O'Brien",
    "Müller", "Novák", "Kowalski", "Okafor", "Tanaka", "Patel", "Chen", "Larsen", "Dubois"};
const char* const companyWords[] = {"Acme", "Summit", "Blue", "River", "Pioneer", "Granite",
    "Harbor", "Evergreen", "Atlas", "Beacon", "Cedar", "Crescent", "Horizon", "Liberty", "Maple",
    "Northstar", "Oak", "Pinnacle", "Redwood", "Sterling"};
const char* const companyKinds[] = {"Pools", "Dental", "Roofing", "Realty", "Fitness", "Law",
    "Plumbing", "Auto", "Bakery", "Consulting", "Landscaping", "Insurance", "Salon", "HVAC"};
const char* const tagNames[] = {"lead", "customer", "vip", "newsletter", "webinar", "referral",
    "facebook-ad", "google-ad", "cold", "warm", "hot", "renewal", "churned", "trial", "partner",
    "event-2026", "wholesale", "retail", "follow-up", "do-not-call"};
const char* const domains[]
    = {"gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "example.org"};

template <typename T, std::size_t N>
QString pick(QRandomGenerator& random, const T (&list)[N])
{
    return QString::fromUtf8(list[random.bounded(int(N))]);
}

QString contactId(int n)
{
    return QStringLiteral("b%1").arg(n, 19, 10, QLatin1Char('0'));
}

Api::Contact generate(QRandomGenerator& random, int n)
{
    Api::Contact contact;
    contact.id = contactId(n);
    contact.locationId = QStringLiteral("ve9EPM428h8vShlRW1KT");
    contact.firstName = pick(random, firstNames);
    contact.lastName = pick(random, lastNames);
    contact.name = contact.firstName + QLatin1Char(' ') + contact.lastName;
    if (random.bounded(10) < 9) {
        contact.email
            = (contact.firstName.left(1) + contact.lastName).toLower().remove(QLatin1Char('\''))
            + QString::number(n % 1000) + QLatin1Char('@') + pick(random, domains);
    }
    if (random.bounded(10) < 8) {
        contact.phone = random.bounded(5) == 0 ? QStringLiteral("+44 20 %1 %2")
                                                     .arg(random.bounded(1000, 9999))
                                                     .arg(random.bounded(1000, 9999))
                                               : QStringLiteral("+1 %1-%2-%3")
                                                     .arg(random.bounded(200, 999))
                                                     .arg(random.bounded(200, 999))
                                                     .arg(random.bounded(1000, 9999));
    }
    if (random.bounded(3) != 0)
        contact.companyName
            = pick(random, companyWords) + QLatin1Char(' ') + pick(random, companyKinds);
    const int tagCount = random.bounded(4);
    for (int t = 0; t < tagCount; ++t) {
        const QString tag = pick(random, tagNames);
        if (!contact.tags.contains(tag))
            contact.tags.append(tag);
    }
    contact.address1 = QStringLiteral("%1 Main St").arg(random.bounded(1, 9999));
    contact.city = QStringLiteral("Austin");
    contact.state = QStringLiteral("TX");
    contact.country = QStringLiteral("US");
    contact.source = QStringLiteral("public api");
    contact.type = QStringLiteral("lead");
    const qint64 added = 1600000000000 + qint64(random.bounded(100000000)) * 1000;
    contact.dateAdded = QDateTime::fromMSecsSinceEpoch(added, Qt::UTC);
    contact.dateUpdated
        = QDateTime::fromMSecsSinceEpoch(added + qint64(random.bounded(10000000)) * 1000, Qt::UTC);
    return contact;
}

// Process CPU time: on a loaded machine (other builds) wall time mostly measures the wait.
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void report(const char* metric, double value, const char* unit, const char* target)
{
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("store")},
        {QStringLiteral("metric"), QLatin1StringView(metric)},
        {QStringLiteral("value"), qRound(value * 100) / 100.0},
        {QStringLiteral("unit"), QLatin1StringView(unit)},
        {QStringLiteral("target"), QLatin1StringView(target)}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double percentile(std::vector<double> values, int p)
{
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, (values.size() * p + 99) / 100 - 1);
    return values[index];
}

// 100 prefixes of the kinds a user types, drawn from the generated contacts themselves.
QStringList prefixes(QRandomGenerator& random, const QList<Api::Contact>& sample)
{
    QStringList result;
    while (result.size() < 100) {
        const Api::Contact& c = sample.at(random.bounded(int(sample.size())));
        const int kind = int(result.size()) % 10;
        QString prefix;
        switch (kind) {
        case 0:
            prefix = c.firstName.left(2 + random.bounded(3));
            break;
        case 1:
            prefix = c.lastName.left(3 + random.bounded(3));
            break;
        case 2:
            prefix = c.email.section(QLatin1Char('@'), 0, 0).left(4 + random.bounded(4));
            break;
        case 3:
            prefix = c.email.section(QLatin1Char('@'), 1).left(3);
            break;
        case 4:
            prefix = c.companyName.left(3 + random.bounded(4));
            break;
        case 5:
            prefix = c.tags.isEmpty() ? QString() : c.tags.first().left(3);
            break;
        case 6: { // digits with the country code
            QString digits;
            for (const QChar ch : c.phone)
                if (ch.isDigit())
                    digits.append(ch);
            prefix = digits.left(5 + random.bounded(4));
            break;
        }
        case 7: { // national digits, as typed from a business card
            QString digits;
            for (const QChar ch : c.phone.section(QLatin1Char(' '), 1))
                if (ch.isDigit())
                    digits.append(ch);
            prefix = digits.left(4 + random.bounded(4));
            break;
        }
        case 8:
            prefix = c.firstName + QLatin1Char(' ') + c.lastName.left(2);
            break;
        case 9:
            prefix = c.companyName.section(QLatin1Char(' '), 1).left(2);
            break;
        }
        if (!prefix.trimmed().isEmpty())
            result.append(prefix);
    }
    return result;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int total = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 100000;
    // A second argument keeps the cache file there, for a look with the sqlite3 shell.
    QTemporaryDir dir;
    SystemClock clock;
    const QString path = app.arguments().size() > 2 ? app.arguments().at(2)
                                                    : dir.path() + QStringLiteral("/cache.sqlite");
    Store::Database db(path, clock);
    const Store::Database::OpenResult opened = db.open();
    if (!opened.ok) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(opened.message));
        return 1;
    }
    Store::ContactCache cache(db);

    QRandomGenerator random(20261101);
    QList<Api::Contact> contacts;
    contacts.reserve(total);
    for (int n = 0; n < total; ++n)
        contacts.append(generate(random, n));

    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = cpuSeconds();
    for (int page = 0; page < total; page += 100) {
        if (!cache.upsertFromServer(contacts.mid(page, 100))) {
            std::fprintf(
                stderr, "bench_store: insert failed: %s\n", qPrintable(cache.lastError().detail));
            return 1;
        }
    }
    const double insertSeconds = timer.nsecsElapsed() / 1e9;
    const double insertCpu = cpuSeconds() - cpuBefore;
    if (cache.count() != total) {
        std::fprintf(
            stderr, "bench_store: %d contacts cached, expected %d\n", cache.count(), total);
        return 1;
    }
    report("insert_100k_total", insertSeconds, "s", "<2");
    report("insert_100k_cpu", insertCpu, "s", "");

    // Each query is timed on the wall clock and on this thread's CPU clock: on a machine shared
    // with builds, the wall clock mostly measures waiting for a core.
    std::vector<double> searches;
    std::vector<double> searchesCpu;
    qint64 matches = 0;
    for (const QString& prefix : prefixes(random, contacts)) {
        timer.restart();
        const double cpuStart = threadCpuMs();
        const QVector<qint64> found = cache.matchingRowIds(prefix);
        searchesCpu.push_back(threadCpuMs() - cpuStart);
        searches.push_back(timer.nsecsElapsed() / 1e6);
        matches += found.size();
    }
    report("search_prefix_p95", percentile(searches, 95), "ms", "<10");
    report("search_prefix_p95_cpu", percentile(searchesCpu, 95), "ms", "<10");
    report("search_prefix_p50", percentile(searches, 50), "ms", "");
    report("search_prefix_mean_matches", double(matches) / double(searches.size()), "rows", "");
    // The first keystroke: one letter matches a large part of the list, so it is reported on
    // its own.
    std::vector<double> single;
    std::vector<double> singleCpu;
    for (const char letter : QByteArrayLiteral("ajmsdrcltk")) {
        if (letter == 0)
            break;
        timer.restart();
        const double cpuStart = threadCpuMs();
        cache.matchingRowIds(QString(QLatin1Char(letter)));
        singleCpu.push_back(threadCpuMs() - cpuStart);
        single.push_back(timer.nsecsElapsed() / 1e6);
    }
    report("search_one_letter_max", percentile(single, 100), "ms", "");
    report("search_one_letter_max_cpu", percentile(singleCpu, 100), "ms", "");

    double lastCpu = 0;
    const auto median = [&](auto&& run, int times) {
        std::vector<double> runs;
        std::vector<double> cpu;
        for (int i = 0; i < times; ++i) {
            timer.restart();
            const double cpuStart = threadCpuMs();
            run();
            cpu.push_back(threadCpuMs() - cpuStart);
            runs.push_back(timer.nsecsElapsed() / 1e6);
        }
        lastCpu = percentile(cpu, 50);
        return percentile(runs, 50);
    };
    QVector<qint64> order;
    report("ordered_row_ids_name",
        median(
            [&] { order = cache.orderedRowIds(Store::SortColumn::Name, Qt::AscendingOrder); }, 5),
        "ms", "tens of ms");
    report("ordered_row_ids_name_cpu", lastCpu, "ms", "tens of ms");
    if (order.size() != total) {
        std::fprintf(stderr, "bench_store: ordered %lld rows\n", qlonglong(order.size()));
        return 1;
    }
    report("ordered_row_ids_updated",
        median(
            [&] {
                order = cache.orderedRowIds(Store::SortColumn::DateUpdated, Qt::DescendingOrder);
            },
            5),
        "ms", "tens of ms");
    report("ordered_row_ids_updated_cpu", lastCpu, "ms", "tens of ms");
    int window = 0;
    report("summaries_window_200",
        median(
            [&] {
                const qsizetype start
                    = (total / 2 + window++ * 1000) % std::max<qsizetype>(1, total - 200);
                cache.summaries(order.mid(start, 200));
            },
            20),
        "ms", "");
    db.close();
    const double bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    report("file_size", bytes / (1024.0 * 1024.0), "MB", "");

    {
        Store::Database single(dir.path() + QStringLiteral("/one-call.sqlite"), clock);
        if (!single.open().ok) {
            std::fprintf(stderr, "bench_store: cannot open a second cache\n");
            return 1;
        }
        Store::ContactCache singleCache(single);
        const double cpuStart = cpuSeconds();
        if (!singleCache.upsertFromServer(contacts)) {
            std::fprintf(stderr, "bench_store: one-call insert failed: %s\n",
                qPrintable(singleCache.lastError().detail));
            return 1;
        }
        report("insert_100k_one_call_cpu", cpuSeconds() - cpuStart, "s", "");
        if (singleCache.count() != total) {
            std::fprintf(stderr, "bench_store: one call cached %d contacts\n", singleCache.count());
            return 1;
        }
    }
    {
        const double cpuStart = cpuSeconds();
        qsizetype size = 0;
        for (const Api::Contact& contact : std::as_const(contacts))
            size += contact.toJsonText().size();
        report("contact_json_100k_cpu", cpuSeconds() - cpuStart, "s", "");
        if (size == 0)
            return 1;
    }
    return 0;
}
