#pragma once

#include <QRandomGenerator>
#include <QString>

namespace ContactDesk {

// HighLevel ids: 20-character Firestore-style ids for contacts, tasks, notes, locations and
// users; 24-hex Mongo ObjectIds for businesses and apps.
QString firestoreId(QRandomGenerator& random);
QString objectId(QRandomGenerator& random);
QString randomToken(QRandomGenerator& random, int length);
bool isFirestoreId(QStringView id);

} // namespace ContactDesk
