// libFuzzer target: mapping profile documents. Any bytes that parse as JSON go through the
// profile reader (every check, the version 0 migration); it must never crash, must give a
// reason whenever it refuses, and a profile it accepts must write out and read back as the
// same profile. Built by the asan preset (CONTACTDESK_FUZZ); run e.g.
// `build/asan/tests/fuzz/fuzz_mappingprofile -max_total_time=60 tests/fuzz/corpus/mappingprofile`.
#include "mapping/profile.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace ContactDesk;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return 0;
    QStringList problems;
    const std::optional<Mapping::Profile> profile
        = Mapping::Profile::fromJson(document.object(), &problems);
    if (!profile) {
        check(!problems.isEmpty());
        return 0;
    }
    check(problems.isEmpty());
    QStringList again;
    const std::optional<Mapping::Profile> reread
        = Mapping::Profile::fromJson(profile->toJson(), &again);
    check(reread.has_value());
    check(*reread == *profile);
    return 0;
}
