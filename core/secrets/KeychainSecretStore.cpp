#include "secrets/KeychainSecretStore.h"

#include "secrets/KeychainJob.h"
#include "util/Logging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tb::core {

KeychainSecretStore::KeychainSecretStore(const QString& scope, QObject* parent) : SecretStore(scope, parent) {}

QString KeychainSecretStore::description() const
{
    return platformDescription();
}

QString KeychainSecretStore::platformDescription()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("OS keychain (macOS Keychain)");
#elif defined(Q_OS_WIN)
    return QStringLiteral("OS keychain (Windows Credential Manager)");
#else
    return QStringLiteral("OS keychain (Secret Service)");
#endif
}

QString KeychainSecretStore::indexKey() const
{
    return scope() + QStringLiteral("/.index");
}

void KeychainSecretStore::readKey(const QString& key, JobDone done)
{
    KeychainJob::read(QLatin1String(Service), key, OperationTimeoutMs, this, std::move(done));
}

void KeychainSecretStore::writeKey(const QString& key, const QByteArray& value, JobDone done)
{
    KeychainJob::write(QLatin1String(Service), key, value, OperationTimeoutMs, this, std::move(done));
}

void KeychainSecretStore::deleteKey(const QString& key, JobDone done)
{
    KeychainJob::remove(QLatin1String(Service), key, OperationTimeoutMs, this, std::move(done));
}

void KeychainSecretStore::readIndex(std::function<void(const SecretResult&)> done)
{
    readKey(indexKey(), [done](const SecretResult& r) {
        SecretResult out;
        if (r.status == SecretResult::Status::NotFound) {
            done(out); // nothing stored in this workspace yet
            return;
        }
        if (!r.ok()) {
            done(r);
            return;
        }
        for (const QJsonValue& v : QJsonDocument::fromJson(r.value).array())
            if (v.isString())
                out.names << v.toString();
        out.names.sort();
        out.names.removeDuplicates();
        done(out);
    });
}

void KeychainSecretStore::updateIndex(const QString& name, bool add, JobDone done)
{
    readIndex([this, name, add, done](const SecretResult& r) {
        if (!r.ok()) {
            done(r);
            return;
        }
        QStringList names = r.names;
        const bool present = names.contains(name);
        if (present == add) {
            done(SecretResult());
            return;
        }
        if (add)
            names << name;
        else
            names.removeAll(name);
        names.sort();
        writeKey(indexKey(), QJsonDocument(QJsonArray::fromStringList(names)).toJson(QJsonDocument::Compact), done);
    });
}

void KeychainSecretStore::read(const QString& name, Callback done)
{
    QString error;
    if (!isValidName(name, &error)) {
        finishLater(done, {SecretResult::Status::Failed, error, {}, {}});
        return;
    }
    enqueue([this, name, done](std::function<void()> next) {
        readKey(qualified(name), [this, name, done, next](const SecretResult& r) {
            SecretResult out = r;
            if (r.status == SecretResult::Status::NotFound)
                out.message = QStringLiteral("no secret named \"%1\" in the %2").arg(name, description());
            finishLater(done, out);
            next();
        });
    });
}

void KeychainSecretStore::write(const QString& name, const QByteArray& value, Callback done)
{
    QString error;
    if (!isValidName(name, &error)) {
        finishLater(done, {SecretResult::Status::Failed, error, {}, {}});
        return;
    }
    enqueue([this, name, value, done](std::function<void()> next) {
        writeKey(qualified(name), value, [this, name, done, next](const SecretResult& r) {
            if (!r.ok()) {
                finishLater(done, r);
                next();
                return;
            }
            updateIndex(name, true, [this, done, next](const SecretResult& ir) {
                finishLater(done, ir);
                next();
            });
        });
    });
}

void KeychainSecretStore::remove(const QString& name, Callback done)
{
    QString error;
    if (!isValidName(name, &error)) {
        finishLater(done, {SecretResult::Status::Failed, error, {}, {}});
        return;
    }
    enqueue([this, name, done](std::function<void()> next) {
        // Secret Service reports no error for deleting a missing entry: look first, so that deleting a
        // name that is not there says so.
        readKey(qualified(name), [this, name, done, next](const SecretResult& found) {
            const auto finishWith = [this, name, done, next](SecretResult r) {
                // Also when the entry was missing: the index must not keep a name without a value.
                updateIndex(name, false, [this, name, r, done, next](const SecretResult& ir) {
                    SecretResult out = ir.ok() ? r : ir;
                    out.value.clear();
                    if (out.status == SecretResult::Status::NotFound)
                        out.message = QStringLiteral("no secret named \"%1\" in the %2").arg(name, description());
                    finishLater(done, out);
                    next();
                });
            };
            if (found.status == SecretResult::Status::NotFound) {
                finishWith(found);
                return;
            }
            if (!found.ok()) {
                finishLater(done, found);
                next();
                return;
            }
            deleteKey(qualified(name), [this, done, next, finishWith](const SecretResult& r) {
                if (!r.ok()) {
                    finishLater(done, r);
                    next();
                    return;
                }
                finishWith(r);
            });
        });
    });
}

void KeychainSecretStore::list(Callback done)
{
    enqueue([this, done](std::function<void()> next) {
        readIndex([this, done, next](const SecretResult& r) {
            finishLater(done, r);
            next();
        });
    });
}

} // namespace tb::core
