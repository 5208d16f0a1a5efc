#pragma once

#include "connection/ConnectionProfile.h"
#include "connection/ConnectionTestResult.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QVector>

namespace tb::core {

class Workspace;

// The connection profiles of a workspace (*.connection.json) as a table: name, kind, target, whether
// their secrets are stored, and the last test's outcome. Profiles that do not validate are listed too,
// with their errors, so that they can be fixed. The model never holds a secret value: it knows only the
// names stored in the secret store (setStoredSecrets).
class ConnectionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Target, Secrets, LastTest, ColumnCount };
    enum Role {
        NameRole = Qt::UserRole,  // the connection's name
        PathRole,                 // absolute path of its file
        ValidRole,                // bool: the profile validates
        OutcomeRole,              // outcome name of the last test ("ok", "refused", ...), empty when none
        TestingRole,              // bool: a test is running
    };

    struct Entry
    {
        QString path;             // absolute
        ConnectionProfile profile; // as far as it could be read
        QStringList errors;       // validation errors, empty when valid
        bool tested = false;
        bool testing = false;
        ConnectionTestResult lastTest;
    };

    explicit ConnectionListModel(QObject* parent = nullptr);

    // Reads every profile of the workspace (sorted by name); results of earlier tests of the same
    // connections are kept.
    void load(const Workspace& workspace);
    void clear();

    // The names stored in the secret store for this workspace ("edc-prod/token", ...); known false
    // clears them (the store is not open), so that no row claims a secret is missing or present.
    void setStoredSecrets(const QStringList& names, bool known = true);
    bool storedSecretsKnown() const { return m_secretsKnown; }
    bool isStored(const QString& secretName) const { return m_stored.contains(secretName); }

    void setTesting(const QString& name, bool testing);
    void setTestResult(const QString& name, const ConnectionTestResult& result);

    int rowOf(const QString& name) const; // -1 when not listed
    const Entry& entry(int row) const { return m_entries[row]; }

    // The secret state of a row in words: "stored", "not set", "1 of 2 stored", "none needed", "unknown".
    QString secretState(int row) const;
    // An outcome in words for people ("refused" -> "Connection refused").
    static QString outcomeTitle(ConnectionTestResult::Outcome outcome);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rowChanged(int row);

    QVector<Entry> m_entries;
    QSet<QString> m_stored;
    bool m_secretsKnown = false;
};

} // namespace tb::core
