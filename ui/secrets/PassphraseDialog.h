#pragma once

#include <QByteArray>
#include <QDialog>

class QLabel;
class QLineEdit;

namespace tb::ui {

// Asks for the passphrase of the encrypted vault, without echo. For a vault that does not exist yet it
// asks twice and accepts only two equal entries. The passphrase is never stored or remembered.
class PassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    PassphraseDialog(const QString& vaultPath, bool newVault, QWidget* parent = nullptr);

    // A message above the field, e.g. after a wrong passphrase.
    void setError(const QString& message);
    // The passphrase in UTF-8; the caller wipes its copy when done.
    QByteArray passphrase() const;

    void accept() override;

private:
    bool m_new;
    QLineEdit* m_passphrase;
    QLineEdit* m_again = nullptr;
    QLabel* m_error;
};

} // namespace tb::ui
