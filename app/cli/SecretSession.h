#pragma once

#include "secrets/SecretBackendChooser.h"
#include "secrets/SecretStore.h"

#include <QEventLoop>
#include <QString>

#include <functional>
#include <memory>

namespace tb::cli {

// Runs the CLI's event loop until the engine reports: start gets a callback, which the engine calls
// later (it never calls back from inside the call), and which ends the loop. The engine itself never
// runs an event loop; the application does — here.
template <typename Result> Result await(const std::function<void(std::function<void(const Result&)>)>& start)
{
    QEventLoop loop;
    Result out{};
    bool done = false;
    start([&](const Result& r) {
        out = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return out;
}

// The secret store a command works with: chooses the back end (the keychain probe), obtains the vault
// passphrase when the vault is used — from the file named by TRIALBRIDGE_VAULT_PASSPHRASE_FILE, else
// from a prompt (never from the command line) — and opens the store in the workspace's scope.
class SecretSession
{
public:
    static constexpr const char* PassphraseFileEnv = "TRIALBRIDGE_VAULT_PASSPHRASE_FILE";

    bool choose(QString* error);
    const tb::core::SecretBackendChooser::Choice& choice() const { return m_choice; }
    // creating: the command may create the vault (a new passphrase is asked twice on a terminal).
    bool open(const QString& scope, bool creating, QString* error);
    tb::core::SecretStore* store() const { return m_store.get(); }
    QString describe() const; // "OS keychain (Secret Service)" or "encrypted vault PATH"

    tb::core::SecretResult read(const QString& name);
    tb::core::SecretResult write(const QString& name, const QByteArray& value);
    tb::core::SecretResult remove(const QString& name);
    tb::core::SecretResult list();

    // Asks on the terminal without echo; without a terminal reads one line from standard input.
    static bool prompt(const QString& question, QByteArray* answer, QString* error);
    // The rest of standard input (for values piped in), without one trailing line break.
    static QByteArray readStandardInput();
    static void stripLineBreak(QByteArray& bytes);

private:
    bool passphrase(bool creating, QByteArray* out, QString* error);

    tb::core::SecretBackendChooser::Choice m_choice;
    std::unique_ptr<tb::core::SecretStore> m_store;
};

} // namespace tb::cli
