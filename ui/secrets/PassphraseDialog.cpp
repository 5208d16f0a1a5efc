#include "secrets/PassphraseDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace tb::ui {

PassphraseDialog::PassphraseDialog(const QString& vaultPath, bool newVault, QWidget* parent)
    : QDialog(parent), m_new(newVault)
{
    setObjectName(QStringLiteral("passphraseDialog"));
    setWindowTitle(newVault ? tr("New Secret Vault") : tr("Unlock Secret Vault"));
    auto* intro = new QLabel(
        newVault ? tr("No keychain is available, so the connection secrets and the audit signing key are kept in "
                      "an encrypted vault, which does not exist yet:<br><b>%1</b><br>Choose its passphrase. It "
                      "cannot be recovered: without it the stored secrets are lost.")
                       .arg(QDir::toNativeSeparators(vaultPath).toHtmlEscaped())
                 : tr("The connection secrets and the audit signing key are kept in an encrypted vault:"
                      "<br><b>%1</b><br>Enter its passphrase to use them in this session.")
                       .arg(QDir::toNativeSeparators(vaultPath).toHtmlEscaped()));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    m_passphrase = new QLineEdit;
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Vault passphrase"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (newVault) {
        m_again = new QLineEdit;
        m_again->setObjectName(QStringLiteral("passphraseAgain"));
        m_again->setEchoMode(QLineEdit::Password);
        m_again->setAccessibleName(tr("Vault passphrase again"));
        form->addRow(tr("&Again:"), m_again);
    }

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("passphraseError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(newVault ? tr("&Create Vault") : tr("&Unlock"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_passphrase->setFocus();
}

void PassphraseDialog::setError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QByteArray PassphraseDialog::passphrase() const
{
    return m_passphrase->text().toUtf8();
}

void PassphraseDialog::accept()
{
    if (m_passphrase->text().isEmpty()) {
        setError(tr("Enter the passphrase."));
        m_passphrase->setFocus();
        return;
    }
    if (m_again && m_again->text() != m_passphrase->text()) {
        setError(tr("The two passphrases differ."));
        m_again->clear();
        m_again->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace tb::ui
