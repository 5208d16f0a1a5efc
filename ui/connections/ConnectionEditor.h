#pragma once

#include "connection/ConnectionProfile.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tb::core {
class SecretStore;
}

namespace tb::ui {

// Creates or edits one connection profile: the fields of its kind, validated by ConnectionProfile's own
// validation with each error shown under the field it is about. Secret fields are password fields that are
// never filled with the stored value — they say "stored" or "not set" — and what is typed goes straight to
// the secret store on save: never into the profile file, never into settings. Saving writes the secrets
// first, then the file; the dialog closes only when both succeeded.
class ConnectionEditor : public QDialog
{
    Q_OBJECT
public:
    // workspaceDir: where a new profile is written. store: null when the secret store is not open
    // (storeProblem says why); then secret fields are disabled.
    ConnectionEditor(const QString& workspaceDir, core::SecretStore* store, const QString& storeProblem,
                     QWidget* parent = nullptr);
    ~ConnectionEditor() override;

    // Names stored in the store for this workspace: which secret fields say "stored".
    void setStoredSecrets(const QStringList& names);
    // A new profile (the name is free to choose) or an existing file (the name is fixed: it names the
    // file and the secrets). An existing profile that does not validate is shown with its errors.
    void editNew(core::ConnectionProfile::Kind kind = core::ConnectionProfile::Kind::EdcRest);
    bool editExisting(const QString& path, QString* error);

    bool isNew() const { return m_path.isEmpty(); }
    QString savedPath() const { return m_savedPath; }
    QString savedName() const { return m_savedName; }
    // The secret field editors ("token", "password", "private_key", "signing_secret").
    QLineEdit* secretEdit(const QString& field) const { return m_secretEdits.value(field); }
    // The error shown for a field key ("url", "host", "secret:token", "" for errors about no one field).
    QString fieldError(const QString& key) const;

    void accept() override;

signals:
    void saved(const QString& name, const QString& path);

private:
    struct Field
    {
        QWidget* row = nullptr;   // the form's field widget (editor and error)
        QLabel* label = nullptr;
        QLabel* error = nullptr;
    };

    QLineEdit* lineEdit(const QString& key, const QString& label, const QString& placeholder = {});
    QWidget* addRow(const QString& key, const QString& label, QWidget* editor, QWidget* buddy = nullptr);
    void fillKinds();
    void fillAuth(core::ConnectionProfile::Kind kind);
    void load(const core::ConnectionProfile& profile, const QStringList& errors);
    core::ConnectionProfile::Kind currentKind() const;
    QString currentAuth() const;
    QStringList neededSecretFields() const;
    void setFieldVisible(const QString& key, bool visible);
    void updateRows();
    void updateSecretStates();
    QJsonObject formJson() const;
    QString targetPath() const;
    // Validates the form; shows every error next to its field and returns the profile when valid.
    bool validate(core::ConnectionProfile* out);
    void clearErrors();
    void showError(const QString& key, const QString& message);
    void onEdited();
    void loadPrivateKey();
    void writeSecrets(const core::ConnectionProfile& profile, QStringList fields);
    void finishSave(const core::ConnectionProfile& profile);
    void setBusy(bool busy);
    void wipeSecrets();

    QString m_workspaceDir;
    QString m_path; // the edited file; empty for a new profile
    QPointer<core::SecretStore> m_store;
    QString m_storeProblem;
    QStringList m_stored;
    QByteArray m_certificatePin; // kept as it was: the form edits the public-key pin
    QByteArray m_privateKeyFromFile;
    QString m_privateKeyFile;
    bool m_showErrors = false;
    bool m_busy = false;
    QString m_savedPath;
    QString m_savedName;

    QGridLayout* m_form;
    QLabel* m_generalError;
    QHash<QString, Field> m_fields;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_description;
    QSpinBox* m_timeout;
    QLineEdit* m_url;
    QComboBox* m_auth;
    QLineEdit* m_username;
    QLineEdit* m_header;
    QLineEdit* m_testPath;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_remotePath;
    QLineEdit* m_hostKey;
    QComboBox* m_tlsMode;
    QLineEdit* m_caBundle;
    QLineEdit* m_pin;
    QHash<QString, QLineEdit*> m_secretEdits;
    QHash<QString, QLabel*> m_secretStates;
    QLabel* m_secretsHeading;
    QPushButton* m_keyFromFile;
    QDialogButtonBox* m_buttons;
};

} // namespace tb::ui
