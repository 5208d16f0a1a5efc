#pragma once

#include "mapping/DistinctValueProfiler.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace tb::core {

// The table of a value map transform for the designer: source value → target code, one row per source value
// that the map names, the sample's profile found, or the user added, sorted by source value. Flags: a
// source value without a code (NotMapped: rejected, defaulted or passed as the transform's "unmapped" says)
// and a code outside the target's codelist (NotInCodelist).
//
// Editing a code changes the map here and emits mapEdited(); the designer turns that into an undo command on
// the mapping and hands the resulting map back through setMap(). Rows never disappear while editing (a
// cleared code leaves its source value unmapped), so that an edit never resets the view it came from.
class ValueMapModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SourceColumn, CodeColumn, CountColumn, ColumnCount };
    enum Flag { NoFlags = 0, NotMapped = 1, NotInCodelist = 2 };
    enum Role {
        FlagsRole = Qt::UserRole + 1, // int of Flag bits
        SourceValueRole,              // the row's source value
    };

    explicit ValueMapModel(QObject* parent = nullptr);

    // The transform's parameters ({"map": ..., "unmapped": ..., "default": ..., "ignoreCase": ...}).
    void setParameters(const QJsonObject& params);
    QJsonObject map() const { return m_map; }
    // The codelist the codes must come from; no terms: any code is accepted.
    void setCodelist(const QString& name, const QStringList& terms);
    QString codelistName() const { return m_codelistName; }
    QStringList codelist() const { return m_terms; }

    void setProfile(const DistinctValueProfiler::Result& profile);
    bool hasProfile() const { return m_hasProfile; }
    // Forgets the profile and the values added by hand: a new transform is shown.
    void clearExtraRows();
    // A source value the sample lacks, as a row without a code; false when it is empty or already a row.
    bool addSourceValue(const QString& value);

    // The map with each profiled value that has no code yet mapped to the codelist term it spells (ignoring
    // case and writing spaces or hyphens as underscores): what "Profile values" pre-fills.
    QJsonObject prefilledMap() const;
    // The term a source value spells, or a null string.
    static QString matchingTerm(const QString& value, const QStringList& terms);

    int rowOf(const QString& sourceValue) const; // -1 when none
    int rowFlags(int row) const;
    QString explanation(int row) const; // the flags in words, for the tool tip
    int count(Flag flag) const;         // rows with the flag

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    void mapEdited(); // by setData: map() holds the edited map

private:
    QString keyFor(const QString& sourceValue) const; // the map's key that covers the value; null when none
    void rebuild();

    QJsonObject m_map;
    QString m_unmapped = QStringLiteral("reject");
    QString m_default;
    bool m_ignoreCase = false;
    QString m_codelistName;
    QStringList m_terms;
    QSet<QString> m_termSet;
    bool m_hasProfile = false;
    QHash<QString, qint64> m_counts; // profiled value → rows
    QSet<QString> m_extra;           // rows kept although the map lacks them: profiled, added, cleared
    QStringList m_rows;              // sorted source values
};

} // namespace tb::core
