#include "audit/AuditTrailModel.h"

#include "load/SqliteStatement.h"

#include <QJsonDocument>

#include <deque>

#include <sqlite3.h>

namespace tb::core {

AuditTrailModel::AuditTrailModel(QObject* parent) : QAbstractTableModel(parent) {}

bool AuditTrailModel::load(const QString& databasePath, const AuditFilter& filter,
                           const QHash<QString, QString>& printedNames, qint64 limit, QString* error)
{
    // The latest entries are the ones people look for (the last run, a signature just made).
    std::deque<AuditExport::Row> rows;
    qint64 matched = 0;
    if (!AuditExport::rows(databasePath, filter, printedNames,
                           [&](const AuditExport::Row& r) {
                               ++matched;
                               rows.push_back(r);
                               if (qint64(rows.size()) > limit)
                                   rows.pop_front();
                               return true;
                           },
                           error))
        return false;
    beginResetModel();
    m_path = databasePath;
    m_rows.assign(std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    m_matched = matched;
    endResetModel();
    return true;
}

void AuditTrailModel::clear()
{
    beginResetModel();
    m_path.clear();
    m_rows.clear();
    m_matched = 0;
    endResetModel();
}

int AuditTrailModel::rowOfSeq(qint64 seq) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), seq,
                                     [](const AuditExport::Row& r, qint64 s) { return r.seq < s; });
    return it != m_rows.end() && it->seq == seq ? int(it - m_rows.begin()) : -1;
}

bool AuditTrailModel::images(qint64 seq, QJsonObject* before, QJsonObject* after, QString* error) const
{
    sqlite3* db = nullptr;
    // close_v2: the statement below is finalized after this runs, and the connection must not stay open.
    auto done = [&](bool ok) {
        sqlite3_close_v2(db);
        return ok;
    };
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("%1: %2").arg(m_path, QString::fromUtf8(sqlite3_errmsg(db)));
        return done(false);
    }
    SqliteStatement st;
    if (!st.prepare(db, QStringLiteral("SELECT before_json, after_json FROM audit_log WHERE seq = ?1"), error))
        return done(false);
    st.bindInt64(1, seq);
    if (!st.next()) {
        *error = st.error().isEmpty() ? QStringLiteral("%1: no audit entry %2").arg(m_path).arg(seq) : st.error();
        return done(false);
    }
    *before = QJsonDocument::fromJson(st.columnText(0).toUtf8()).object();
    *after = QJsonDocument::fromJson(st.columnText(1).toUtf8()).object();
    return done(true);
}

int AuditTrailModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditTrailModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTrailModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const AuditExport::Row& r = m_rows[size_t(index.row())];
    if (role == Qt::TextAlignmentRole && (index.column() == Seq || index.column() == Run))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Changes)
        return r.signature.isEmpty() ? r.changes.join(QLatin1Char('\n')) : r.signature;
    if (role == Qt::ToolTipRole && (index.column() == Key || index.column() == Reason))
        return data(index, Qt::DisplayRole);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Seq: return r.seq;
    case Time: return r.timeUtc;
    case User:
        return r.printedName.isEmpty() ? r.userId : QStringLiteral("%1 (%2)").arg(r.printedName, r.userId);
    case Action: return r.action;
    case Entity: return r.entity;
    case Key: return r.entityKey;
    case Changes: return r.signature.isEmpty() ? r.changes.join(QStringLiteral("; ")) : r.signature;
    case Reason: return r.reason;
    case Run: return r.runId;
    case ColumnCount: break;
    }
    return {};
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Seq: return tr("#");
    case Time: return tr("Time (UTC)");
    case User: return tr("User");
    case Action: return tr("Action");
    case Entity: return tr("Entity");
    case Key: return tr("Key");
    case Changes: return tr("Changes");
    case Reason: return tr("Reason");
    case Run: return tr("Run");
    case ColumnCount: break;
    }
    return {};
}

} // namespace tb::core
