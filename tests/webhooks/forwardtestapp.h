#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QList>
#include <QString>

// Your App, as the forwarding tests see it: a local HTTP server that records each delivery and
// answers with the next scripted status (200 once the script is used up).
class ForwardTestApp
{
public:
    struct Delivery
    {
        QByteArray id;
        QByteArray timestamp;
        QByteArray signature;
        QByteArray body;
    };
    struct Answer
    {
        int status = 200;
        QByteArray retryAfter;
    };

    ForwardTestApp();
    bool listen();
    QString url() const;
    void script(const QList<Answer>& answers) { m_script = answers; }
    const QList<Delivery>& deliveries() const { return m_deliveries; }

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QList<Answer> m_script;
    QList<Delivery> m_deliveries;
};
