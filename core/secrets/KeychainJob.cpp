#include "secrets/KeychainJob.h"

#include "util/Logging.h"
#include "util/Redactor.h"

#include <QTimer>

#include <memory>

#include <qt6keychain/keychain.h>

namespace tb::core {

namespace {

SecretResult mapError(const QKeychain::Job* job)
{
    SecretResult r;
    const QString detail = Redactor::global().redact(job->errorString());
    switch (job->error()) {
    case QKeychain::NoError:
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretResult::Status::NotFound;
        r.message = QStringLiteral("not found in the OS keychain");
        return r;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        r.status = SecretResult::Status::AccessDenied;
        r.message = QStringLiteral("the OS keychain refused access: %1").arg(detail);
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        r.status = SecretResult::Status::Unavailable;
        r.message = QStringLiteral("no OS keychain is available: %1").arg(detail);
        return r;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    r.status = SecretResult::Status::Failed;
    r.message = QStringLiteral("OS keychain error: %1").arg(detail);
    return r;
}

// Starts job and reports exactly once: its result, or Unavailable when timeoutMs passes first.
void run(QKeychain::Job* job, int timeoutMs, QObject* context,
         std::function<SecretResult(QKeychain::Job*)> onSuccess, KeychainJob::Done done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plain text
    auto answered = std::make_shared<bool>(false);
    auto* timer = new QTimer(context);
    timer->setSingleShot(true);
    const QString key = job->key();
    QObject::connect(timer, &QTimer::timeout, context, [answered, done, timer, timeoutMs, key] {
        timer->deleteLater();
        if (*answered)
            return;
        *answered = true;
        qCWarning(lcSecrets) << "OS keychain gave no answer for" << key << "within" << timeoutMs << "ms";
        done({SecretResult::Status::Unavailable,
              QStringLiteral("the OS keychain did not answer within %1 s (is it locked, waiting for a password "
                             "prompt nobody sees?)")
                  .arg(timeoutMs / 1000.0),
              {},
              {}});
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [answered, done, timer, onSuccess](QKeychain::Job* j) {
        if (*answered)
            return; // late answer after the time-out: already reported
        *answered = true;
        timer->stop();
        timer->deleteLater();
        if (j->error() != QKeychain::NoError) {
            qCDebug(lcSecrets) << "OS keychain job for" << j->key() << "failed:" << j->error();
            done(mapError(j));
            return;
        }
        done(onSuccess(j));
    });
    timer->start(timeoutMs);
    job->start();
}

} // namespace

void KeychainJob::read(const QString& service, const QString& key, int timeoutMs, QObject* context, Done done)
{
    auto* job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    run(job, timeoutMs, context,
        [](QKeychain::Job* j) {
            SecretResult r;
            r.value = static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData();
            return r;
        },
        std::move(done));
}

void KeychainJob::write(const QString& service, const QString& key, const QByteArray& value, int timeoutMs,
                        QObject* context, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(service);
    job->setKey(key);
    job->setBinaryData(value);
    run(job, timeoutMs, context, [](QKeychain::Job*) { return SecretResult(); }, std::move(done));
}

void KeychainJob::remove(const QString& service, const QString& key, int timeoutMs, QObject* context, Done done)
{
    auto* job = new QKeychain::DeletePasswordJob(service);
    job->setKey(key);
    run(job, timeoutMs, context, [](QKeychain::Job*) { return SecretResult(); }, std::move(done));
}

} // namespace tb::core
