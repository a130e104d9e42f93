#include "ui/inspector/exchangedetail.h"

#include "ui/inspector/jsonbodyview.h"
#include "ui/inspector/trafficmodel.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

namespace {

void fillHeaders(QTreeWidget* tree, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    tree->clear();
    for (const auto& [name, value] : headers)
        tree->addTopLevelItem(
            new QTreeWidgetItem({QString::fromLatin1(name), QString::fromLatin1(value)}));
}

QString pathAndQuery(const QUrl& url)
{
    const QByteArray encoded = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    return encoded.isEmpty() ? QStringLiteral("/") : QString::fromLatin1(encoded);
}

} // namespace

ExchangeDetail::ExchangeDetail(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("exchangeDetail"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("detailSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("detailError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setFrameShape(QFrame::StyledPanel);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; "
                                          "padding: 4px; }"));
    m_error->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->addTab(
        bodyTab(&m_requestHeaders, &m_requestBody, QStringLiteral("request")), tr("Request"));
    m_tabs->addTab(
        bodyTab(&m_responseHeaders, &m_responseBody, QStringLiteral("response")), tr("Response"));
    m_raw = new QPlainTextEdit(this);
    m_raw->setObjectName(QStringLiteral("detailRaw"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_timing = new QLabel(this);
    m_timing->setObjectName(QStringLiteral("detailTiming"));
    m_timing->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_timing->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->addTab(m_timing, tr("Timing"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);
    setEntry(nullptr);
}

QWidget* ExchangeDetail::bodyTab(QTreeWidget** headers, JsonBodyView** body, const QString& name)
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    *headers = new QTreeWidget(splitter);
    (*headers)->setObjectName(name + QStringLiteral("Headers"));
    (*headers)->setHeaderLabels({tr("Header"), tr("Value")});
    (*headers)->setRootIsDecorated(false);
    (*headers)->header()->setStretchLastSection(true);
    *body = new JsonBodyView(name + QStringLiteral("Body"), splitter);
    splitter->addWidget(*headers);
    splitter->addWidget(*body);
    splitter->setStretchFactor(1, 3);
    // The body is what a user reads; the headers get a few lines.
    splitter->setSizes({fontMetrics().lineSpacing() * 7, fontMetrics().lineSpacing() * 30});
    return splitter;
}

void ExchangeDetail::setEntry(const Inspector::TrafficEntry* entry)
{
    m_serial = entry ? entry->serial : 0;
    m_error->hide();
    if (!entry) {
        m_summary->setText(tr("Select an exchange to see it in full."));
        m_requestHeaders->clear();
        m_responseHeaders->clear();
        m_requestBody->setBody({});
        m_responseBody->setBody({});
        m_raw->clear();
        m_timing->clear();
        m_tabs->setEnabled(false);
        return;
    }
    m_tabs->setEnabled(true);
    const Api::ApiExchange& x = entry->exchange;
    const QString status = x.status > 0 ? QString::number(x.status) : tr("no answer");
    m_summary->setText(tr("%1 %2 → %3 in %4 ms · %5 · %6")
                           .arg(QString::fromLatin1(x.method), x.url.toDisplayString(), status)
                           .arg(x.durationMs)
                           .arg(x.operationId, entry->connection));

    const bool failed = x.status == 0 || x.status >= 400;
    if (failed) {
        QString what = x.status == 0
            ? tr("The request got no answer: %1").arg(x.transportError)
            : tr("The server answered %1: %2")
                  .arg(x.status)
                  .arg(errorMessage(x.responseBody).isEmpty() ? tr("(no message)")
                                                              : errorMessage(x.responseBody));
        what += u'\n';
        what += entry->outcome.isEmpty()
            ? tr("What ContactDesk did: not known yet (the next step of this request has not "
                 "been seen).")
            : tr("What ContactDesk did: %1").arg(entry->outcome);
        m_error->setText(what);
        m_error->show();
    }

    fillHeaders(m_requestHeaders, x.requestHeaders);
    fillHeaders(m_responseHeaders, x.responseHeaders);
    m_requestBody->setBody(x.requestBody, entry->bodiesTruncated);
    m_responseBody->setBody(x.responseBody, entry->bodiesTruncated);
    m_raw->setPlainText(rawExchange(*entry));
    const QLocale locale;
    m_timing->setText(
        tr("Started: %1\nDuration: %2 ms\nAttempt: %3\nCaused by: %4\nRate limit left: %5\n"
           "Sent: %6 · Received: %7\nEnvironment: %8")
            .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(x.startedAtMs),
                QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))
            .arg(x.durationMs)
            .arg(x.attempt)
            .arg(Api::requestCauseName(x.cause),
                entry->rateRemaining >= 0 ? QString::number(entry->rateRemaining) : tr("unknown"),
                TrafficModel::sizeText(x.requestBody.size()),
                TrafficModel::sizeText(x.responseBody.size()), entry->environment));
    // An error is read in its answer.
    if (failed)
        m_tabs->setCurrentIndex(1);
}

QString ExchangeDetail::summaryText() const
{
    return m_summary->text();
}

QString ExchangeDetail::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString ExchangeDetail::rawText() const
{
    return m_raw->toPlainText();
}

QString ExchangeDetail::rawExchange(const Inspector::TrafficEntry& entry)
{
    const Api::ApiExchange& x = entry.exchange;
    QString raw = QString::fromLatin1(x.method) + u' ' + pathAndQuery(x.url)
        + QStringLiteral(" HTTP/1.1\n");
    raw += QStringLiteral("Host: ") + x.url.authority() + u'\n';
    for (const auto& [name, value] : x.requestHeaders)
        raw += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value)
            + u'\n';
    raw += u'\n' + QString::fromUtf8(x.requestBody);
    if (!x.requestBody.isEmpty())
        raw += u'\n';
    raw += u'\n';
    if (x.status == 0) {
        raw += tr("(no answer: %1)").arg(x.transportError) + u'\n';
        return raw;
    }
    raw += QStringLiteral("HTTP/1.1 %1\n").arg(x.status);
    for (const auto& [name, value] : x.responseHeaders)
        raw += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value)
            + u'\n';
    raw += u'\n' + QString::fromUtf8(x.responseBody) + u'\n';
    return raw;
}

QString ExchangeDetail::errorMessage(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (const char* key : {"message", "error"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
        if (value.isArray()) {
            QStringList parts;
            for (const QJsonValue& part : value.toArray())
                parts.append(part.toString());
            parts.removeAll(QString());
            if (!parts.isEmpty())
                return parts.join(QStringLiteral("; "));
        }
    }
    return {};
}

} // namespace ContactDesk::Ui
