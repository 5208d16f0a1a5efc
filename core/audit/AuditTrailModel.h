#pragma once

#include "audit/AuditExport.h"

#include <QAbstractTableModel>
#include <QJsonObject>

#include <vector>

namespace tb::core {

// The audit trail of a target database as a table for the console's audit page: the QA report's rows
// (AuditExport::rows — the same entries and wording as the CSV and PDF exports), oldest first, the latest `limit` of
// them; what an entry changed is read on demand (images()).
class AuditTrailModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Seq, Time, User, Action, Entity, Key, Changes, Reason, Run, ColumnCount };

    explicit AuditTrailModel(QObject* parent = nullptr);

    bool load(const QString& databasePath, const AuditFilter& filter, const QHash<QString, QString>& printedNames,
              qint64 limit, QString* error);
    void clear();
    QString databasePath() const { return m_path; }
    // More entries matched than were loaded (the earlier ones are left out).
    bool truncated() const { return m_matched > qint64(m_rows.size()); }
    qint64 matched() const { return m_matched; }
    const AuditExport::Row& entry(int row) const { return m_rows[size_t(row)]; }
    int rowOfSeq(qint64 seq) const; // -1 when not loaded

    // An entry's before and after images (changed fields before and after; every field of an insert).
    bool images(qint64 seq, QJsonObject* before, QJsonObject* after, QString* error) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString m_path;
    std::vector<AuditExport::Row> m_rows;
    qint64 m_matched = 0;
};

} // namespace tb::core
