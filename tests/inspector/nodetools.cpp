#include "nodetools.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace ContactDesk::Testing {

namespace {

const QString modules = QStringLiteral(CONTACTDESK_NODE_MODULES);

QTemporaryDir& scratch()
{
    static QTemporaryDir dir;
    return dir;
}

struct Run
{
    int exitCode = -1;
    QString output;
};

Run runNode(const QStringList& arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("node"), arguments);
    Run run;
    if (!process.waitForStarted(10000)) {
        run.output = QStringLiteral("node did not start: %1").arg(process.errorString());
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.output = QStringLiteral("node did not finish in %1 s").arg(timeoutMs / 1000);
        return run;
    }
    run.output = QString::fromUtf8(process.readAll());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

} // namespace

QString nodeToolsProblem()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node is not installed (scripts/deps installs it)");
    for (const QString& module :
        {QStringLiteral("newman/bin/newman.js"), QStringLiteral("har-validator/package.json")}) {
        if (!QFile::exists(modules + u'/' + module))
            return QStringLiteral("%1/%2 is missing: run scripts/deps").arg(modules, module);
    }
    if (!scratch().isValid())
        return QStringLiteral("no temporary folder");
    return {};
}

QString writeJson(const QString& name, const QJsonObject& object)
{
    const QString path = scratch().filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(QJsonDocument(object).toJson());
    return path;
}

NewmanRun runNewman(const QString& collectionFile, const QStringList& variables)
{
    const QString report
        = scratch().filePath(QFileInfo(collectionFile).baseName() + QStringLiteral(".newman.json"));
    QFile::remove(report);
    QStringList arguments {modules + QStringLiteral("/newman/bin/newman.js"), QStringLiteral("run"),
        collectionFile, QStringLiteral("--reporters"), QStringLiteral("cli,json"),
        QStringLiteral("--reporter-json-export"), report, QStringLiteral("--disable-unicode"),
        QStringLiteral("--timeout-request"), QStringLiteral("20000")};
    for (const QString& variable : variables)
        arguments << QStringLiteral("--env-var") << variable;
    const Run run = runNode(arguments);
    NewmanRun result;
    result.exitCode = run.exitCode;
    result.output = run.output;
    QFile file(report);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject runReport = QJsonDocument::fromJson(file.readAll())
                                          .object()
                                          .value(QStringLiteral("run"))
                                          .toObject();
        const QJsonObject stats = runReport.value(QStringLiteral("stats")).toObject();
        for (const QJsonValue& failure : runReport.value(QStringLiteral("failures")).toArray()) {
            const QJsonObject f = failure.toObject();
            result.failures << f.value(QStringLiteral("source"))
                                   .toObject()
                                   .value(QStringLiteral("name"))
                                   .toString()
                    + QStringLiteral(": ")
                    + f.value(QStringLiteral("error"))
                          .toObject()
                          .value(QStringLiteral("message"))
                          .toString();
        }
        result.requests = stats.value(QStringLiteral("requests"))
                              .toObject()
                              .value(QStringLiteral("total"))
                              .toInt();
        const QJsonObject assertions = stats.value(QStringLiteral("assertions")).toObject();
        result.assertions = assertions.value(QStringLiteral("total")).toInt();
        result.failedAssertions = assertions.value(QStringLiteral("failed")).toInt();
    }
    return result;
}

QString harValidatorProblem(const QJsonObject& har)
{
    const QString file = writeJson(QStringLiteral("check.har"), har);
    const QString script = QStringLiteral(
        "const validator = require(process.argv[1] + '/har-validator');"
        "const har = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));"
        "validator.har(har).then(() => process.exit(0)).catch((e) => {"
        "  console.log(JSON.stringify(e.errors || e.message)); process.exit(1); });");
    const Run run = runNode({QStringLiteral("-e"), script, modules, file});
    if (run.exitCode == 0)
        return {};
    return run.output.isEmpty() ? QStringLiteral("har-validator failed") : run.output;
}

} // namespace ContactDesk::Testing
