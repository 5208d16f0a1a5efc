#include "secrets/KeychainProbe.h"

#include "secrets/KeychainJob.h"
#include "secrets/KeychainSecretStore.h"
#include "util/Crypto.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QMetaObject>
#include <QTimer>

namespace tb::core {

KeychainProbe::KeychainProbe(QObject* parent) : QObject(parent) {}

void KeychainProbe::finish(bool available, const QString& reason)
{
    if (m_finished)
        return;
    m_finished = true;
    Result r{available, reason, QDateTime::currentMSecsSinceEpoch() - m_started};
    qCDebug(lcSecrets) << "keychain probe:" << (available ? "available" : "unavailable") << reason;
    if (m_done) // queued: never inside start(), even if a job fails synchronously
        QMetaObject::invokeMethod(this, [done = m_done, r] { done(r); }, Qt::QueuedConnection);
}

void KeychainProbe::start(int timeoutMs, std::function<void(const Result&)> done)
{
    m_done = std::move(done);
    m_finished = false;
    m_started = QDateTime::currentMSecsSinceEpoch();
    const QString service = QLatin1String(KeychainSecretStore::Service);
    const QString key = QStringLiteral(".probe/") + QString::fromLatin1(crypto::randomBytes(8).toHex());
    const QByteArray value = crypto::randomBytes(16).toHex();
    // One deadline for the three steps together.
    QTimer::singleShot(timeoutMs, this, [this, timeoutMs] {
        finish(false, QStringLiteral("no OS keychain answered within %1 s (no Secret Service on the session bus, or "
                                     "a locked keychain waiting for a prompt)")
                          .arg(timeoutMs / 1000.0));
    });
    const auto failed = [this](const QString& step, const SecretResult& r) {
        finish(false, QStringLiteral("the OS keychain failed the probe (%1): %2").arg(step, r.message));
    };
    KeychainJob::write(service, key, value, timeoutMs, this, [=](const SecretResult& w) {
        if (!w.ok()) {
            failed(QStringLiteral("write"), w);
            return;
        }
        KeychainJob::read(service, key, timeoutMs, this, [=](const SecretResult& r) {
            if (!r.ok()) {
                failed(QStringLiteral("read back"), r);
                return;
            }
            if (r.value != value) {
                finish(false, QStringLiteral("the OS keychain returned something else than was written to it"));
                return;
            }
            KeychainJob::remove(service, key, timeoutMs, this, [=](const SecretResult& d) {
                if (!d.ok()) {
                    failed(QStringLiteral("delete"), d);
                    return;
                }
                finish(true, QStringLiteral("the OS keychain answered a write, read and delete probe"));
            });
        });
    });
}

} // namespace tb::core
