#pragma once

#include <QJsonObject>
#include <QString>

namespace ContactDesk::Sandbox {

// The bodies HighLevel's webhooks carry (../shared/spec/webhooks/<Type>.json), built from the
// sandbox's wire records. The delivery adds `timestamp`, `webhookId`, `appId` and `versionId`.

// ContactCreate, ContactUpdate, ContactDelete, ContactTagUpdate; ContactDndUpdate adds
// dndSettings.
QJsonObject contactPayload(const QString& type, const QJsonObject& contact);
// TaskCreate, TaskComplete, TaskDelete (no `completed` field: the type says it).
QJsonObject taskPayload(const QString& type, const QJsonObject& task, const QString& locationId);
// NoteCreate, NoteUpdate, NoteDelete.
QJsonObject notePayload(const QString& type, const QJsonObject& note, const QString& locationId);
// AppointmentCreate, AppointmentUpdate, AppointmentDelete: the record under `appointment`.
QJsonObject appointmentPayload(
    const QString& type, const QJsonObject& appointment, const QString& locationId);

} // namespace ContactDesk::Sandbox
