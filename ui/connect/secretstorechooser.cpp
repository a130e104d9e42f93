#include "ui/connect/secretstorechooser.h"

#include "auth/keychainsecretstore.h"
#include "auth/memorysecretstore.h"
#include "ui/connect/logging.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ContactDesk::Ui {

KeychainUnavailableDialog::KeychainUnavailableDialog(const QString& reason, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("keychainUnavailable"));
    setWindowTitle(tr("No keychain available"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("keychainMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setText(
        tr("ContactDesk keeps your tokens and secrets only in the system keychain, and no "
           "keychain can be used on this computer right now.\n\n%1\n\n"
           "You can use a session kept in memory only: your sign-in works until you quit "
           "ContactDesk, nothing secret is written to disk, and you sign in again next time. "
           "Or cancel, start or unlock your keychain, and try again.")
            .arg(reason));

    auto* buttons = new QDialogButtonBox(this);
    auto* memory
        = buttons->addButton(tr("Use a session kept in memory only"), QDialogButtonBox::AcceptRole);
    memory->setObjectName(QStringLiteral("keychainUseMemory"));
    auto* retry = buttons->addButton(tr("Try again"), QDialogButtonBox::ActionRole);
    retry->setObjectName(QStringLiteral("keychainRetry"));
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("keychainCancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(retry, &QPushButton::clicked, this, &KeychainUnavailableDialog::retryRequested);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    // Declining is the cautious answer; Enter must not pick memory-only by accident.
    cancel->setDefault(true);
    cancel->setFocus();
    setMinimumWidth(460);
}

QString KeychainUnavailableDialog::message() const
{
    return m_message->text();
}

SecretStoreChooser::SecretStoreChooser(QObject* storeOwner, QWidget* dialogParent)
    : QObject(storeOwner)
    , m_storeOwner(storeOwner)
    , m_dialogParent(dialogParent)
    , m_service(Auth::KeychainSecretStore::defaultService())
{ }

SecretStoreChooser::~SecretStoreChooser()
{
    if (m_prompt)
        m_prompt->deleteLater();
}

void SecretStoreChooser::start()
{
    if (!m_keychain)
        m_keychain = new Auth::KeychainSecretStore(m_service, m_storeOwner);
    probe();
}

void SecretStoreChooser::probe()
{
    QPointer<SecretStoreChooser> self(this);
    const Availability answer = [self](bool available, const QString& reason) {
        if (!self)
            return;
        if (available) {
            qCInfo(lcConnectUi) << "secrets go to the system keychain";
            Q_EMIT self->chosen(self->m_keychain);
            return;
        }
        qCWarning(lcConnectUi) << "no usable keychain:" << reason;
        self->ask(reason);
    };
    if (m_probe) {
        m_probe(*m_keychain, answer);
        return;
    }
    m_keychain->checkAvailable(answer);
}

void SecretStoreChooser::ask(const QString& reason)
{
    if (m_prompt)
        m_prompt->deleteLater();
    m_prompt = new KeychainUnavailableDialog(reason, m_dialogParent);
    m_prompt->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_prompt, &QDialog::accepted, this, [this] {
        qCInfo(lcConnectUi) << "the user chose a session kept in memory only";
        delete m_keychain;
        Q_EMIT chosen(new Auth::MemorySecretStore(m_storeOwner));
    });
    connect(m_prompt, &QDialog::rejected, this, [this] {
        delete m_keychain;
        Q_EMIT cancelled();
    });
    connect(m_prompt, &KeychainUnavailableDialog::retryRequested, this, [this] {
        m_prompt->hide();
        m_prompt->deleteLater();
        m_prompt.clear();
        probe();
    });
    m_prompt->open();
}

} // namespace ContactDesk::Ui
