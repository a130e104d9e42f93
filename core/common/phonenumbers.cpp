#include "common/phonenumbers.h"

#include <phonenumbers/phonenumberutil.h>

namespace ContactDesk {

QString toE164(const QString& raw, const QString& defaultRegion)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const std::string region
        = defaultRegion.isEmpty() ? "US" : defaultRegion.toUpper().toStdString();
    if (util->Parse(raw.toStdString(), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    if (!util->IsPossibleNumber(number))
        return {};
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

} // namespace ContactDesk
