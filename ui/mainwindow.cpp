#include "ui/mainwindow.h"

#include "sandbox/sandboxserver.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

MainWindow::MainWindow(Sandbox::SandboxServer& sandbox, QWidget* parent)
    : QMainWindow(parent)
    , m_sandbox(sandbox)
{
    setWindowTitle(tr("ContactDesk — Sandbox"));
    setObjectName(QStringLiteral("mainWindow"));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    auto* heading = new QLabel(tr("<h2>Built-in sandbox</h2>"
                                  "<p>ContactDesk is running on its local HighLevel sandbox "
                                  "with demo data.</p>"),
        central);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto* form = new QFormLayout;
    m_status = new QLabel(central);
    m_status->setObjectName(QStringLiteral("sandboxStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* location = new QLabel(sandbox.data().mainLocation().name + QStringLiteral(" (")
            + sandbox.data().mainLocation().id + u')',
        central);
    location->setObjectName(QStringLiteral("sandboxLocation"));
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contactCount = new QLabel(central);
    m_contactCount->setObjectName(QStringLiteral("contactCount"));
    m_requestCount = new QLabel(central);
    m_requestCount->setObjectName(QStringLiteral("requestCount"));
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Location:"), location);
    form->addRow(tr("Contacts:"), m_contactCount);
    form->addRow(tr("Requests served:"), m_requestCount);
    layout->addLayout(form);
    layout->addStretch();
    setCentralWidget(central);
    statusBar()->showMessage(tr("Sandbox"));

    connect(&sandbox, &Sandbox::SandboxServer::dataChanged, this, &MainWindow::refresh);
    connect(&sandbox.requestLog(), &Sandbox::RequestLog::logged, this, &MainWindow::refresh);
    refresh();
    resize(720, 420);
}

void MainWindow::refresh()
{
    const QUrl url = m_sandbox.baseUrl();
    m_status->setText(
        url.port() > 0 ? tr("Running at %1").arg(url.toString()) : tr("Not listening"));
    const Sandbox::SandboxData& data = m_sandbox.data();
    const qsizetype live = data.contacts().size() - m_sandbox.data().deletedContacts().size();
    m_contactCount->setText(QLocale().toString(live));
    m_requestCount->setText(QLocale().toString(m_sandbox.requestLog().lastSeq()));
}

} // namespace ContactDesk::Ui
