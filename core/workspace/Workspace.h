#pragma once

#include <QString>
#include <QStringList>

namespace tb::core {

// A workspace: a folder of JSON documents named by kind, so that it diffs well in git —
// *.connection.json, *.mapping.json, *.pipeline.json, *.study.json. No secrets are ever stored here.
class Workspace
{
public:
    enum class Kind { Connection, Mapping, Pipeline, Study };

    static QString suffix(Kind kind);      // ".mapping.json"
    static QString kindName(Kind kind);    // "mapping"
    static QList<Kind> kinds();

    explicit Workspace(const QString& dir = {});
    bool isValid() const;                  // the folder exists
    QString dir() const { return m_dir; }
    QString name() const;                  // the folder's name

    // Documents of a kind, as paths relative to the workspace, sorted; searches subfolders too.
    QStringList documents(Kind kind) const;
    QString absolutePath(const QString& relative) const;

    // The target databases the workspace's pipelines name (absolute paths, existing or not).
    QStringList targetDatabases() const;

    // The workspace's stable id, kept in trialbridge.workspace.json; it namespaces the workspace's
    // secrets in the keychain or vault, so that they follow the folder when it moves. Empty while the
    // workspace has none (no secret stored yet); ensureId writes one.
    static constexpr const char* IdFile = "trialbridge.workspace.json";
    QString id(QString* error = nullptr) const;
    QString ensureId(QString* error) const;

private:
    QString m_dir;
};

} // namespace tb::core
