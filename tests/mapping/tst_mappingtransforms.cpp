#include "mapping/transforms.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace ContactDesk::Mapping;

namespace {

QList<Transform> chainOf(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isArray())
        qFatal("test chain is not a JSON array: %s", json.constData());
    QList<Transform> chain;
    for (const QJsonValue& step : document.array()) {
        chain.append({step.toObject().value(QStringLiteral("op")).toString(),
            step.toObject().value(QStringLiteral("options")).toObject()});
    }
    return chain;
}

TransformResult run(const QByteArray& chain, const QStringList& sources,
    const QList<QStringList>& values, const QString& region = QStringLiteral("US"))
{
    return applyTransforms(chainOf(chain), TransformInput {sources, values, region});
}

// One source holding one cell.
TransformResult runOne(
    const QByteArray& chain, const QString& cell, const QString& region = QStringLiteral("US"))
{
    return run(chain, {QStringLiteral("A")}, {{cell}}, region);
}

QString check(const QByteArray& step, const QStringList& sources = {QStringLiteral("A")})
{
    return checkTransform(chainOf('[' + step + ']').first(), sources);
}

} // namespace

class TestMappingTransforms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryListsEveryTransformWithWorkingDefaults();
    void singleValue_data();
    void singleValue();
    void failingValue_data();
    void failingValue();
    void optionProblems_data();
    void optionProblems();
    void splitName_data();
    void splitName();
    void joinSkipsEmptySourcesInOrder();
    void templateNamesSourcesByPathOrPosition();
    void splitListGivesTrimmedItems();
    void phoneUsesTheProfilesRegionUnlessTheStepNamesOne();
    void emptyCellsStayEmptyThroughValueTransforms();
    void chainRunsInOrderAndNamesTheFailedStep();
    void compiledChainGivesTheSameAsApplyTransforms();
};

void TestMappingTransforms::registryListsEveryTransformWithWorkingDefaults()
{
    const QStringList expected {u"trim"_qs, u"collapseSpaces"_qs, u"lowerCase"_qs, u"upperCase"_qs,
        u"titleCase"_qs, u"splitName"_qs, u"join"_qs, u"template"_qs, u"constant"_qs,
        u"defaultWhenEmpty"_qs, u"valueMap"_qs, u"splitList"_qs, u"regexReplace"_qs,
        u"regexExtract"_qs, u"phoneE164"_qs, u"date"_qs, u"number"_qs, u"money"_qs, u"boolean"_qs};
    QStringList ops;
    for (const TransformInfo& info : transformRegistry()) {
        ops.append(info.op);
        QVERIFY2(!info.title.isEmpty() && !info.description.isEmpty(), qPrintable(info.op));
        // A step with only its required options (given a plausible value) checks clean.
        QJsonObject options;
        for (const TransformOption& option : info.options) {
            if (!option.required)
                continue;
            switch (option.type) {
            case TransformOption::Type::Choice:
                options.insert(option.name, option.choices.first());
                break;
            case TransformOption::Type::StringMap:
                options.insert(option.name, QJsonObject {{u"a"_qs, u"b"_qs}});
                break;
            default:
                options.insert(option.name, option.name == u"template" ? u"{1}"_qs : u"x"_qs);
            }
        }
        QCOMPARE(checkTransform({info.op, options}, {QStringLiteral("A")}), QString());
    }
    QCOMPARE(ops, expected);
}

void TestMappingTransforms::singleValue_data()
{
    QTest::addColumn<QByteArray>("chain");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("trim") << QByteArray(R"([{"op":"trim"}])") << u"  Ana  "_qs
                          << QStringList {u"Ana"_qs};
    QTest::newRow("collapseSpaces") << QByteArray(R"([{"op":"collapseSpaces"}])")
                                    << u" Ana \t  Maria\n"_qs << QStringList {u"Ana Maria"_qs};
    QTest::newRow("lowerCase") << QByteArray(R"([{"op":"lowerCase"}])") << u"ÄNNE@X.COM"_qs
                               << QStringList {u"änne@x.com"_qs};
    QTest::newRow("upperCase") << QByteArray(R"([{"op":"upperCase"}])") << u"gb"_qs
                               << QStringList {u"GB"_qs};
    QTest::newRow("titleCase") << QByteArray(R"([{"op":"titleCase"}])") << u"mary-jane o'brien"_qs
                               << QStringList {u"Mary-Jane O'Brien"_qs};
    QTest::newRow("titleCase contraction") << QByteArray(R"([{"op":"titleCase"}])")
                                           << u"DON'T STOP"_qs << QStringList {u"Don't Stop"_qs};
    QTest::newRow("constant") << QByteArray(R"([{"op":"constant","options":{"value":"csv"}}])")
                              << u"anything"_qs << QStringList {u"csv"_qs};
    QTest::newRow("default when empty")
        << QByteArray(R"([{"op":"defaultWhenEmpty","options":{"value":"Unknown"}}])") << u""_qs
        << QStringList {u"Unknown"_qs};
    QTest::newRow("default keeps a value")
        << QByteArray(R"([{"op":"defaultWhenEmpty","options":{"value":"Unknown"}}])") << u"Ana"_qs
        << QStringList {u"Ana"_qs};
    QTest::newRow("valueMap ignores case")
        << QByteArray(R"([{"op":"valueMap","options":{"map":{"gld":"Gold"}}}])") << u" GLD "_qs
        << QStringList {u"Gold"_qs};
    QTest::newRow("valueMap keep")
        << QByteArray(R"([{"op":"valueMap","options":{"map":{"gld":"Gold"},"unmapped":"keep"}}])")
        << u"Silver"_qs << QStringList {u"Silver"_qs};
    QTest::newRow("valueMap empty")
        << QByteArray(R"([{"op":"valueMap","options":{"map":{"g":"Gold"},"unmapped":"empty"}}])")
        << u"Silver"_qs << QStringList {};
    QTest::newRow("regexReplace captures") << QByteArray(
        R"j([{"op":"regexReplace","options":{"pattern":"(\\d{3})-(\\d{4})","replacement":"\\1\\2"}}])j")
                                           << u"call 555-0100 now"_qs
                                           << QStringList {u"call 5550100 now"_qs};
    QTest::newRow("regexReplace ignoring case") << QByteArray(
        R"([{"op":"regexReplace","options":{"pattern":"^mr\\.? ","caseSensitive":false}}])")
                                                << u"MR. Brooks"_qs << QStringList {u"Brooks"_qs};
    QTest::newRow("regexExtract group")
        << QByteArray(R"j([{"op":"regexExtract","options":{"pattern":"ID-(\\d+)"}}])j")
        << u"user ID-4711"_qs << QStringList {u"4711"_qs};
    QTest::newRow("regexExtract whole match")
        << QByteArray(R"([{"op":"regexExtract","options":{"pattern":"\\d+"}}])") << u"ab 42 cd"_qs
        << QStringList {u"42"_qs};
    QTest::newRow("regexExtract no match is empty")
        << QByteArray(R"j([{"op":"regexExtract","options":{"pattern":"ID-(\\d+)"}}])j")
        << u"none"_qs << QStringList {};
    QTest::newRow("phone US") << QByteArray(R"([{"op":"phoneE164"}])") << u"(415) 555-0100"_qs
                              << QStringList {u"+14155550100"_qs};
    QTest::newRow("phone GB region")
        << QByteArray(R"([{"op":"phoneE164","options":{"region":"gb"}}])") << u"020 7946 0958"_qs
        << QStringList {u"+442079460958"_qs};
    QTest::newRow("phone international")
        << QByteArray(R"([{"op":"phoneE164"}])") << u"+44 20 7946 0958"_qs
        << QStringList {u"+442079460958"_qs};
    QTest::newRow("date dd/MM/yyyy")
        << QByteArray(R"([{"op":"date","options":{"formats":["dd/MM/yyyy"]}}])") << u"31/12/2024"_qs
        << QStringList {u"2024-12-31"_qs};
    QTest::newRow("date second format fits")
        << QByteArray(R"([{"op":"date","options":{"formats":["dd/MM/yyyy","MM/dd/yyyy"]}}])")
        << u"12/31/2024"_qs << QStringList {u"2024-12-31"_qs};
    QTest::newRow("date month name")
        << QByteArray(R"([{"op":"date","options":{"formats":["d MMM yyyy"]}}])") << u"5 mar 2024"_qs
        << QStringList {u"2024-03-05"_qs};
    QTest::newRow("date yyyyMMdd")
        << QByteArray(R"([{"op":"date","options":{"formats":["yyyyMMdd"]}}])") << u"20240229"_qs
        << QStringList {u"2024-02-29"_qs};
    QTest::newRow("date defaults ISO")
        << QByteArray(R"([{"op":"date"}])") << u"1990-05-01"_qs << QStringList {u"1990-05-01"_qs};
    QTest::newRow("date long month") << QByteArray(R"([{"op":"date"}])") << u"March 5, 2024"_qs
                                     << QStringList {u"2024-03-05"_qs};
    QTest::newRow("date two-digit year")
        << QByteArray(R"([{"op":"date","options":{"formats":["dd.MM.yy"]}}])") << u"01.05.90"_qs
        << QStringList {u"1990-05-01"_qs};
    QTest::newRow("number de_DE") << QByteArray(R"([{"op":"number","options":{"locale":"de_DE"}}])")
                                  << u"1.234,5"_qs << QStringList {u"1234.5"_qs};
    QTest::newRow("number en_US groups") << QByteArray(R"([{"op":"number"}])")
                                         << u"1,234,567.890"_qs << QStringList {u"1234567.89"_qs};
    QTest::newRow("number negative fraction")
        << QByteArray(R"([{"op":"number","options":{"locale":"de_DE"}}])") << u"-0,50"_qs
        << QStringList {u"-0.5"_qs};
    QTest::newRow("number fr_FR spaces")
        << QByteArray(R"([{"op":"number","options":{"locale":"fr_FR"}}])") << u"1\u202f234,5"_qs
        << QStringList {u"1234.5"_qs};
    QTest::newRow("money dollars")
        << QByteArray(R"([{"op":"money"}])") << u"$1,234.50"_qs << QStringList {u"1234.5"_qs};
    QTest::newRow("money code after")
        << QByteArray(R"([{"op":"money","options":{"locale":"de_DE"}}])") << u"1.234,50 EUR"_qs
        << QStringList {u"1234.5"_qs};
    QTest::newRow("money euro sign")
        << QByteArray(R"([{"op":"money"}])") << u"€ 12"_qs << QStringList {u"12"_qs};
    QTest::newRow("money parentheses negative")
        << QByteArray(R"([{"op":"money"}])") << u"(12.00)"_qs << QStringList {u"-12"_qs};
    QTest::newRow("boolean yes") << QByteArray(R"([{"op":"boolean"}])") << u"Yes"_qs
                                 << QStringList {u"true"_qs};
    QTest::newRow("boolean x") << QByteArray(R"([{"op":"boolean"}])") << u"X"_qs
                               << QStringList {u"true"_qs};
    QTest::newRow("boolean off") << QByteArray(R"([{"op":"boolean"}])") << u"off"_qs
                                 << QStringList {u"false"_qs};
    QTest::newRow("boolean checked")
        << QByteArray(R"([{"op":"boolean"}])") << u"checked"_qs << QStringList {u"true"_qs};
    QTest::newRow("boolean 0") << QByteArray(R"([{"op":"boolean"}])") << u"0"_qs
                               << QStringList {u"false"_qs};
    QTest::newRow("boolean extra word")
        << QByteArray(R"([{"op":"boolean","options":{"trueWords":["Ja"],"falseWords":["nein"]}}])")
        << u"ja"_qs << QStringList {u"true"_qs};
}

void TestMappingTransforms::singleValue()
{
    QFETCH(QByteArray, chain);
    QFETCH(QString, cell);
    QFETCH(QStringList, expected);
    const TransformResult result = runOne(chain, cell);
    QCOMPARE(result.error, QString());
    QCOMPARE(result.failedStep, -1);
    QCOMPARE(result.values, expected);
}

void TestMappingTransforms::failingValue_data()
{
    QTest::addColumn<QByteArray>("chain");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("error");

    QTest::newRow("valueMap unmapped")
        << QByteArray(R"([{"op":"valueMap","options":{"map":{"gld":"Gold","slv":"Silver"}}}])")
        << u"Bronze"_qs << u"'Bronze' is not in the value map (gld, slv)"_qs;
    QTest::newRow("valueMap case-sensitive")
        << QByteArray(
               R"([{"op":"valueMap","options":{"map":{"gld":"Gold"},"caseSensitive":true}}])")
        << u"GLD"_qs << u"'GLD' is not in the value map (gld)"_qs;
    QTest::newRow("regexExtract no match as error")
        << QByteArray(
               R"j([{"op":"regexExtract","options":{"pattern":"ID-(\\d+)","onNoMatch":"error"}}])j")
        << u"none"_qs << u"'none' does not match 'ID-(\\d+)'"_qs;
    QTest::newRow("phone too short") << QByteArray(R"([{"op":"phoneE164"}])") << u"12345"_qs
                                     << u"'12345' is not a valid phone number for region US"_qs;
    QTest::newRow("phone unassigned range")
        << QByteArray(R"([{"op":"phoneE164"}])") << u"+1 555 010 0000"_qs
        << u"'+1 555 010 0000' is not a valid phone number for region US"_qs;
    QTest::newRow("phone letters")
        << QByteArray(R"([{"op":"phoneE164","options":{"region":"DE"}}])") << u"call me"_qs
        << u"'call me' is not a valid phone number for region DE"_qs;
    QTest::newRow("date Feb 31") << QByteArray(
        R"([{"op":"date","options":{"formats":["dd/MM/yyyy"]}}])")
                                 << u"31/02/2024"_qs << u"'31/02/2024' is not a real date"_qs;
    QTest::newRow("date Feb 29 of a common year")
        << QByteArray(R"([{"op":"date","options":{"formats":["yyyy-MM-dd"]}}])") << u"2023-02-29"_qs
        << u"'2023-02-29' is not a real date"_qs;
    QTest::newRow("date no format fits")
        << QByteArray(R"([{"op":"date","options":{"formats":["dd/MM/yyyy","yyyyMMdd"]}}])")
        << u"next week"_qs
        << u"'next week' is not a date in any of the formats dd/MM/yyyy, yyyyMMdd"_qs;
    QTest::newRow("date unknown month name")
        << QByteArray(R"([{"op":"date","options":{"formats":["d MMM yyyy"]}}])") << u"5 Foo 2024"_qs
        << u"'5 Foo 2024' is not a date in any of the formats d MMM yyyy"_qs;
    QTest::newRow("number wrong grouping") << QByteArray(R"([{"op":"number"}])") << u"12,34,5"_qs
                                           << u"'12,34,5' is not a number in locale en_US"_qs;
    QTest::newRow("number de_DE decimal point is a group")
        << QByteArray(R"([{"op":"number","options":{"locale":"de_DE"}}])") << u"1.5"_qs
        << u"'1.5' is not a number in locale de_DE"_qs;
    QTest::newRow("number text") << QByteArray(R"([{"op":"number"}])") << u"twelve"_qs
                                 << u"'twelve' is not a number in locale en_US"_qs;
    QTest::newRow("money text") << QByteArray(R"([{"op":"money"}])") << u"USD lots"_qs
                                << u"'USD lots' is not an amount in locale en_US"_qs;
    QTest::newRow("boolean other word") << QByteArray(R"([{"op":"boolean"}])") << u"maybe"_qs
                                        << u"'maybe' is not a yes/no word (yes, true, 1, x, no, "
                                           "false, 0, n, ...)"_qs;
}

void TestMappingTransforms::failingValue()
{
    QFETCH(QByteArray, chain);
    QFETCH(QString, cell);
    QFETCH(QString, error);
    const TransformResult result = runOne(chain, cell);
    QCOMPARE(result.error, error);
    QCOMPARE(result.failedStep, 0);
    QVERIFY(result.values.isEmpty());
}

void TestMappingTransforms::optionProblems_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("problem");

    QTest::newRow("unknown op") << QByteArray(R"({"op":"dateFormat"})") << u"unknown transform"_qs;
    QTest::newRow("no op") << QByteArray(R"({"options":{}})") << u"a transform needs an op"_qs;
    QTest::newRow("option on trim") << QByteArray(R"({"op":"trim","options":{"x":1}})")
                                    << u"unknown option 'x' (this transform takes none)"_qs;
    QTest::newRow("unknown option") << QByteArray(R"({"op":"join","options":{"sep":"-"}})")
                                    << u"unknown option 'sep' (options: separator)"_qs;
    QTest::newRow("wrong type") << QByteArray(R"({"op":"join","options":{"separator":1}})")
                                << u"option 'separator' must be a string"_qs;
    QTest::newRow("required") << QByteArray(R"({"op":"constant"})")
                              << u"option 'value' is required"_qs;
    QTest::newRow("choice") << QByteArray(R"({"op":"splitName","options":{"part":"middle"}})")
                            << u"option 'part' must be one of first, last, not 'middle'"_qs;
    QTest::newRow("valueMap not strings")
        << QByteArray(R"({"op":"valueMap","options":{"map":{"a":1}}})")
        << u"option 'map' must be an object of strings"_qs;
    QTest::newRow("valueMap unmapped")
        << QByteArray(R"({"op":"valueMap","options":{"map":{},"unmapped":"drop"}})")
        << u"option 'unmapped' must be one of error, keep, empty, not 'drop'"_qs;
    QTest::newRow("caseSensitive not bool")
        << QByteArray(R"({"op":"valueMap","options":{"map":{},"caseSensitive":"yes"}})")
        << u"option 'caseSensitive' must be true or false"_qs;
    QTest::newRow("separators empty")
        << QByteArray(R"({"op":"splitList","options":{"separators":[]}})")
        << u"option 'separators' needs at least one non-empty separator"_qs;
    QTest::newRow("separators not strings")
        << QByteArray(R"({"op":"splitList","options":{"separators":[1]}})")
        << u"option 'separators' must be a list of strings"_qs;
    QTest::newRow("bad regex") << QByteArray(R"({"op":"regexReplace","options":{"pattern":"(ab"}})")
                               << u"option 'pattern': missing closing parenthesis at position 4"_qs;
    QTest::newRow("group out of range")
        << QByteArray(R"j({"op":"regexExtract","options":{"pattern":"(a)","group":2}})j")
        << u"option 'group': 2 is not a group of the pattern (it has 1)"_qs;
    QTest::newRow("group not integer")
        << QByteArray(R"j({"op":"regexExtract","options":{"pattern":"(a)","group":1.5}})j")
        << u"option 'group' must be a whole number"_qs;
    QTest::newRow("template unknown name")
        << QByteArray(R"({"op":"template","options":{"template":"{first} {middle}"}})")
        << u"option 'template': {middle} is not a source of the rule (sources: first, last, or "
           "{1}..{2})"_qs;
    QTest::newRow("template index out of range")
        << QByteArray(R"({"op":"template","options":{"template":"{3}"}})")
        << u"option 'template': {3} is not a source of the rule (sources: first, last, or "
           "{1}..{2})"_qs;
    QTest::newRow("template unclosed")
        << QByteArray(R"({"op":"template","options":{"template":"{first"}})")
        << u"option 'template': '{' is not closed"_qs;
    QTest::newRow("phone region")
        << QByteArray(R"({"op":"phoneE164","options":{"region":"XX"}})")
        << u"option 'region': 'XX' is not a region code (use a two-letter code such as US, GB or "
           "DE)"_qs;
    QTest::newRow("date format without year")
        << QByteArray(R"({"op":"date","options":{"formats":["dd/MM"]}})")
        << u"option 'formats': 'dd/MM' needs a day (d or dd), a month (M, MM, MMM or MMMM) and a "
           "year (yy or yyyy)"_qs;
    QTest::newRow("date odd year")
        << QByteArray(R"({"op":"date","options":{"formats":["dd/MM/yyy"]}})")
        << u"option 'formats': 'dd/MM/yyy': a year is yy or yyyy"_qs;
    QTest::newRow("date no formats") << QByteArray(R"({"op":"date","options":{"formats":[]}})")
                                     << u"option 'formats' needs at least one format"_qs;
    QTest::newRow("number locale")
        << QByteArray(R"({"op":"number","options":{"locale":"xx_YY"}})")
        << u"option 'locale': 'xx_YY' is not a locale (use a name such as en_US, de_DE or fr_FR)"_qs;
    QTest::newRow("money locale") << QByteArray(R"({"op":"money","options":{"locale":""}})")
                                  << u"option 'locale': '' is not a locale (use a name such as "
                                     "en_US, de_DE or fr_FR)"_qs;
    QTest::newRow("boolean word both ways")
        << QByteArray(R"({"op":"boolean","options":{"falseWords":["yes"]}})")
        << u"'yes' cannot be both a yes word and a no word"_qs;
}

void TestMappingTransforms::optionProblems()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, problem);
    const QStringList sources {QStringLiteral("first"), QStringLiteral("last")};
    QCOMPARE(check(step, sources), problem);
    // Running a chain with that step gives the same problem, on its step.
    const TransformResult result = run('[' + QByteArray(R"({"op":"trim"},)") + step + ']', sources,
        {{QStringLiteral("Ana")}, {QStringLiteral("Silva")}});
    QCOMPARE(result.error, problem);
    QCOMPARE(result.failedStep, 1);
}

void TestMappingTransforms::splitName_data()
{
    QTest::addColumn<QString>("full");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");

    QTest::newRow("first last") << u"Ana Silva"_qs << u"Ana"_qs << u"Silva"_qs;
    QTest::newRow("last, first") << u"Silva, Ana"_qs << u"Ana"_qs << u"Silva"_qs;
    QTest::newRow("middle names") << u"John Ronald Reuel Tolkien"_qs << u"John Ronald Reuel"_qs
                                  << u"Tolkien"_qs;
    QTest::newRow("van") << u"Ludwig van Beethoven"_qs << u"Ludwig"_qs << u"van Beethoven"_qs;
    QTest::newRow("van der") << u"Vincent van der Berg"_qs << u"Vincent"_qs << u"van der Berg"_qs;
    QTest::newRow("de la") << u"Maria de la Cruz"_qs << u"Maria"_qs << u"de la Cruz"_qs;
    QTest::newRow("von") << u"Otto von Bismarck"_qs << u"Otto"_qs << u"von Bismarck"_qs;
    QTest::newRow("bin") << u"Mohammed bin Rashid"_qs << u"Mohammed"_qs << u"bin Rashid"_qs;
    QTest::newRow("apostrophe") << u"Conan O'Brien"_qs << u"Conan"_qs << u"O'Brien"_qs;
    QTest::newRow("suffix") << u"Martin Luther King Jr."_qs << u"Martin Luther"_qs
                            << u"King Jr."_qs;
    QTest::newRow("comma suffix") << u"Sammy Davis, Jr."_qs << u"Sammy"_qs << u"Davis Jr."_qs;
    QTest::newRow("last, first, suffix")
        << u"King, Martin Luther, Jr."_qs << u"Martin Luther"_qs << u"King Jr."_qs;
    QTest::newRow("particle, first")
        << u"van der Berg, Vincent"_qs << u"Vincent"_qs << u"van der Berg"_qs;
    QTest::newRow("honorific") << u"Dr. Priya Raman"_qs << u"Priya"_qs << u"Raman"_qs;
    QTest::newRow("extra spaces") << u"  Lukas   Becker "_qs << u"Lukas"_qs << u"Becker"_qs;
    QTest::newRow("one word") << u"Cher"_qs << u"Cher"_qs << u""_qs;
}

void TestMappingTransforms::splitName()
{
    QFETCH(QString, full);
    QFETCH(QString, first);
    QFETCH(QString, last);
    const TransformResult firstResult
        = runOne(R"([{"op":"splitName","options":{"part":"first"}}])", full);
    const TransformResult lastResult
        = runOne(R"([{"op":"splitName","options":{"part":"last"}}])", full);
    QCOMPARE(firstResult.values.value(0), first);
    QCOMPARE(lastResult.values.value(0), last);
    QCOMPARE(lastResult.values.isEmpty(), last.isEmpty()); // no last name: no value at all
}

void TestMappingTransforms::joinSkipsEmptySourcesInOrder()
{
    const QStringList sources {u"Street"_qs, u"Line 2"_qs, u"Unit"_qs};
    TransformResult result = run(R"([{"op":"join","options":{"separator":", "}}])", sources,
        {{u"1 Main St"_qs}, {u""_qs}, {u"Apt 4"_qs}});
    QCOMPARE(result.values, QStringList {u"1 Main St, Apt 4"_qs});
    // The default separator is a space; every value of a list source is joined.
    result = run(R"([{"op":"trim"},{"op":"join"}])", {u"first"_qs, u"emails"_qs},
        {{u" Ana "_qs}, {u"a@x.test"_qs, u"b@x.test"_qs}});
    QCOMPARE(result.values, QStringList {u"Ana a@x.test b@x.test"_qs});
    result = run(R"([{"op":"join"}])", sources, {{u""_qs}, {}, {u""_qs}});
    QVERIFY(result.values.isEmpty());
}

void TestMappingTransforms::templateNamesSourcesByPathOrPosition()
{
    const QStringList sources {u"first"_qs, u"profile.last"_qs};
    const QList<QStringList> values {{u"Ana"_qs}, {u"Silva"_qs}};
    QCOMPARE(run(R"([{"op":"template","options":{"template":"{first} {profile.last}"}}])", sources,
                 values)
                 .values,
        QStringList {u"Ana Silva"_qs});
    QCOMPARE(
        run(R"([{"op":"template","options":{"template":"{2}, {1}"}}])", sources, values).values,
        QStringList {u"Silva, Ana"_qs});
    QCOMPARE(
        run(R"([{"op":"template","options":{"template":"{{id}} {1}"}}])", sources, values).values,
        QStringList {u"{id} Ana"_qs});
    // An empty source leaves no stray space at the ends.
    QCOMPARE(run(R"([{"op":"template","options":{"template":"{1} {2}"}}])", sources,
                 {{u"Ana"_qs}, {u""_qs}})
                 .values,
        QStringList {u"Ana"_qs});
}

void TestMappingTransforms::splitListGivesTrimmedItems()
{
    QCOMPARE(runOne(R"([{"op":"splitList"}])", u"vip; lead , ,hot"_qs).values,
        (QStringList {u"vip"_qs, u"lead"_qs, u"hot"_qs}));
    QCOMPARE(runOne(R"([{"op":"splitList","options":{"separators":["|"]}}])", u"a, b|c"_qs).values,
        (QStringList {u"a, b"_qs, u"c"_qs}));
    QVERIFY(runOne(R"([{"op":"splitList"}])", u" ; , "_qs).values.isEmpty());
}

void TestMappingTransforms::phoneUsesTheProfilesRegionUnlessTheStepNamesOne()
{
    const QString londonLocal = QStringLiteral("020 7946 0958");
    QCOMPARE(runOne(R"([{"op":"phoneE164"}])", londonLocal, u"GB"_qs).values,
        QStringList {u"+442079460958"_qs});
    QVERIFY(!runOne(R"([{"op":"phoneE164"}])", londonLocal, u"US"_qs).error.isEmpty());
    QCOMPARE(
        runOne(R"([{"op":"phoneE164","options":{"region":"GB"}}])", londonLocal, u"US"_qs).values,
        QStringList {u"+442079460958"_qs});
}

void TestMappingTransforms::emptyCellsStayEmptyThroughValueTransforms()
{
    for (const QByteArray& chain : {QByteArray(R"([{"op":"phoneE164"}])"),
             QByteArray(R"([{"op":"date"}])"), QByteArray(R"([{"op":"number"}])"),
             QByteArray(R"([{"op":"money"}])"), QByteArray(R"([{"op":"boolean"}])"),
             QByteArray(R"([{"op":"valueMap","options":{"map":{"a":"b"}}}])"),
             QByteArray(R"([{"op":"regexExtract","options":{"pattern":"x","onNoMatch":"error"}}])"),
             QByteArray(R"([{"op":"splitName","options":{"part":"first"}}])")}) {
        const TransformResult result = runOne(chain, QStringLiteral("  "));
        QVERIFY2(result.error.isEmpty(), chain.constData());
        QVERIFY2(
            result.values.isEmpty() || result.values == QStringList {u"  "_qs}, chain.constData());
    }
    // Without transforms: the first source's values, empty ones left out.
    QCOMPARE(run("[]", {u"A"_qs, u"B"_qs}, {{u""_qs, u"x"_qs}, {u"y"_qs}}).values,
        QStringList {u"x"_qs});
}

void TestMappingTransforms::chainRunsInOrderAndNamesTheFailedStep()
{
    TransformResult result
        = runOne(R"([{"op":"trim"},{"op":"lowerCase"}])", QStringLiteral("  ANA@X.COM "));
    QCOMPARE(result.values, QStringList {u"ana@x.com"_qs});

    result = runOne(
        R"([{"op":"trim"},{"op":"valueMap","options":{"map":{"gold":"31/02/2024"},"unmapped":"keep"}},{"op":"date","options":{"formats":["dd/MM/yyyy"]}}])",
        QStringLiteral(" gold "));
    QCOMPARE(result.failedStep, 2);
    QCOMPARE(result.error, QStringLiteral("'31/02/2024' is not a real date"));

    // Tags from a list cell, case made uniform after splitting.
    result = runOne(R"([{"op":"splitList"},{"op":"lowerCase"}])", QStringLiteral("VIP; Lead"));
    QCOMPARE(result.values, (QStringList {u"vip"_qs, u"lead"_qs}));
}

void TestMappingTransforms::compiledChainGivesTheSameAsApplyTransforms()
{
    const QList<Transform> chain = chainOf(
        R"([{"op":"regexReplace","options":{"pattern":"\\s+","replacement":""}},{"op":"phoneE164"}])");
    const TransformChain compiled(chain, {QStringLiteral("Phone")});
    QCOMPARE(compiled.problem(), QString());
    QCOMPARE(compiled.problemStep(), -1);
    for (const QString& cell : {u"415 555 0100"_qs, u"+44 20 7946 0958"_qs, u"12"_qs}) {
        const TransformInput input {{u"Phone"_qs}, {{cell}}, u"US"_qs};
        const TransformResult once = applyTransforms(chain, input);
        const TransformResult many = compiled.apply(input);
        QCOMPARE(many.values, once.values);
        QCOMPARE(many.error, once.error);
    }
    const TransformChain broken(chainOf(R"([{"op":"trim"},{"op":"nope"}])"), {u"A"_qs});
    QCOMPARE(broken.problemStep(), 1);
    QCOMPARE(broken.problem(), QStringLiteral("unknown transform"));
}

QTEST_GUILESS_MAIN(TestMappingTransforms)
#include "tst_mappingtransforms.moc"
