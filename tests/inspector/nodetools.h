#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// The npm reference clients of tests/node (newman, har-validator), run with node. A missing
// node or module is a failure of the test, never a skip.
namespace ContactDesk::Testing {

// Empty when node and the modules are there; otherwise what is missing.
QString nodeToolsProblem();

struct NewmanRun
{
    int exitCode = -1;
    int requests = 0; // executed requests
    int assertions = 0;
    int failedAssertions = 0;
    QString output; // what newman printed, for failure messages
    QStringList failures; // "request: what failed", from newman's report
};
// `newman run file` with `--env-var key=value` for each entry of `variables`.
NewmanRun runNewman(const QString& collectionFile, const QStringList& variables);

// Empty when har-validator accepts `har`; otherwise its complaint.
QString harValidatorProblem(const QJsonObject& har);

// Writes `object` as JSON into the test's temporary folder; returns the path.
QString writeJson(const QString& name, const QJsonObject& object);

} // namespace ContactDesk::Testing
