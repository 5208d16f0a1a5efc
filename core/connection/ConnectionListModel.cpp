#include "connection/ConnectionListModel.h"

#include "workspace/Workspace.h"

#include <QHash>

#include <algorithm>

namespace tb::core {

using Outcome = ConnectionTestResult::Outcome;

ConnectionListModel::ConnectionListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ConnectionListModel::load(const Workspace& workspace)
{
    // Test results belong to a connection, not to a row: keep them across a reload.
    QHash<QString, Entry> previous;
    for (const Entry& e : std::as_const(m_entries))
        previous.insert(e.path, e);

    QVector<Entry> entries;
    for (const QString& rel : workspace.documents(Workspace::Kind::Connection)) {
        Entry e;
        e.path = workspace.absolutePath(rel);
        if (!ConnectionProfile::load(e.path, &e.profile, &e.errors) && e.profile.name.isEmpty())
            e.profile.name = ConnectionProfile::nameFromFileName(rel);
        const auto old = previous.constFind(e.path);
        if (old != previous.cend()) {
            e.tested = old->tested;
            e.testing = old->testing;
            e.lastTest = old->lastTest;
        }
        entries.append(e);
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.profile.name.compare(b.profile.name, Qt::CaseInsensitive) < 0;
    });
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void ConnectionListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_stored.clear();
    m_secretsKnown = false;
    endResetModel();
}

void ConnectionListModel::setStoredSecrets(const QStringList& names, bool known)
{
    m_stored = known ? QSet<QString>(names.cbegin(), names.cend()) : QSet<QString>();
    m_secretsKnown = known;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, Secrets), index(rowCount() - 1, Secrets));
}

void ConnectionListModel::setTesting(const QString& name, bool testing)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    m_entries[row].testing = testing;
    rowChanged(row);
}

void ConnectionListModel::setTestResult(const QString& name, const ConnectionTestResult& result)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    Entry& e = m_entries[row];
    e.testing = false;
    e.tested = true;
    e.lastTest = result;
    rowChanged(row);
}

int ConnectionListModel::rowOf(const QString& name) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].profile.name == name)
            return i;
    return -1;
}

QString ConnectionListModel::secretState(int row) const
{
    const Entry& e = m_entries[row];
    const QStringList needed = e.profile.secretNames();
    if (needed.isEmpty())
        return tr("none needed");
    if (!m_secretsKnown)
        return tr("unknown");
    const auto stored = std::count_if(needed.cbegin(), needed.cend(), [this](const QString& n) { return isStored(n); });
    if (stored == needed.size())
        return tr("stored");
    if (stored == 0)
        return tr("not set");
    return tr("%1 of %2 stored").arg(stored).arg(needed.size());
}

QString ConnectionListModel::outcomeTitle(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return tr("Works");
    case Outcome::InvalidProfile: return tr("Invalid profile");
    case Outcome::MissingSecret: return tr("Secret not set");
    case Outcome::SecretStore: return tr("Secret store failed");
    case Outcome::Dns: return tr("Host not found");
    case Outcome::Refused: return tr("Connection refused");
    case Outcome::Timeout: return tr("Timed out");
    case Outcome::Tls: return tr("TLS verification failed");
    case Outcome::HostKey: return tr("Host key mismatch");
    case Outcome::Auth: return tr("Credentials refused");
    case Outcome::Permission: return tr("Access denied");
    case Outcome::NotFound: return tr("Not found");
    case Outcome::Protocol: return tr("Unexpected answer");
    case Outcome::Network: return tr("Network error");
    }
    return {};
}

int ConnectionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ConnectionListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = m_entries[index.row()];
    const bool valid = e.errors.isEmpty();
    switch (role) {
    case NameRole: return e.profile.name;
    case PathRole: return e.path;
    case ValidRole: return valid;
    case OutcomeRole: return e.tested ? ConnectionTestResult::outcomeName(e.lastTest.outcome) : QString();
    case TestingRole: return e.testing;
    case Qt::ToolTipRole:
        if (!valid)
            return e.errors.join(QLatin1Char('\n'));
        if (index.column() == LastTest && e.tested)
            return e.lastTest.message;
        return e.path;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (Column(index.column())) {
        case Name: return e.profile.name;
        case Kind: return ConnectionProfile::kindName(e.profile.kind);
        case Target:
            if (!valid)
                return tr("invalid: %n problem(s)", nullptr, int(e.errors.size()));
            return e.profile.target();
        case Secrets: return secretState(index.row());
        case LastTest:
            if (e.testing)
                return tr("testing…");
            return e.tested ? outcomeTitle(e.lastTest.outcome) : tr("not tested");
        case ColumnCount: break;
        }
        break;
    default: break;
    }
    return {};
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case Target: return tr("Target");
    case Secrets: return tr("Secrets");
    case LastTest: return tr("Last test");
    case ColumnCount: break;
    }
    return {};
}

void ConnectionListModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace tb::core
