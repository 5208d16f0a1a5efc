#pragma once

#include "secrets/SecretStore.h"

#include <QObject>

#include <functional>

namespace tb::core {

// Runs one QtKeychain job (read, write or delete one key) and reports a SecretResult: QtKeychain's
// error codes mapped onto ours, the insecure fallback off, and a time limit — QtKeychain itself waits
// forever for a keychain that does not answer. done runs in context's thread from its event loop; if
// context is destroyed first, done is not called.
class KeychainJob
{
public:
    using Done = std::function<void(const SecretResult&)>;

    static void read(const QString& service, const QString& key, int timeoutMs, QObject* context, Done done);
    static void write(const QString& service, const QString& key, const QByteArray& value, int timeoutMs,
                      QObject* context, Done done);
    static void remove(const QString& service, const QString& key, int timeoutMs, QObject* context, Done done);
};

} // namespace tb::core
