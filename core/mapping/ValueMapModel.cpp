#include "mapping/ValueMapModel.h"

#include <QLocale>

#include <algorithm>

namespace tb::core {

ValueMapModel::ValueMapModel(QObject* parent) : QAbstractTableModel(parent) {}

void ValueMapModel::setParameters(const QJsonObject& params)
{
    m_map = params.value(QLatin1String("map")).toObject();
    m_unmapped = params.value(QLatin1String("unmapped")).toString(QStringLiteral("reject"));
    m_default = params.value(QLatin1String("default")).toString();
    m_ignoreCase = params.value(QLatin1String("ignoreCase")).toBool();
    rebuild();
}

void ValueMapModel::setCodelist(const QString& name, const QStringList& terms)
{
    m_codelistName = name;
    m_terms = terms;
    m_termSet = QSet<QString>(terms.begin(), terms.end());
    rebuild();
}

void ValueMapModel::setProfile(const DistinctValueProfiler::Result& profile)
{
    m_hasProfile = true;
    m_counts.clear();
    for (const DistinctValueProfiler::Value& v : profile.values) {
        m_counts.insert(v.value, v.count);
        m_extra.insert(v.value);
    }
    rebuild();
}

void ValueMapModel::clearExtraRows()
{
    m_hasProfile = false;
    m_counts.clear();
    m_extra.clear();
    rebuild();
}

bool ValueMapModel::addSourceValue(const QString& value)
{
    if (value.isEmpty() || m_rows.contains(value))
        return false;
    m_extra.insert(value);
    rebuild();
    return true;
}

QString ValueMapModel::matchingTerm(const QString& value, const QStringList& terms)
{
    const auto normal = [](QString s) {
        s = s.trimmed().toUpper();
        s.replace(QLatin1Char(' '), QLatin1Char('_'));
        s.replace(QLatin1Char('-'), QLatin1Char('_'));
        return s;
    };
    if (terms.contains(value))
        return value;
    const QString v = normal(value);
    for (const QString& t : terms)
        if (normal(t) == v)
            return t;
    return {};
}

QJsonObject ValueMapModel::prefilledMap() const
{
    QJsonObject out = m_map;
    QStringList values = m_counts.keys();
    values.sort();
    for (const QString& v : values) {
        if (!keyFor(v).isNull())
            continue;
        const QString term = matchingTerm(v, m_terms);
        if (!term.isNull())
            out.insert(v, term);
    }
    return out;
}

QString ValueMapModel::keyFor(const QString& sourceValue) const
{
    if (m_map.contains(sourceValue))
        return sourceValue;
    if (m_ignoreCase)
        for (auto it = m_map.begin(); it != m_map.end(); ++it)
            if (it.key().compare(sourceValue, Qt::CaseInsensitive) == 0)
                return it.key();
    return {};
}

void ValueMapModel::rebuild()
{
    QSet<QString> all = m_extra;
    for (auto it = m_map.begin(); it != m_map.end(); ++it)
        all.insert(it.key());
    QStringList rows(all.begin(), all.end());
    std::sort(rows.begin(), rows.end()); // the document's key order
    if (rows == m_rows) {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ValueMapModel::rowOf(const QString& sourceValue) const
{
    return int(m_rows.indexOf(sourceValue));
}

int ValueMapModel::rowFlags(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return NoFlags;
    const QString key = keyFor(m_rows[row]);
    if (key.isNull())
        return NotMapped;
    const QJsonValue code = m_map.value(key);
    if (code.isString() && !m_termSet.isEmpty() && !m_termSet.contains(code.toString()))
        return NotInCodelist;
    return NoFlags;
}

int ValueMapModel::count(Flag flag) const
{
    int n = 0;
    for (int row = 0; row < m_rows.size(); ++row)
        if (rowFlags(row) & flag)
            ++n;
    return n;
}

QString ValueMapModel::explanation(int row) const
{
    const int f = rowFlags(row);
    if (f & NotMapped) {
        const QString& v = m_rows[row];
        if (m_unmapped == QLatin1String("default"))
            return tr("No code for \"%1\": such values become the default \"%2\".").arg(v, m_default);
        if (m_unmapped == QLatin1String("pass"))
            return tr("No code for \"%1\": such values pass unchanged.").arg(v);
        return tr("No code for \"%1\": records with this value are rejected.").arg(v);
    }
    if (f & NotInCodelist)
        return tr("\"%1\" is not a term of the codelist %2 (%3): the record will fail validation.")
            .arg(m_map.value(keyFor(m_rows[row])).toString(), m_codelistName,
                 m_terms.join(QStringLiteral(", ")));
    return {};
}

int ValueMapModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ValueMapModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ValueMapModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString& source = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case SourceColumn: return source;
        case CodeColumn: {
            const QString key = keyFor(source);
            if (key.isNull())
                return QString();
            const QJsonValue code = m_map.value(key);
            // A null code makes the value missing; shown as such, edited as empty text.
            if (code.isNull())
                return role == Qt::DisplayRole ? tr("(missing)") : QString();
            return code.toString();
        }
        case CountColumn:
            if (role == Qt::DisplayRole && m_counts.contains(source))
                return QLocale().toString(m_counts.value(source));
            return role == Qt::EditRole && m_counts.contains(source) ? QVariant(m_counts.value(source)) : QVariant();
        }
        return {};
    case Qt::ToolTipRole: {
        const QString why = explanation(index.row());
        return why.isEmpty() ? QVariant() : QVariant(why);
    }
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case FlagsRole: return rowFlags(index.row());
    case SourceValueRole: return source;
    default: return {};
    }
}

bool ValueMapModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != CodeColumn)
        return false;
    const QString source = m_rows[index.row()];
    const QString code = value.toString();
    const QString existing = keyFor(source);
    const QString key = existing.isNull() ? source : existing;
    if (code.isEmpty()) {
        if (existing.isNull())
            return true; // nothing to clear
        m_map.remove(key);
    } else {
        if (m_map.value(key) == QJsonValue(code))
            return true;
        m_map.insert(key, code);
    }
    // The row stays, also when the map no longer names it.
    m_extra.insert(source);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit mapEdited();
    return true;
}

QVariant ValueMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SourceColumn: return tr("Source value");
    case CodeColumn: return tr("Target code");
    case CountColumn: return tr("Rows");
    default: return {};
    }
}

Qt::ItemFlags ValueMapModel::flags(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == CodeColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

} // namespace tb::core
