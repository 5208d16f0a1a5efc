#include "run/WriteChunk.h"

#include "load/EntityTable.h"
#include "model/Record.h"

namespace tb::core {

namespace {

// "name":value, a comma first unless it is the first member; a null value is JSON null.
void appendMember(AuditChain::Encoder& out, const FieldDef& field, const QString& value, bool* first)
{
    if (!*first)
        out.appendAscii(",", 1);
    *first = false;
    out.appendJsonString(field.name);
    out.appendAscii(":", 1);
    if (value.isNull())
        out.appendAscii("null", 4);
    else
        out.appendJsonString(value);
}

} // namespace

WriteOp WriteOp::reject(const ValidationIssue& issue, const QString& sourceRecordJson, const QString& status)
{
    WriteOp op;
    op.kind = Kind::Reject;
    op.extra = std::make_unique<Extra>();
    op.extra->issue = issue;
    op.extra->sourceRecordJson = sourceRecordJson;
    op.extra->rejectStatus = status;
    return op;
}

WriteOp WriteOp::warning(const ValidationIssue& issue)
{
    WriteOp op;
    op.kind = Kind::Warning;
    op.extra = std::make_unique<Extra>();
    op.extra->issue = issue;
    return op;
}

WriteOp WriteOp::unitState(const QString& unitEntity, quint64 keyHash, UnitStateStore::State state)
{
    WriteOp op;
    op.kind = Kind::UnitState;
    op.extra = std::make_unique<Extra>();
    op.extra->unitEntity = unitEntity;
    op.extra->keyHash = keyHash;
    op.extra->state = std::move(state);
    return op;
}

void WriteChunk::clear()
{
    m_ops.clear();
    m_bytes.clear();
}

void WriteChunk::addRow(const EntityDef& e, const std::vector<QString>& values, const QByteArray* hash,
                        const QString& sourceModified, const AuditFacts& facts)
{
    // The table's column order (EntityTable): the fields, then _hash, _source_ref, _source_modified, _run_id.
    for (int i = 0; i < e.fields.size(); ++i) {
        const QString& v = values[size_t(i)];
        if (e.fields[i].type == FieldType::Integer && !v.isNull())
            m_bytes.addInteger(v.toLongLong());
        else
            m_bytes.addText(v);
    }
    if (!hash)
        return;
    m_bytes.addBlob(hash->constData(), hash->size());
    m_bytes.addText(facts.sourceRef);
    m_bytes.addText(sourceModified);
    m_bytes.addInteger(facts.runId);
}

void WriteChunk::addAudit(const char* action, const EntityDef& e, const std::vector<QString>& key,
                          const std::vector<QString>* before, const std::vector<QString>* after,
                          const AuditFacts& facts)
{
    // AuditChain::FieldNames order: ts_utc, actor, action, entity, natural_key, study_id, site_id,
    // subject_id, before_json, after_json, run_id, source_ref, reason.
    AuditChain::Encoder& b = m_bytes;
    b.addText(*facts.timeUtc);
    b.addText(*facts.actor);
    b.addText(action, qsizetype(qstrlen(action)));
    b.addText(e.name);
    qsizetype opened = b.openText();
    b.appendAscii("{", 1);
    bool first = true;
    for (int k : e.keyFields)
        appendMember(b, e.fields[k], key[size_t(k)], &first);
    b.appendAscii("}", 1);
    b.closeText(opened);
    auto value = [&key](int field) -> const QString& {
        static const QString none;
        return field < 0 ? none : key[size_t(field)];
    };
    b.addText(value(e.studyField));
    b.addText(value(e.siteField));
    b.addText(value(e.subjectField));
    // Inserts: every field with a value after, except the key (natural_key has it); deletes: the same of
    // what was deleted, before; updates: the fields that changed, before and after.
    for (const std::vector<QString>* image : {before, after}) {
        if (!image) {
            b.addNull();
            continue;
        }
        const std::vector<QString>* other = image == before ? after : before;
        opened = b.openText();
        b.appendAscii("{", 1);
        first = true;
        for (int i = 0; i < e.fields.size(); ++i) {
            const QString& v = (*image)[size_t(i)];
            if (other) {
                const QString& o = (*other)[size_t(i)];
                if (v == o && v.isNull() == o.isNull())
                    continue;
            } else if (v.isNull() || e.isKeyField(i)) {
                continue;
            }
            appendMember(b, e.fields[i], v, &first);
        }
        b.appendAscii("}", 1);
        b.closeText(opened);
    }
    if (facts.runId > 0)
        b.addInteger(facts.runId);
    else
        b.addNull();
    b.addText(facts.sourceRef);
    b.addText(facts.reason);
}

void WriteChunk::chainAudit(WriteOp& op, const AuditFacts& facts) const
{
    if (facts.chain)
        op.hashed.seq = facts.chain->append(bytes(op.audit), op.auditBytes, &op.hashed.prev, &op.hashed.hash);
}

void WriteChunk::addInsert(const Record& rec, const QByteArray& hash, const AuditFacts& facts)
{
    addChange(WriteOp::Kind::Insert, rec, nullptr, hash, facts);
}

void WriteChunk::addUpdate(const Record& rec, const std::vector<QString>& before, const QByteArray& hash,
                           const AuditFacts& facts)
{
    addChange(WriteOp::Kind::Update, rec, &before, hash, facts);
}

void WriteChunk::addChange(WriteOp::Kind kind, const Record& rec, const std::vector<QString>* before,
                           const QByteArray& hash, const AuditFacts& facts)
{
    WriteOp op;
    op.kind = kind;
    op.entity = rec.entity;
    op.row = m_bytes.size();
    addRow(*rec.entity, rec.values, &hash, rec.sourceModified, facts);
    op.audit = m_bytes.size();
    addAudit(kind == WriteOp::Kind::Insert ? "insert" : "update", *rec.entity, rec.values, before, &rec.values, facts);
    op.auditBytes = m_bytes.size() - op.audit;
    chainAudit(op, facts);
    m_ops.push_back(std::move(op));
}

void WriteChunk::addDelete(const EntityDef& e, const std::vector<QString>& before, const AuditFacts& facts)
{
    WriteOp op;
    op.kind = WriteOp::Kind::Delete;
    op.entity = &e;
    op.row = m_bytes.size();
    addRow(e, before, nullptr, QString(), facts);
    op.audit = m_bytes.size();
    addAudit("delete", e, before, &before, nullptr, facts);
    op.auditBytes = m_bytes.size() - op.audit;
    chainAudit(op, facts);
    m_ops.push_back(std::move(op));
}

} // namespace tb::core
