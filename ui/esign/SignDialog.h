#pragma once

#include "esign/UserAccount.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace tb::core {
class AuditSigner;
class SecretStore;
} // namespace tb::core

namespace tb::ui {

// Both components of an electronic signature, every time (21 CFR Part 11 §11.200(a)) — the console's counterpart
// of the CLI's prompt: shows what is signed and what the signature means, asks for the user id and the passphrase
// (and a comment, required for a rejection), then unseals that user's key from the workspace's secret store off
// the GUI thread (Argon2id takes a moment). A wrong id or passphrase is said in the dialog, which stays open;
// it is accepted only with the key open. Also used without a meaning, to authenticate an act that is not a
// signature (retiring a revision).
class SignDialog : public QDialog
{
    Q_OBJECT
public:
    SignDialog(core::SecretStore* store, const QString& workspace, const QString& title, const QString& statement,
               bool commentRequired, QWidget* parent = nullptr);
    ~SignDialog() override;

    std::shared_ptr<const core::AuditSigner> key() const { return m_key; }
    const core::UserAccount& user() const { return m_user; }
    QString comment() const;

    QLineEdit* userField() const { return m_userId; }
    QLineEdit* passphraseField() const { return m_passphrase; }
    QPlainTextEdit* commentField() const { return m_comment; }
    QString error() const;
    bool isBusy() const { return m_busy; }

    void accept() override;

private:
    void setBusy(bool busy);
    void showError(const QString& message);
    void unsealed();

    core::SecretStore* m_store;
    QString m_workspace;
    bool m_commentRequired;
    QLineEdit* m_userId;
    QLineEdit* m_passphrase;
    QPlainTextEdit* m_comment;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    bool m_busy = false;
    quint64 m_attempt = 0; // drops an answer for an attempt the user has moved on from
    core::UserAccount m_user;
    std::shared_ptr<const core::AuditSigner> m_key;
    QFutureWatcher<std::pair<std::shared_ptr<const core::AuditSigner>, QString>> m_unseal;
};

} // namespace tb::ui
