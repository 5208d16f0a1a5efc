#include "secrets/WorkspaceSecrets.h"

#include "audit/AuditSigner.h"
#include "audit/WorkspaceSigningKey.h"
#include "audit/AuditTrust.h"
#include "secrets/PassphraseDialog.h"
#include "secrets/SecretsSettings.h"
#include "util/Crypto.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>

#include <future>

namespace tb::ui {

using core::SecretResult;
using core::SecretStore;

namespace {

void stripLineBreak(QByteArray& bytes)
{
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
}

} // namespace

WorkspaceSecrets::WorkspaceSecrets(QWidget* dialogParent, QObject* parent) : QObject(parent), m_dialogParent(dialogParent) {}

WorkspaceSecrets::~WorkspaceSecrets()
{
    ++m_generation;
    if (m_dialog)
        delete m_dialog.data();
}

void WorkspaceSecrets::open(const core::Workspace& workspace)
{
    const QString dir = QDir(workspace.dir()).absolutePath();
    if (m_workspace.isValid() && QDir(m_workspace.dir()).absolutePath() == dir
        && (m_state == State::Opening || m_state == State::Open))
        return;
    close();
    m_workspace = workspace;
    m_state = State::Opening;
    m_error.clear();
    emit stateChanged();
    // Secrets are namespaced by the workspace's id: a workspace without one gets it now, as on the CLI's
    // first `secrets set` or `run`.
    QString error;
    m_scope = workspace.ensureId(&error);
    if (m_scope.isEmpty()) {
        settle(State::Failed, error);
        return;
    }
    choose();
}

void WorkspaceSecrets::reopen()
{
    if (!m_workspace.isValid() || m_state == State::Opening)
        return;
    const core::Workspace ws = m_workspace;
    close();
    open(ws);
}

void WorkspaceSecrets::close()
{
    ++m_generation;
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->close();
    }
    if (m_store)
        m_store.release()->deleteLater(); // it may be inside one of its callbacks
    const bool changed = m_state != State::Closed;
    m_state = State::Closed;
    m_workspace = core::Workspace();
    m_scope.clear();
    m_error.clear();
    m_choice = {};
    // Whoever waits is answered: the store they waited for is gone.
    for (auto& waiting : std::exchange(m_waiting, {}))
        QMetaObject::invokeMethod(this, waiting, Qt::QueuedConnection);
    if (changed)
        emit stateChanged();
}

QString WorkspaceSecrets::statusText() const
{
    switch (m_state) {
    case State::Closed: return tr("Secrets: not open");
    case State::Opening: return tr("Secrets: opening…");
    case State::Failed: return tr("Secrets: not open");
    case State::Open:
        if (m_choice.backend == SecretStore::Backend::Keychain)
            return tr("Secrets: keychain");
        return m_vaultConfigured ? tr("Secrets: vault (configured)") : tr("Secrets: vault (no keychain answered)");
    }
    return {};
}

QString WorkspaceSecrets::statusDetails() const
{
    switch (m_state) {
    case State::Closed: return tr("No workspace is open.");
    case State::Opening: return tr("Choosing where the secrets are kept…");
    case State::Failed: return tr("The secret store could not be opened: %1").arg(m_error);
    case State::Open:
        return tr("Secrets are kept in the %1: %2.").arg(m_store ? m_store->description() : QString(), m_choice.reason);
    }
    return {};
}

PassphraseDialog* WorkspaceSecrets::passphraseDialog() const
{
    return m_dialog.data();
}

void WorkspaceSecrets::whenSettled(std::function<void()> done)
{
    if (m_state == State::Opening)
        m_waiting.push_back(std::move(done));
    else
        QMetaObject::invokeMethod(this, std::move(done), Qt::QueuedConnection);
}

void WorkspaceSecrets::choose()
{
    const core::SecretsSettings settings = core::SecretsSettings::load();
    m_vaultConfigured = settings.preference == core::SecretsSettings::Preference::Vault;
    auto* chooser = new core::SecretBackendChooser(this);
    const quint64 generation = m_generation;
    chooser->choose(settings, [this, chooser, generation](const core::SecretBackendChooser::Choice& choice) {
        chooser->deleteLater();
        if (generation != m_generation)
            return;
        m_choice = choice;
        if (!choice.ok)
            settle(State::Failed, choice.error);
        else if (choice.backend == SecretStore::Backend::Keychain)
            openStore({}, false);
        else
            obtainPassphrase();
    });
}

void WorkspaceSecrets::obtainPassphrase()
{
    const QString file = qEnvironmentVariable(PassphraseFileEnv);
    if (file.isEmpty()) {
        askPassphrase({});
        return;
    }
    // As the CLI: the file's content, without one trailing line break.
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        settle(State::Failed, tr("%1=%2: cannot read the passphrase file: %3")
                                  .arg(QLatin1String(PassphraseFileEnv), file, f.errorString()));
        return;
    }
    if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        qCWarning(lcSecrets) << "the passphrase file" << file << "is readable by other users (chmod 600 it)";
    QByteArray passphrase = f.readAll();
    stripLineBreak(passphrase);
    if (passphrase.isEmpty()) {
        settle(State::Failed, tr("%1=%2: the passphrase file is empty").arg(QLatin1String(PassphraseFileEnv), file));
        return;
    }
    openStore(passphrase, false);
}

void WorkspaceSecrets::askPassphrase(const QString& error)
{
    const bool newVault = !QFileInfo::exists(m_choice.vaultPath);
    auto* dialog = new PassphraseDialog(m_choice.vaultPath, newVault, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(m_dialogParent ? Qt::WindowModal : Qt::ApplicationModal);
    dialog->setError(error);
    m_dialog = dialog;
    const quint64 generation = m_generation;
    connect(dialog, &QDialog::accepted, this, [this, dialog, generation] {
        if (generation != m_generation)
            return;
        openStore(dialog->passphrase(), true);
    });
    connect(dialog, &QDialog::rejected, this, [this, generation] {
        if (generation != m_generation)
            return;
        settle(State::Failed, tr("no passphrase was given for the vault %1 (set %2 to read it from a file)")
                                  .arg(QDir::toNativeSeparators(m_choice.vaultPath), QLatin1String(PassphraseFileEnv)));
    });
    // Not exec(): the console stays responsive (and testable) while the dialog waits.
    dialog->open();
}

void WorkspaceSecrets::openStore(QByteArray passphrase, bool fromDialog)
{
    m_store = core::SecretBackendChooser::createStore(m_choice, m_scope, passphrase);
    core::crypto::wipe(passphrase);
    if (!m_store) {
        settle(State::Failed, tr("no secret store"));
        return;
    }
    // The vault derives its key on the first operation: a list tells a wrong passphrase now, not at the
    // first run.
    const quint64 generation = m_generation;
    m_store->list([this, generation, fromDialog](const SecretResult& r) {
        if (generation != m_generation)
            return;
        if (r.ok()) {
            settle(State::Open);
        } else if (r.status == SecretResult::Status::WrongPassphrase && fromDialog) {
            m_store.release()->deleteLater(); // we are inside its callback
            askPassphrase(tr("Wrong passphrase: try again."));
        } else {
            settle(State::Failed, r.message);
        }
    });
}

void WorkspaceSecrets::settle(State state, const QString& error)
{
    m_state = state;
    m_error = error;
    if (state == State::Failed) {
        if (m_store)
            m_store.release()->deleteLater();
        qCWarning(lcSecrets) << "the console's secret store is not open:" << error;
    }
    emit stateChanged();
    for (auto& waiting : std::exchange(m_waiting, {}))
        QMetaObject::invokeMethod(this, waiting, Qt::QueuedConnection);
}

void WorkspaceSecrets::auditSigner(const QString& pipelinePath, SignerDone done)
{
    if (m_state == State::Opening) {
        m_waiting.push_back([this, pipelinePath, done] { auditSigner(pipelinePath, done); });
        return;
    }
    const auto fail = [done](const QString& why) {
        done(nullptr, tr("cannot sign the audit trail: %1 — nothing was loaded (the workspace's signing key is kept "
                         "in the secret store, see docs/audit.md)")
                          .arg(why));
    };
    // The same workspace as the CLI's: the nearest folder upwards with trialbridge.workspace.json.
    const QString pipelineDir = QFileInfo(pipelinePath).absolutePath();
    QString dir = core::AuditTrust::findWorkspace(pipelineDir);
    if (dir.isEmpty())
        dir = pipelineDir;
    QString error;
    const QString scope = core::Workspace(dir).ensureId(&error);
    if (scope.isEmpty())
        return fail(error);
    if (m_state != State::Open)
        return fail(tr("the secret store cannot be opened: %1")
                        .arg(m_error.isEmpty() ? tr("no workspace is open") : m_error));
    if (scope != m_scope)
        return fail(tr("the pipeline belongs to the workspace %1, whose secrets are not open here: open that "
                       "workspace to run it")
                        .arg(QDir::toNativeSeparators(dir)));

    core::WorkspaceSigningKey::obtain(m_store.get(), dir, [fail, done](std::shared_ptr<const core::AuditSigner> signer,
                                                                 const QString& why) {
        if (!signer)
            return fail(why);
        done(signer, {});
    });
}

WorkspaceSecrets::BlockingSigner WorkspaceSecrets::blockingAuditSigner()
{
    QPointer<WorkspaceSecrets> self(this);
    return [self](const QString& pipelinePath, QString* error) -> std::shared_ptr<const core::AuditSigner> {
        using Answer = std::pair<std::shared_ptr<const core::AuditSigner>, QString>;
        auto promise = std::make_shared<std::promise<Answer>>();
        std::future<Answer> answer = promise->get_future();
        // The store lives on the GUI thread: ask there. If this object is gone by then, the promise is
        // dropped unanswered and the run stops with an error below.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, pipelinePath, promise] {
                if (self)
                    self->auditSigner(pipelinePath, [promise](std::shared_ptr<const core::AuditSigner> signer,
                                                              const QString& e) { promise->set_value({signer, e}); });
            },
            Qt::QueuedConnection);
        try {
            Answer a = answer.get();
            if (!a.first)
                *error = a.second;
            return a.first;
        } catch (const std::future_error&) {
            *error = tr("cannot sign the audit trail: the console closed its secret store — nothing was loaded");
            return nullptr;
        }
    };
}

} // namespace tb::ui
