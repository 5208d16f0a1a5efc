#pragma once

#include <QAbstractTableModel>
#include <QVector>

namespace tb::core {

// What a target holds per site now: subjects, their visits and adverse events (read-only). The
// Reconciliation page shows it beside the run's balance; later dashboards will chart it.
class SiteCountModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Study, Site, Name, Subjects, Visits, AdverseEvents, ColumnCount };

    struct Row
    {
        QString study, site, name;
        qint64 subjects = 0, visits = 0, adverseEvents = 0;
    };

    explicit SiteCountModel(QObject* parent = nullptr);

    // false with error (and an empty model) when the target cannot be read.
    bool load(const QString& databasePath, QString* error);
    void clear();
    const Row& row(int r) const { return m_rows[r]; }
    Row total() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Row> m_rows;
};

} // namespace tb::core
