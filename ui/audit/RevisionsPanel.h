#pragma once

#include "esign/ElectronicSignature.h"
#include "esign/UserAccount.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace tb::core {
class AuditSigner;
class MappingRevisionModel;
} // namespace tb::core

namespace tb::ui {

class WorkspaceSecrets;

// Mapping change control of a target (ChangeControl): the register's revisions with their state, the selected
// one's signatures and its field-level differences from the revision before, and the acts — submit a mapping of
// the workspace, review, approve, reject, retire, require approval — each through a SignDialog that asks for the
// user id and passphrase, written with its audit entries like the CLI's.
class RevisionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RevisionsPanel(QWidget* parent = nullptr);

    void setDatabase(const QString& databasePath, const QString& workspace);
    void setSecrets(WorkspaceSecrets* secrets) { m_secrets = secrets; }
    void refresh();

    core::MappingRevisionModel* model() const { return m_model; }
    QTableView* revisionTable() const { return m_revisions; }
    QTableWidget* signatureTable() const { return m_signatures; }
    QTableWidget* diffTable() const { return m_diff; }
    QLabel* message() const { return m_message; }
    QPushButton* button(const QString& action) const; // submit, review, approve, reject, retire, require

    void submit(const QString& mappingFile);
    void review() { decide(core::ElectronicSignature::Meaning::Reviewed); }
    void approve() { decide(core::ElectronicSignature::Meaning::Approved); }
    void reject() { decide(core::ElectronicSignature::Meaning::Rejected); }
    void retire();
    void requireApproval();

    // Who signed in the dialog: the user, their unsealed key, the comment.
    struct Signer
    {
        core::UserAccount user;
        std::shared_ptr<const core::AuditSigner> key;
        QString comment;
    };

signals:
    void changed(); // something was written to the target

private:
    // Writes the act; returns the error, empty when done.
    using Act = std::function<QString(const Signer& signer, std::shared_ptr<const core::AuditSigner> workspaceKey)>;
    void decide(core::ElectronicSignature::Meaning meaning);
    void chooseAndSubmit();
    void perform(const QString& title, const QString& statement, bool commentRequired, Act act);
    void showRevision();
    void updateButtons();
    void say(const QString& text, bool error);

    QString m_database, m_workspace;
    WorkspaceSecrets* m_secrets = nullptr;
    core::MappingRevisionModel* m_model;
    QLabel* m_required;
    QTableView* m_revisions;
    QTableWidget* m_signatures;
    QTableWidget* m_diff;
    QLabel* m_message;
    QList<QPushButton*> m_buttons;
};

} // namespace tb::ui
