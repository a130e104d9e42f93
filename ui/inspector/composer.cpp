#include "ui/inspector/composer.h"

#include "api/apiclient.h"
#include "api/endpointcatalog.h"
#include "common/redaction.h"
#include "common/version.h"
#include "sync/workspace.h"
#include "ui/app/appcontroller.h"
#include "ui/inspector/catalogmatch.h"
#include "ui/inspector/jsonhighlighter.h"
#include "ui/inspector/requestheaderseditor.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>

namespace ContactDesk::Ui {

namespace {

bool askNative(QWidget* parent, const QString& question)
{
    return QMessageBox::question(parent, Composer::tr("Send to production?"), question,
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

} // namespace

Composer::Composer(AppController& app, Inspector::TrafficLog& log, QWidget* parent)
    : QWidget(parent)
    , m_app(app)
    , m_log(log)
    , m_confirm(askNative)
{
    setObjectName(QStringLiteral("composer"));
    m_operation = new QComboBox(this);
    m_operation->setObjectName(QStringLiteral("composerOperation"));
    m_operation->addItem(tr("(pick an operation of the catalog)"), QString());
    for (const Api::Endpoint& endpoint : Api::endpoints()) {
        const QString id(endpoint.operationId);
        m_operation->addItem(QStringLiteral("%1 — %2 %3")
                                 .arg(id, QString::fromLatin1(Api::methodName(endpoint.method)),
                                     QString(endpoint.path)),
            id);
    }
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("composerMethod"));
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
        QStringLiteral("DELETE")});
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("composerPath"));
    m_path->setPlaceholderText(QStringLiteral("/contacts/{contactId}"));
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("composerQuery"));
    m_query->setPlaceholderText(QStringLiteral("locationId=…&limit=20"));
    m_headers = new QPlainTextEdit(this);
    m_headers->setObjectName(QStringLiteral("composerClientHeaders"));
    m_headers->setReadOnly(true);
    m_headers->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_headers->setToolTip(tr("ContactDesk's API client sets these itself: the connection's token "
                             "(refreshed when it expires), the API version and the content type."));
    m_extraHeaders = new RequestHeadersEditor(this);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(QStringLiteral("composerBody"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setPlaceholderText(tr("JSON body (for operations that take one)"));
    new JsonHighlighter(m_body->document());
    m_send = new QPushButton(tr("&Send"), this);
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("composerMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_path, 1);
    auto* form = new QFormLayout;
    form->addRow(tr("&Operation:"), m_operation);
    form->addRow(tr("&Request:"), line);
    form->addRow(tr("&Query:"), m_query);
    form->addRow(tr("Sent by ContactDesk:"), m_headers);
    form->addRow(tr("&Headers:"), m_extraHeaders);
    form->addRow(tr("&Body:"), m_body);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addLayout(buttons);

    connect(m_operation, &QComboBox::activated, this,
        [this](int index) { chooseOperation(m_operation->itemData(index).toString()); });
    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    // A request still on its way when its workspace closes never finishes: the next
    // workspace takes requests again.
    connect(&m_app, &AppController::workspaceOpened, this, [this] {
        if (!m_send->isEnabled()) {
            m_send->setEnabled(true);
            setMessage(tr("The connection was closed before the answer came."), true);
        }
    });
    connect(m_method, &QComboBox::currentTextChanged, this, &Composer::updateHeaders);
    connect(m_path, &QLineEdit::textChanged, this, &Composer::updateHeaders);
    connect(m_body, &QPlainTextEdit::textChanged, this, &Composer::updateHeaders);
    connect(m_extraHeaders, &RequestHeadersEditor::changed, this, &Composer::updateHeaders);
    updateHeaders();
}

QString Composer::message() const
{
    return m_message->text();
}

void Composer::setMessage(const QString& text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b3261e;") : QString());
}

QHash<QString, QString> Composer::knownParameters() const
{
    QHash<QString, QString> known;
    // The newest exchanges first: the ids the app worked with last.
    for (int i = m_log.size() - 1; i >= 0 && i >= m_log.size() - 2000; --i) {
        const Api::ApiExchange& x = m_log.at(i).exchange;
        const Api::Endpoint* endpoint = Api::findEndpoint(x.operationId);
        if (!endpoint)
            continue;
        QHash<QString, QString> found;
        if (CatalogMatch::match(x.method, x.url.path(), &found) != endpoint)
            continue;
        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            if (!known.contains(it.key()))
                known.insert(it.key(), it.value());
        }
    }
    if (m_known) {
        const QHash<QString, QString> given = m_known();
        for (auto it = given.cbegin(); it != given.cend(); ++it) {
            if (!it.value().isEmpty())
                known.insert(it.key(), it.value());
        }
    }
    if (Sync::Workspace* workspace = m_app.workspace())
        known.insert(QStringLiteral("locationId"), workspace->client().locationId());
    return known;
}

void Composer::chooseOperation(const QString& operationId)
{
    const Api::Endpoint* endpoint = Api::findEndpoint(operationId);
    if (!endpoint)
        return;
    const int index = m_operation->findData(operationId);
    if (index >= 0 && m_operation->currentIndex() != index)
        m_operation->setCurrentIndex(index);
    m_method->setCurrentText(QString::fromLatin1(Api::methodName(endpoint->method)));
    const QHash<QString, QString> known = knownParameters();
    m_path->setText(CatalogMatch::fillPath(*endpoint, known));
    m_query->clear();
    const QString locationId = known.value(QStringLiteral("locationId"));
    if (operationId == QLatin1String("get-contacts")
        || operationId == QLatin1String("get-duplicate-contact")
        || operationId == QLatin1String("get-user-by-location")
        || operationId == QLatin1String("get-calendars"))
        m_query->setText(QStringLiteral("locationId=") + locationId);
    const QJsonObject body = CatalogMatch::exampleBody(*endpoint, known);
    m_body->setPlainText(endpoint->takesBody
            ? QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented))
            : QString());
    const QStringList missing = [&] {
        QStringList names;
        for (const QString& name : CatalogMatch::parameterNames(*endpoint)) {
            if (known.value(name).isEmpty())
                names.append(name);
        }
        return names;
    }();
    setMessage(missing.isEmpty()
            ? tr("Ready to send %1.").arg(operationId)
            : tr("Fill in %1 in the path.").arg(missing.join(QStringLiteral(", "))),
        false);
}

bool Composer::load(const Inspector::TrafficEntry& entry)
{
    const Api::ApiExchange& x = entry.exchange;
    if (m_app.isOpen() && entry.connection != m_app.connection().displayName) {
        setMessage(tr("This exchange went through “%1”, which is not the open connection; open "
                      "it to replay the request.")
                       .arg(entry.connection),
            true);
        return false;
    }
    if (entry.bodiesTruncated && !x.requestBody.isEmpty()) {
        setMessage(tr("Only the start of this request's body was kept, so it cannot be sent "
                      "again as it was."),
            true);
        return false;
    }
    const QUrl base = m_app.workspace() ? m_app.workspace()->client().config().baseUrl : QUrl();
    const int index = m_operation->findData(x.operationId);
    m_operation->setCurrentIndex(index >= 0 ? index : 0);
    m_method->setCurrentText(QString::fromLatin1(x.method));
    m_path->setText(CatalogMatch::apiPath(x.url, base));
    m_query->setText(x.url.query(QUrl::FullyDecoded));
    // The headers the request carried beyond the client's own, so a resend sends them again.
    RequestHeadersEditor::Headers extra;
    QStringList redacted;
    for (const auto& [name, value] : x.requestHeaders) {
        if (!Api::requestHeaderProblem(name, value).isEmpty())
            continue; // the client's own (Authorization, Version, Content-Type, ...)
        const QByteArray lower = name.toLower();
        if ((lower == "accept" && value == "application/json")
            || (lower == "user-agent" && value == ContactDesk::userAgent()))
            continue;
        if (value == QByteArrayView(redactedText))
            redacted.append(QString::fromLatin1(name));
        extra.append({name, value});
    }
    m_extraHeaders->setHeaders(extra);
    const QJsonDocument body = QJsonDocument::fromJson(x.requestBody);
    m_body->setPlainText(body.isObject() ? QString::fromUtf8(body.toJson(QJsonDocument::Indented))
                                         : QString::fromUtf8(x.requestBody));
    if (!redacted.isEmpty()) {
        setMessage(tr("Loaded exchange #%1. The log keeps no secret: fill in %2 before sending.")
                       .arg(entry.serial)
                       .arg(redacted.join(QStringLiteral(", "))),
            true);
        return true;
    }
    setMessage(tr("Loaded exchange #%1.").arg(entry.serial), false);
    return true;
}

bool Composer::replay(const Inspector::TrafficEntry& entry)
{
    if (!load(entry))
        return false;
    // A header whose value the log masked would go out as "[redacted]".
    for (const auto& [name, value] : m_extraHeaders->headers()) {
        if (value == QByteArrayView(redactedText))
            return false;
    }
    return send();
}

bool Composer::send()
{
    Sync::Workspace* workspace = m_app.workspace();
    if (!workspace) {
        setMessage(tr("No connection is open."), true);
        return false;
    }
    QString path = m_path->text().trimmed();
    QString queryText = m_query->text().trimmed();
    if (const qsizetype mark = path.indexOf(u'?'); mark >= 0) {
        queryText = path.mid(mark + 1) + (queryText.isEmpty() ? QString() : u'&' + queryText);
        path.truncate(mark);
    }
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    const QByteArray method = m_method->currentText().toLatin1();
    QHash<QString, QString> parameters;
    const Api::Endpoint* endpoint = CatalogMatch::match(method, path, &parameters);
    if (!endpoint) {
        setMessage(tr("%1 %2 is no operation of the endpoint catalog; ContactDesk sends only the "
                      "operations it knows. Pick one above.")
                       .arg(QString::fromLatin1(method), path),
            true);
        return false;
    }
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        if (it.value().isEmpty() || it.value().startsWith(u'{')) {
            setMessage(tr("Fill in %1 in the path.").arg(it.key()), true);
            return false;
        }
    }
    Api::RequestSpec spec;
    spec.cause = Api::RequestCause::Replay;
    spec.path = parameters;
    spec.query = QUrlQuery(queryText).queryItems(QUrl::FullyDecoded);
    for (const auto& [name, value] : m_extraHeaders->headers()) {
        const QString problem = Api::requestHeaderProblem(name, value);
        if (!problem.isEmpty()) {
            setMessage(tr("Header “%1”: %2.").arg(QString::fromUtf8(name), problem), true);
            return false;
        }
        spec.headers.append({name, value});
    }
    const QString bodyText = m_body->toPlainText().trimmed();
    if (!bodyText.isEmpty()) {
        if (!endpoint->takesBody) {
            setMessage(tr("%1 takes no body; empty the body to send it.")
                           .arg(QString(endpoint->operationId)),
                true);
            return false;
        }
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(bodyText.toUtf8(), &error);
        if (!document.isObject()) {
            setMessage(error.error != QJsonParseError::NoError
                    ? tr("The body is not valid JSON: %1 (at character %2).")
                          .arg(error.errorString())
                          .arg(error.offset)
                    : tr("The body must be a JSON object."),
                true);
            return false;
        }
        spec.body = document.object();
    }
    const Auth::Connection& connection = m_app.connection();
    if (connection.environment == Auth::Environment::Production && endpoint->writes()
        && !m_confirm(this,
            tr("%1 changes data of “%2”, a production account. Send it?")
                .arg(QString(endpoint->operationId), connection.displayName))) {
        setMessage(tr("Not sent."), false);
        return false;
    }

    m_lastStatus = 0;
    m_send->setEnabled(false);
    const QString operationId(endpoint->operationId);
    setMessage(tr("Sending %1…").arg(operationId), false);
    Api::ApiJob* job = workspace->client().call(operationId, spec);
    job->onFinished(this, [this, operationId](const Api::ApiJob& done) {
        m_send->setEnabled(true);
        m_lastStatus = done.httpStatus();
        if (done.succeeded())
            setMessage(tr("%1: HTTP %2.").arg(operationId).arg(done.httpStatus()), false);
        else
            setMessage(done.httpStatus() > 0
                    ? tr("%1: HTTP %2 — %3")
                          .arg(operationId)
                          .arg(done.httpStatus())
                          .arg(done.error().userText())
                    : tr("%1 failed: %2").arg(operationId, done.error().userText()),
                true);
        Q_EMIT finished(m_lastStatus);
    });
    return true;
}

void Composer::updateHeaders()
{
    QString version = QString(Api::apiVersion);
    QHash<QString, QString> ignored;
    if (const Api::Endpoint* endpoint
        = CatalogMatch::match(m_method->currentText().toLatin1(), m_path->text(), &ignored))
        version = QString(endpoint->version);
    QStringList lines {
        QStringLiteral("Authorization: Bearer $TOKEN"), QStringLiteral("Version: ") + version};
    // A header of the table named like a default replaces it.
    const RequestHeadersEditor::Headers extra = m_extraHeaders->headers();
    const auto replaced = [&extra](QByteArrayView name) {
        return std::any_of(extra.cbegin(), extra.cend(), [name](const auto& header) {
            return header.first.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    if (!replaced("Accept"))
        lines.append(QStringLiteral("Accept: application/json"));
    if (!replaced("User-Agent"))
        lines.append(QStringLiteral("User-Agent: ") + QString::fromUtf8(ContactDesk::userAgent()));
    if (!m_body->toPlainText().trimmed().isEmpty())
        lines.append(QStringLiteral("Content-Type: application/json"));
    m_headers->setPlainText(lines.join(u'\n'));
}

} // namespace ContactDesk::Ui
