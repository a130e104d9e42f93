#include "ui/automation/sampleevents.h"

#include <QJsonArray>

namespace ContactDesk::Ui {

namespace {

const QString sampleUser = QStringLiteral("user_1001");

} // namespace

QJsonObject sampleEventData(const QString& type)
{
    if (type == u"user.signed_up") {
        return {{QStringLiteral("id"), sampleUser},
            {QStringLiteral("email"), QStringLiteral("ada.lovelace@yourapp.example")},
            {QStringLiteral("firstName"), QStringLiteral("Ada")},
            {QStringLiteral("lastName"), QStringLiteral("Lovelace")},
            {QStringLiteral("phone"), QStringLiteral("+14155550123")}};
    }
    if (type == u"user.updated") {
        return {{QStringLiteral("id"), sampleUser},
            {QStringLiteral("email"), QStringLiteral("ada.lovelace@yourapp.example")},
            {QStringLiteral("firstName"), QStringLiteral("Ada")},
            {QStringLiteral("lastName"), QStringLiteral("King")},
            {QStringLiteral("phone"), QStringLiteral("+14155550123")},
            {QStringLiteral("previous"),
                QJsonObject {{QStringLiteral("lastName"), QStringLiteral("Lovelace")}}}};
    }
    if (type == u"task.created") {
        return {{QStringLiteral("userId"), sampleUser},
            {QStringLiteral("taskId"), QStringLiteral("task_2001")},
            {QStringLiteral("title"), QStringLiteral("Call about the analytical engine")},
            {QStringLiteral("body"), QStringLiteral("She asked for a demo of the new plan.")},
            {QStringLiteral("dueAt"), QStringLiteral("2026-12-31T09:00:00.000Z")}};
    }
    if (type == u"task.completed") {
        return {{QStringLiteral("userId"), sampleUser},
            {QStringLiteral("taskId"), QStringLiteral("task_2001")}};
    }
    if (type == u"note.created") {
        return {{QStringLiteral("userId"), sampleUser},
            {QStringLiteral("noteId"), QStringLiteral("note_3001")},
            {QStringLiteral("body"), QStringLiteral("Prefers e-mail to phone calls.")}};
    }
    return {{QStringLiteral("id"), sampleUser}};
}

} // namespace ContactDesk::Ui
