#include "common/phonenumbers.h"

#include <phonenumbers/phonenumberutil.h>

#include <set>

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

QString toValidE164(const QString& raw, const QString& defaultRegion)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const std::string region
        = defaultRegion.isEmpty() ? "US" : defaultRegion.toUpper().toStdString();
    if (util->Parse(raw.toStdString(), region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    if (!util->IsValidNumber(number))
        return {};
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

bool isPhoneRegion(const QString& region)
{
    using i18n::phonenumbers::PhoneNumberUtil;
    if (region.size() != 2)
        return false;
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region.toUpper().toStdString()) > 0;
}

QString formatPhone(const QString& stored, const QString& region)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const QString text = stored.trimmed();
    if (text.isEmpty())
        return {};
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    const std::string home = region.isEmpty() ? "US" : region.toUpper().toStdString();
    PhoneNumber number;
    if (util->Parse(text.toStdString(), home, &number) != PhoneNumberUtil::NO_PARSING_ERROR
        || !util->IsPossibleNumber(number))
        return stored;
    // Same calling code as the region: national (a number the metadata cannot place, such as
    // a 555 one, still reads as a local number).
    const bool local = number.country_code() == util->GetCountryCodeForRegion(home);
    std::string formatted;
    util->Format(
        number, local ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &formatted);
    return QString::fromStdString(formatted);
}

} // namespace ContactDesk
