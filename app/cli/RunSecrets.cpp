#include "RunSecrets.h"

#include "SecretSession.h"
#include "audit/AuditTrust.h"
#include "workspace/Workspace.h"

#include <QFileInfo>

#include <memory>

namespace tb::cli {

using namespace tb::core;

std::function<bool(const QString&, const QString&, QByteArray*, QString*)>
workspaceSecretReader(const QString& pipelinePath)
{
    struct State
    {
        QString dir;
        std::unique_ptr<SecretSession> session;
        QString openError;
    };
    auto state = std::make_shared<State>();
    const QString pipelineDir = QFileInfo(pipelinePath).absolutePath();
    state->dir = AuditTrust::findWorkspace(pipelineDir);
    if (state->dir.isEmpty())
        state->dir = pipelineDir;
    return [state](const QString& connection, const QString& field, QByteArray* value, QString* error) {
        const QString name = connection + QLatin1Char('/') + field;
        const QString store =
            QStringLiteral("store it: trialbridge-cli secrets set %1 --workspace %2").arg(name, state->dir);
        if (!state->session && state->openError.isEmpty()) {
            QString e;
            const QString scope = Workspace(state->dir).id(&e);
            if (scope.isEmpty()) {
                // Without an id, nothing was ever stored for this workspace.
                state->openError =
                    e.isEmpty() ? QStringLiteral("not stored (no secret was ever stored for this workspace)")
                                : e;
            } else {
                auto session = std::make_unique<SecretSession>();
                if (!session->choose(&e) || !session->open(scope, false, &e))
                    state->openError = QStringLiteral("the secret store cannot be opened: %1").arg(e);
                else
                    state->session = std::move(session);
            }
        }
        if (!state->session) {
            *error = state->openError + QStringLiteral("; ") + store;
            return false;
        }
        const SecretResult r = state->session->read(name);
        if (r.status == SecretResult::Status::NotFound) {
            *error = QStringLiteral("not stored in the %1; %2").arg(state->session->describe(), store);
            return false;
        }
        if (!r.ok()) {
            *error = r.message;
            return false;
        }
        *value = r.value;
        return true;
    };
}

} // namespace tb::cli
