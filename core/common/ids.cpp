#include "common/ids.h"

namespace ContactDesk {

namespace {
constexpr char alphanumeric[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr char hexDigits[] = "0123456789abcdef";

QString randomFrom(QRandomGenerator& random, const char* alphabet, int alphabetSize, int length)
{
    QString id(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        id[i] = QLatin1Char(alphabet[random.bounded(alphabetSize)]);
    return id;
}
} // namespace

QString firestoreId(QRandomGenerator& random)
{
    return randomFrom(random, alphanumeric, 62, 20);
}

QString objectId(QRandomGenerator& random)
{
    return randomFrom(random, hexDigits, 16, 24);
}

QString randomToken(QRandomGenerator& random, int length)
{
    return randomFrom(random, alphanumeric, 62, length);
}

bool isFirestoreId(QStringView id)
{
    if (id.size() != 20)
        return false;
    for (QChar c : id) {
        if (!(c.isDigit() || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')))
            return false;
    }
    return true;
}

} // namespace ContactDesk
