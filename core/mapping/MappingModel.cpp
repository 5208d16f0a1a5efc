#include "mapping/MappingModel.h"

namespace tb::core {

MappingModel::MappingModel(std::shared_ptr<const CtmsSchema> schema, QObject* parent)
    : QObject(parent), m_schema(std::move(schema))
{
}

MappingModel::~MappingModel() = default;

void MappingModel::setDocument(const MappingDocument& doc)
{
    m_doc = doc;
    m_links.clear();
    // Ids start again: nothing may refer to the links of the previous document (the undo stack is cleared
    // with it).
    m_nextId = 1;
    auto take = [this](FieldRule& r) {
        for (const QString& column : r.from)
            m_links.append(MappingLink{m_nextId++, column, r.target});
        r.from.clear();
    };
    for (FieldRule& r : m_doc.fields)
        take(r);
    if (!m_doc.modifiedAt.target.isEmpty())
        take(m_doc.modifiedAt);
    emit documentReset();
    emit problemsChanged();
}

MappingDocument MappingModel::toDocument() const
{
    MappingDocument doc = m_doc;
    auto fill = [this](FieldRule& r) {
        for (const MappingLink& l : m_links)
            if (l.target == r.target)
                r.from << l.column;
        return !r.from.isEmpty() || !r.constValue.isNull() || !r.param.isEmpty();
    };
    doc.fields.clear();
    for (FieldRule r : m_doc.fields)
        if (fill(r))
            doc.fields << r;
    if (!doc.modifiedAt.target.isEmpty() && !fill(doc.modifiedAt))
        doc.modifiedAt = FieldRule();
    return doc;
}

const EntityDef* MappingModel::entity() const
{
    return m_schema ? m_schema->entity(m_doc.targetEntity) : nullptr;
}

int MappingModel::indexOfLink(int id) const
{
    for (int i = 0; i < m_links.size(); ++i)
        if (m_links[i].id == id)
            return i;
    return -1;
}

MappingLink MappingModel::link(int id) const
{
    const int i = indexOfLink(id);
    return i < 0 ? MappingLink() : m_links[i];
}

QVector<int> MappingModel::linksTo(const QString& target) const
{
    QVector<int> out;
    for (const MappingLink& l : m_links)
        if (l.target == target)
            out << l.id;
    return out;
}

QVector<int> MappingModel::linksFrom(const QString& column) const
{
    QVector<int> out;
    for (const MappingLink& l : m_links)
        if (l.column == column)
            out << l.id;
    return out;
}

int MappingModel::findLink(const QString& column, const QString& target) const
{
    for (const MappingLink& l : m_links)
        if (l.column == column && l.target == target)
            return l.id;
    return 0;
}

int MappingModel::positionOf(int id) const
{
    const int i = indexOfLink(id);
    if (i < 0)
        return -1;
    int position = 0;
    for (int j = 0; j < i; ++j)
        if (m_links[j].target == m_links[i].target)
            ++position;
    return position;
}

FieldRule* MappingModel::rule(const QString& target)
{
    if (target == QLatin1String(ModifiedTarget))
        return m_doc.modifiedAt.target.isEmpty() ? nullptr : &m_doc.modifiedAt;
    return m_doc.field(target);
}

const FieldRule* MappingModel::rule(const QString& target) const
{
    if (target == QLatin1String(ModifiedTarget))
        return m_doc.modifiedAt.target.isEmpty() ? nullptr : &m_doc.modifiedAt;
    return m_doc.field(target);
}

FieldRule& MappingModel::ensureRule(const QString& target)
{
    if (FieldRule* r = rule(target))
        return *r;
    if (target == QLatin1String(ModifiedTarget)) {
        m_doc.modifiedAt = FieldRule();
        m_doc.modifiedAt.target = target;
        return m_doc.modifiedAt;
    }
    FieldRule r;
    r.target = target;
    m_doc.fields << r;
    return m_doc.fields.last();
}

int MappingModel::insertionIndex(const QString& target, int position) const
{
    if (position >= 0) {
        int seen = 0;
        for (int i = 0; i < m_links.size(); ++i)
            if (m_links[i].target == target && seen++ == position)
                return i;
    }
    // After the target's last link keeps a target's links together; at the end when it has none.
    for (int i = m_links.size() - 1; i >= 0; --i)
        if (m_links[i].target == target)
            return i + 1;
    return m_links.size();
}

void MappingModel::edited()
{
    emit changed();
    emit problemsChanged();
}

int MappingModel::addLink(const QString& column, const QString& target, int position, int id)
{
    if (column.isEmpty() || target.isEmpty() || (id != 0 && hasLink(id)))
        return 0;
    if (id == 0)
        id = m_nextId++;
    else
        m_nextId = qMax(m_nextId, id + 1);
    FieldRule& r = ensureRule(target);
    const bool hadValue = !r.constValue.isNull() || !r.param.isEmpty();
    r.constValue = QString();
    r.param.clear();
    m_links.insert(insertionIndex(target, position), MappingLink{id, column, target});
    if (hadValue)
        emit fieldChanged(target);
    emit linkAdded(id);
    edited();
    return id;
}

bool MappingModel::removeLink(int id)
{
    const int i = indexOfLink(id);
    if (i < 0)
        return false;
    emit linkAboutToBeRemoved(id);
    const MappingLink l = m_links.takeAt(i);
    emit linkRemoved(id, l.column, l.target);
    edited();
    return true;
}

bool MappingModel::moveLink(int id, const QString& target, int position)
{
    int i = indexOfLink(id);
    if (i < 0 || target.isEmpty())
        return false;
    MappingLink l = m_links.takeAt(i);
    FieldRule& r = ensureRule(target);
    const bool hadValue = !r.constValue.isNull() || !r.param.isEmpty();
    r.constValue = QString();
    r.param.clear();
    l.target = target;
    m_links.insert(insertionIndex(target, position), l);
    if (hadValue)
        emit fieldChanged(target);
    emit linkChanged(id);
    edited();
    return true;
}

QString MappingModel::constValue(const QString& target) const
{
    const FieldRule* r = rule(target);
    return r ? r->constValue : QString();
}

QString MappingModel::param(const QString& target) const
{
    const FieldRule* r = rule(target);
    return r ? r->param : QString();
}

bool MappingModel::setFieldValue(const QString& target, const QString& constValue, const QString& param)
{
    if (target.isEmpty() || !linksTo(target).isEmpty() || (!constValue.isNull() && !param.isEmpty()))
        return false;
    FieldRule& r = ensureRule(target);
    if (r.constValue == constValue && r.constValue.isNull() == constValue.isNull() && r.param == param)
        return true;
    r.constValue = constValue;
    r.param = param;
    emit fieldChanged(target);
    edited();
    return true;
}

QVector<TransformSpec> MappingModel::transforms(const QString& target) const
{
    const FieldRule* r = rule(target);
    return r ? r->transforms : QVector<TransformSpec>();
}

bool MappingModel::setTransforms(const QString& target, const QVector<TransformSpec>& transforms)
{
    if (target.isEmpty())
        return false;
    FieldRule& r = ensureRule(target);
    if (r.transforms == transforms)
        return true;
    r.transforms = transforms;
    emit fieldChanged(target);
    edited();
    return true;
}

bool MappingModel::isMapped(const QString& target) const
{
    const FieldRule* r = rule(target);
    if (r && (!r->constValue.isNull() || !r->param.isEmpty()))
        return true;
    for (const MappingLink& l : m_links)
        if (l.target == target)
            return true;
    return false;
}

bool MappingModel::mustBeMapped(const QString& target) const
{
    const EntityDef* e = entity();
    if (!e)
        return false;
    const int i = e->indexOf(target);
    if (i < 0)
        return false;
    // As MappingPlan::compile checks them.
    return e->isKeyField(i) || (m_doc.mode == MappingDocument::Mode::Upsert && e->fields[i].required);
}

void MappingModel::setSourceColumns(const QStringList& columns)
{
    m_columns = QSet<QString>(columns.begin(), columns.end());
    m_hasColumns = true;
    emit sourceColumnsChanged();
    emit problemsChanged();
}

void MappingModel::clearSourceColumns()
{
    m_columns.clear();
    m_hasColumns = false;
    emit sourceColumnsChanged();
    emit problemsChanged();
}

bool MappingModel::isKnownTarget(const QString& target) const
{
    const EntityDef* e = entity();
    return target == QLatin1String(ModifiedTarget) || (e && e->indexOf(target) >= 0);
}

QVector<MappingProblem> MappingModel::problems() const
{
    QVector<MappingProblem> out;
    const EntityDef* e = entity();
    if (!e) {
        MappingProblem p;
        p.kind = MappingProblem::Kind::UnknownEntity;
        p.message = tr("The target entity \"%1\" is not part of the CTMS model.").arg(m_doc.targetEntity);
        out << p;
    } else {
        for (const FieldDef& f : e->fields)
            if (mustBeMapped(f.name) && !isMapped(f.name)) {
                MappingProblem p;
                p.target = f.name;
                p.message = tr("The required field %1 is not mapped: connect a source column to it.").arg(f.name);
                out << p;
            }
    }
    for (const MappingLink& l : m_links) {
        MappingProblem p;
        p.target = l.target;
        p.column = l.column;
        p.linkId = l.id;
        if (e && !isKnownTarget(l.target)) {
            p.kind = MappingProblem::Kind::UnknownTarget;
            p.message = tr("%1 → %2: %3 has no field %2.").arg(l.column, l.target, e->name);
            out << p;
        } else if (m_hasColumns && !m_columns.contains(l.column)) {
            p.kind = MappingProblem::Kind::BrokenLink;
            p.message = tr("%1 → %2: the source has no column %1.").arg(l.column, l.target);
            out << p;
        }
    }
    if (e)
        for (const FieldRule& r : m_doc.fields)
            if ((!r.constValue.isNull() || !r.param.isEmpty()) && !isKnownTarget(r.target)) {
                MappingProblem p;
                p.kind = MappingProblem::Kind::UnknownTarget;
                p.target = r.target;
                p.message = tr("%1 has no field %2.").arg(e->name, r.target);
                out << p;
            }
    return out;
}

} // namespace tb::core
