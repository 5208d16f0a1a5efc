#include "secrets/SecretStore.h"

#include "util/Redactor.h"

#include <QMetaObject>
#include <QPointer>
#include <QRegularExpression>

namespace tb::core {

QString SecretResult::statusName(Status status)
{
    switch (status) {
    case Status::Ok: return QStringLiteral("ok");
    case Status::NotFound: return QStringLiteral("not_found");
    case Status::Unavailable: return QStringLiteral("unavailable");
    case Status::AccessDenied: return QStringLiteral("access_denied");
    case Status::WrongPassphrase: return QStringLiteral("wrong_passphrase");
    case Status::Corrupted: return QStringLiteral("corrupted");
    case Status::Failed: return QStringLiteral("failed");
    }
    return {};
}

QString SecretStore::backendName(Backend backend)
{
    return backend == Backend::Keychain ? QStringLiteral("keychain") : QStringLiteral("vault");
}

bool SecretStore::isValidName(const QString& name, QString* error)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (name.size() <= 128 && re.match(name).hasMatch())
        return true;
    if (error)
        *error = QStringLiteral("\"%1\" is not a secret name: use CONNECTION/FIELD (e.g. edc-prod/token), letters, "
                                "digits, '.', '_' and '-', at most 128 characters")
                     .arg(name.left(140));
    return false;
}

SecretStore::SecretStore(const QString& scope, QObject* parent) : QObject(parent), m_scope(scope) {}

SecretStore::~SecretStore() = default;

void SecretStore::enqueue(std::function<void(std::function<void()>)> op)
{
    m_queue.push_back(std::move(op));
    if (!m_running)
        runNext();
}

void SecretStore::runNext()
{
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    auto op = std::move(m_queue.front());
    m_queue.pop_front();
    QPointer<SecretStore> self(this);
    op([self] {
        if (self)
            QMetaObject::invokeMethod(self, [self] { self->runNext(); }, Qt::QueuedConnection);
    });
}

void SecretStore::finishLater(const Callback& done, const SecretResult& result)
{
    if (result.ok() && !result.value.isEmpty())
        Redactor::global().addSecret(result.value); // from here on no log line can show it
    if (!done)
        return;
    QMetaObject::invokeMethod(this, [done, result] { done(result); }, Qt::QueuedConnection);
}

} // namespace tb::core
