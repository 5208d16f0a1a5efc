#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace tb::core {

// A person who signs (21 CFR Part 11 §11.100): a unique id, the printed name signatures show, a role, and the
// public half of their Ed25519 signing key. Kept in the workspace as `<id>.user.json` (no secret in it); the
// private half is sealed with the user's passphrase (UserKey) and kept in the secret store under secretName().
struct UserAccount
{
    enum class Role { Analyst, StudyManager, Qa };

    QString id;
    QString printedName;
    Role role = Role::Analyst;
    QByteArray publicKey; // 32 bytes
    QString createdUtc;

    static bool isValidId(const QString& id, QString* error);
    static bool parseRole(const QString& name, Role* out); // analyst, study_manager, qa
    static QString roleName(Role role);
    static QString fileName(const QString& id) { return id + QStringLiteral(".user.json"); }
    static QString secretName(const QString& id) { return QStringLiteral("trialbridge-user/") + id; }

    static bool load(const QString& workspaceDir, const QString& id, UserAccount* out, QString* error);
    // Every *.user.json of the workspace, sorted by id; a broken one is an error naming it.
    static bool loadAll(const QString& workspaceDir, QList<UserAccount>* out, QString* error);
    // id → printed name of the workspace's users, for reports; empty when they cannot be read.
    static QHash<QString, QString> printedNames(const QString& workspaceDir);
    // Writes <id>.user.json; refuses to replace an existing user (ids are never reused, §11.100(a)).
    bool create(const QString& workspaceDir, QString* error) const;
};

} // namespace tb::core
