#pragma once

#include "secrets/SecretBackendChooser.h"
#include "secrets/SecretStore.h"
#include "workspace/Workspace.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWidget;

namespace tb::core {
class AuditSigner;
}

namespace tb::ui {

class PassphraseDialog;

// The console's secret store for the open workspace — the GUI's counterpart of the CLI's SecretSession:
// chooses the back end (SecretBackendChooser: the keychain, or the vault and why), obtains the vault's
// passphrase from the file named by TRIALBRIDGE_VAULT_PASSPHRASE_FILE or else from a password dialog, opens
// the store in the workspace's scope and checks that it answers (a wrong passphrase is asked again).
// Everything is asynchronous: the GUI never waits for the keychain probe or the vault's key derivation.
//
// It also gives pipeline runs the workspace's audit signing key, exactly as `trialbridge-cli run` does:
// read from the store, or created there on first need and listed in trialbridge.workspace.json.
class WorkspaceSecrets : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Opening, Open, Failed };
    using SignerDone = std::function<void(std::shared_ptr<const core::AuditSigner> signer, const QString& error)>;
    using BlockingSigner = std::function<std::shared_ptr<const core::AuditSigner>(const QString& pipelinePath, QString* error)>;

    static constexpr const char* PassphraseFileEnv = "TRIALBRIDGE_VAULT_PASSPHRASE_FILE";

    // dialogParent: where the passphrase dialog appears (may be null).
    explicit WorkspaceSecrets(QWidget* dialogParent, QObject* parent = nullptr);
    ~WorkspaceSecrets() override;

    // Opens the store for the workspace (gives the workspace its id when it has none yet). Opening the
    // workspace that is open or being opened again does nothing.
    void open(const core::Workspace& workspace);
    // Tries again after a failure (a cancelled passphrase dialog, a locked keychain).
    void reopen();
    void close();

    State state() const { return m_state; }
    core::SecretStore* store() const { return m_state == State::Open ? m_store.get() : nullptr; }
    const core::SecretBackendChooser::Choice& choice() const { return m_choice; }
    QString error() const { return m_error; }
    // For the status bar: "Secrets: keychain", "Secrets: vault (no keychain answered)", "Secrets: not open".
    QString statusText() const;
    // Longer: which store, and why it was chosen (or why it could not be opened).
    QString statusDetails() const;
    PassphraseDialog* passphraseDialog() const;

    // Calls done once opening has ended (opened or failed), from the event loop; at once when it already has.
    void whenSettled(std::function<void()> done);

    // The audit signer for a pipeline of this workspace, like the CLI's workspaceAuditSigner; done runs later
    // from the event loop, with a null signer and a message saying what to do when there is none.
    void auditSigner(const QString& pipelinePath, SignerDone done);
    // For PipelineRunner::Options::auditSigner, called on the run's thread: asks this object on the GUI
    // thread and waits for the answer (an error if the console goes away meanwhile).
    BlockingSigner blockingAuditSigner();

signals:
    void stateChanged();

private:
    void choose();
    void obtainPassphrase();
    void askPassphrase(const QString& error);
    void openStore(QByteArray passphrase, bool fromDialog);
    void settle(State state, const QString& error = {});

    QPointer<QWidget> m_dialogParent;
    core::Workspace m_workspace;
    QString m_scope;
    State m_state = State::Closed;
    quint64 m_generation = 0; // drops answers meant for a workspace opened before
    core::SecretBackendChooser::Choice m_choice;
    bool m_vaultConfigured = false;
    std::unique_ptr<core::SecretStore> m_store;
    QString m_error;
    QPointer<PassphraseDialog> m_dialog;
    std::vector<std::function<void()>> m_waiting;
};

} // namespace tb::ui
