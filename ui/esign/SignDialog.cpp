#include "esign/SignDialog.h"

#include "audit/AuditSigner.h"
#include "esign/UserKey.h"
#include "secrets/SecretStore.h"
#include "util/Crypto.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tb::ui {

SignDialog::SignDialog(core::SecretStore* store, const QString& workspace, const QString& title, const QString& statement,
                       bool commentRequired, QWidget* parent)
    : QDialog(parent), m_store(store), m_workspace(workspace), m_commentRequired(commentRequired)
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("signDialog"));
    auto* what = new QLabel(statement);
    what->setObjectName(QStringLiteral("signStatement"));
    what->setWordWrap(true);
    what->setTextFormat(Qt::PlainText);
    m_userId = new QLineEdit;
    m_userId->setObjectName(QStringLiteral("signUserId"));
    m_passphrase = new QLineEdit;
    m_passphrase->setObjectName(QStringLiteral("signPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_comment = new QPlainTextEdit;
    m_comment->setObjectName(QStringLiteral("signComment"));
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("signError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign"));

    auto* form = new QFormLayout;
    form->addRow(tr("&User id:"), m_userId);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(commentRequired ? tr("&Reason (required):") : tr("&Comment:"), m_comment);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignDialog::reject);
    connect(&m_unseal, &QFutureWatcher<void>::finished, this, &SignDialog::unsealed);
    setMinimumWidth(440);
}

SignDialog::~SignDialog()
{
    m_unseal.waitForFinished();
}

QString SignDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

QString SignDialog::error() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SignDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_userId->setEnabled(!busy);
    m_passphrase->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void SignDialog::showError(const QString& message)
{
    setBusy(false);
    m_error->setText(message);
    m_error->show();
    m_passphrase->clear();
    m_passphrase->setFocus();
}

void SignDialog::accept()
{
    if (m_busy)
        return;
    const QString id = m_userId->text().trimmed();
    if (id.isEmpty() || m_passphrase->text().isEmpty())
        return showError(tr("Enter your user id and your passphrase: both are part of the signature."));
    if (m_commentRequired && comment().isEmpty())
        return showError(tr("Say why: a rejection needs a reason."));
    if (!m_store)
        return showError(tr("The secret store is not open, so no key can be unsealed."));
    QString error;
    if (!core::UserAccount::load(m_workspace, id, &m_user, &error))
        return showError(error);
    setBusy(true);
    m_error->hide();
    const quint64 attempt = ++m_attempt;
    QByteArray passphrase = m_passphrase->text().toUtf8();
    m_passphrase->clear();
    QPointer<SignDialog> self(this);
    m_store->read(core::UserAccount::secretName(m_user.id), [self, attempt, passphrase](const core::SecretResult& r) mutable {
        if (!self || attempt != self->m_attempt) {
            core::crypto::wipe(passphrase);
            return;
        }
        if (!r.ok()) {
            core::crypto::wipe(passphrase);
            self->showError(tr("The key of %1 is not in this workspace's secret store (users sign on the machine where "
                               "they were created).")
                                .arg(self->m_user.id));
            return;
        }
        const core::UserAccount user = self->m_user;
        QByteArray sealed = r.value;
        self->m_unseal.setFuture(QtConcurrent::run([user, sealed, passphrase]() mutable {
            QString e;
            auto key = core::UserKey::openFor(user, sealed, passphrase, &e);
            core::crypto::wipe(passphrase);
            core::crypto::wipe(sealed);
            return std::make_pair(key, e);
        }));
    });
}

void SignDialog::unsealed()
{
    const auto [key, error] = m_unseal.result();
    if (!key)
        return showError(error);
    m_key = key;
    setBusy(false);
    QDialog::accept();
}

} // namespace tb::ui
