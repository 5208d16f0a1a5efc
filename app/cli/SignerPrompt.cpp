#include "SignerPrompt.h"

#include "SecretSession.h"

#include "audit/AuditSigner.h"
#include "esign/ElectronicSignature.h"
#include "esign/UserAccount.h"
#include "esign/UserKey.h"
#include "util/Clock.h"
#include "util/Crypto.h"
#include "workspace/Workspace.h"

namespace tb::cli {

using namespace tb::core;

bool openWorkspaceStore(const QString& workspace, bool creating, SecretSession* session, QString* error)
{
    QString e;
    const QString scope = Workspace(workspace).ensureId(&e);
    if (scope.isEmpty() || !session->choose(&e) || !session->open(scope, creating, &e)) {
        *error = QStringLiteral("the secret store cannot be opened: %1").arg(e);
        return false;
    }
    return true;
}

std::shared_ptr<const AuditSigner> authenticateUser(const QString& workspace, UserAccount* user, QString* error)
{
    QByteArray userId, passphrase;
    if (!SecretSession::prompt(QStringLiteral("User id: "), &userId, error)
        || !SecretSession::prompt(QStringLiteral("Passphrase: "), &passphrase, error))
        return nullptr;
    auto failed = [&](const QString& why) {
        crypto::wipe(passphrase);
        *error = why;
        return nullptr;
    };
    if (!UserAccount::load(workspace, QString::fromUtf8(userId), user, error))
        return failed(*error);
    SecretSession session;
    QString e;
    if (!openWorkspaceStore(workspace, false, &session, &e))
        return failed(e);
    SecretResult sealed = session.read(UserAccount::secretName(user->id));
    if (!sealed.ok())
        return failed(QStringLiteral("the key of %1 is not in %2 (users sign on the machine where they were created)")
                          .arg(user->id, session.describe()));
    auto key = UserKey::openFor(*user, sealed.value, passphrase, &e);
    crypto::wipe(sealed.value);
    if (!key)
        return failed(e);
    crypto::wipe(passphrase);
    return key;
}

bool signAsUser(const QString& workspace, ElectronicSignature* sig, QString* error)
{
    UserAccount user;
    const auto key = authenticateUser(workspace, &user, error);
    if (!key)
        return false;
    sig->signedUtc = toIsoUtc(Clock::system().nowUtc());
    sig->signerId = user.id;
    sig->printedName = user.printedName;
    sig->role = UserAccount::roleName(user.role);
    sig->signWith(*key);
    return true;
}

} // namespace tb::cli
