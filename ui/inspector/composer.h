#pragma once

#include "inspector/trafficlog.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace ContactDesk::Api {
struct Endpoint;
}

namespace ContactDesk::Ui {

class AppController;
class RequestHeadersEditor;

// Replay and compose: a request edited by hand (method, path, query, headers, body) or picked from
// the endpoint catalog (path parameters filled from what ContactDesk knows, an example body), sent
// through the open workspace's ApiClient with the cause "replay", so the rate budget, token
// refresh and traffic log apply as to any other request. Only the catalog's operations go out;
// on a production connection a write is sent only after the user confirms it.
class Composer : public QWidget
{
    Q_OBJECT

public:
    // Asks `question` (yes/no) before a write on production; tests answer it.
    using Confirm = std::function<bool(QWidget* parent, const QString& question)>;
    // Path parameters the app knows at the moment (the selected contact's id, ...).
    using KnownParameters = std::function<QHash<QString, QString>()>;

    Composer(AppController& app, Inspector::TrafficLog& log, QWidget* parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setKnownParameters(KnownParameters known) { m_known = std::move(known); }

    // Fills the form for a catalog operation: its method, its path with the parameters known,
    // an example body.
    void chooseOperation(const QString& operationId);
    // Fills the form with `entry`'s request. False (with the message shown) when it cannot be
    // sent again as it was.
    bool load(const Inspector::TrafficEntry& entry);
    // load() then send().
    bool replay(const Inspector::TrafficEntry& entry);
    // Sends what the form holds. False when it was refused before sending (the message says
    // why); the answer arrives in finished().
    bool send();

    // The headers Compose adds to the client's own (the table under "Headers").
    RequestHeadersEditor* headersEditor() const { return m_extraHeaders; }

    QString message() const;
    // The status of the last answer, 0 while none came (or none could).
    int lastStatus() const { return m_lastStatus; }

Q_SIGNALS:
    void finished(int status);

private:
    void setMessage(const QString& text, bool problem);
    void updateHeaders();
    QHash<QString, QString> knownParameters() const;

    AppController& m_app;
    Inspector::TrafficLog& m_log;
    Confirm m_confirm;
    KnownParameters m_known;
    QComboBox* m_operation = nullptr;
    QComboBox* m_method = nullptr;
    QLineEdit* m_path = nullptr;
    QLineEdit* m_query = nullptr;
    QPlainTextEdit* m_headers = nullptr; // what the client sets itself, read-only
    RequestHeadersEditor* m_extraHeaders = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QPushButton* m_send = nullptr;
    QLabel* m_message = nullptr;
    int m_lastStatus = 0;
};

} // namespace ContactDesk::Ui
