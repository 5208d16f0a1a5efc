#include "mapping/MappingPlan.h"

#include "mapping/TransformFactory.h"
#include "model/PartialDate.h"
#include "study/StudyConfig.h"

#include <algorithm>
#include <QSet>

namespace tb::core {

std::unique_ptr<MappingPlan> MappingPlan::compile(const MappingDocument& doc, const QString& mappingFile,
                                                  std::shared_ptr<const CtmsSchema> schema, const QStringList& header,
                                                  const QString& sourceFile, const StudyConfig* study,
                                                  QString* error)
{
    auto fail = [&](const QString& message) {
        *error = mappingFile + QStringLiteral(": ") + message;
        return nullptr;
    };
    auto plan = std::unique_ptr<MappingPlan>(new MappingPlan);
    plan->m_doc = doc;
    plan->m_mappingFile = mappingFile;
    plan->m_sourceFile = sourceFile;
    plan->m_schema = schema;
    plan->m_header = std::make_shared<const QStringList>(header);
    plan->m_entity = schema->entity(doc.targetEntity);
    if (!plan->m_entity) {
        QStringList names;
        for (const EntityDef& e : schema->entities())
            names << e.name;
        return fail(QStringLiteral("target.entity: '%1' is not a CTMS entity (entities: %2)")
                        .arg(doc.targetEntity, names.join(QStringLiteral(", "))));
    }
    const EntityDef& e = *plan->m_entity;
    plan->m_unitEntity = schema->entity(e.unitEntity());

    auto compileRule = [&](const FieldRule& r, CompiledField* cf, const QString& path) -> bool {
        cf->targetName = r.target;
        for (const QString& column : r.from) {
            const int i = header.indexOf(column);
            if (i < 0) {
                fail(QStringLiteral("%1 reads column '%2', which %3 does not have (columns: %4)")
                         .arg(path, column, sourceFile, header.join(QStringLiteral(", "))));
                return false;
            }
            cf->columns << i;
        }
        cf->constant = r.constValue;
        cf->isConstant = r.from.isEmpty();
        if (!r.param.isEmpty()) {
            cf->constant = study ? study->parameter(r.param) : QString();
            if (cf->constant.isNull()) {
                fail(QStringLiteral("%1 reads study parameter '%2', which the study document does not define")
                         .arg(path, r.param));
                return false;
            }
        }
        int count = cf->isConstant ? 1 : int(r.from.size());
        for (const TransformSpec& spec : r.transforms) {
            QString terr;
            auto t = TransformFactory::create(spec, &terr);
            if (!t) {
                fail(path + QStringLiteral(": ") + terr);
                return false;
            }
            if (t->combines())
                count = 1;
            cf->transforms.push_back(std::move(t));
        }
        if (count != 1) {
            fail(QStringLiteral("%1 reads %2 columns: add a concat, format or coalesce transform to make one value")
                     .arg(path)
                     .arg(r.from.size()));
            return false;
        }
        cf->memoise = cf->columns.size() == 1 && !cf->transforms.empty()
            && std::all_of(cf->transforms.begin(), cf->transforms.end(), [](const auto& t) { return t->isPure(); });
        if (cf->memoise)
            cf->memo = std::make_unique<std::array<CompiledField::Memo, CompiledField::MemoSlots>>();
        return true;
    };

    QSet<int> mapped;
    std::vector<CompiledField> fields;
    for (const FieldRule& r : doc.fields) {
        CompiledField cf;
        cf.target = e.indexOf(r.target);
        if (cf.target < 0)
            return fail(QStringLiteral("fields.%1: %2 has no field '%1' (fields: %3)")
                            .arg(r.target, e.name, e.fieldNames().join(QStringLiteral(", "))));
        if (!compileRule(r, &cf, QStringLiteral("fields.") + r.target))
            return nullptr;
        mapped.insert(cf.target);
        fields.push_back(std::move(cf));
    }
    for (int k : e.keyFields)
        if (!mapped.contains(k))
            return fail(QStringLiteral("the key field '%1' of %2 is not mapped").arg(e.fields[k].name, e.name));
    if (doc.mode == MappingDocument::Mode::Upsert) {
        for (int i = 0; i < e.fields.size(); ++i)
            if (e.fields[i].required && !mapped.contains(i))
                return fail(QStringLiteral("the required field '%1' of %2 is not mapped: map a column or give it "
                                           "a constant")
                                .arg(e.fields[i].name, e.name));
    }

    // Evaluation order: study, the key, the site, then the rest in schema order.
    auto rank = [&](const CompiledField& f) {
        const QString& n = e.fields[f.target].name;
        if (n == QLatin1String("study_id"))
            return 0;
        if (e.isKeyField(f.target))
            return 1;
        if (n == QLatin1String("site_id"))
            return 2;
        return 3;
    };
    std::stable_sort(fields.begin(), fields.end(), [&](const CompiledField& a, const CompiledField& b) {
        const int ra = rank(a), rb = rank(b);
        return ra != rb ? ra < rb : a.target < b.target;
    });
    plan->m_fields = std::move(fields);

    for (int k : plan->m_unitEntity->keyFields) {
        const QString& name = plan->m_unitEntity->fields[k].name;
        const int target = e.indexOf(name);
        int found = -1;
        for (size_t i = 0; i < plan->m_fields.size(); ++i)
            if (plan->m_fields[i].target == target)
                found = int(i);
        if (target < 0 || found < 0)
            return fail(QStringLiteral("%1 records are loaded per %2, so '%3' must be mapped")
                            .arg(e.name, plan->m_unitEntity->name, name));
        plan->m_unitKeyFields.push_back(found);
        plan->m_unitKeyTargets.push_back(target);
    }

    if (!doc.modifiedAt.target.isEmpty()) {
        plan->m_modified = std::make_unique<CompiledField>();
        if (!compileRule(doc.modifiedAt, plan->m_modified.get(), QStringLiteral("modifiedAt")))
            return nullptr;
    }
    for (const RowFilter& f : doc.filters) {
        const int i = header.indexOf(f.column);
        if (i < 0)
            return fail(QStringLiteral("filter: column '%1' is not in %2 (columns: %3)")
                            .arg(f.column, sourceFile, header.join(QStringLiteral(", "))));
        plan->m_filters.push_back(
            CompiledFilter{i, std::unordered_set<QString, QStringHash>(f.values.begin(), f.values.end()), f.negate});
    }
    return plan;
}

QString MappingPlan::sourceColumns(const QString& targetField) const
{
    const FieldRule* r = m_doc.field(targetField);
    return r ? r->from.join(QLatin1Char('+')) : QString();
}

std::vector<bool> MappingPlan::indexColumns() const
{
    std::vector<bool> used(size_t(m_header->size()), false);
    for (int f : m_unitKeyFields)
        for (int c : m_fields[size_t(f)].columns)
            used[size_t(c)] = true;
    for (const CompiledFilter& f : m_filters)
        used[size_t(f.column)] = true;
    return used;
}

bool MappingPlan::accepts(const std::vector<QString>& row) const
{
    for (const CompiledFilter& f : m_filters)
        if ((f.values.count(row[size_t(f.column)]) > 0) == f.negate)
            return false;
    return true;
}

bool MappingPlan::evaluate(const CompiledField& f, const std::vector<QString>& row, TransformContext& ctx,
                           QString* out) const
{
    CompiledField::Memo* slot = nullptr;
    if (f.memoise) {
        const QString& input = row[size_t(f.columns.front())];
        slot = &(*f.memo)[hash64(input) % CompiledField::MemoSlots];
        ++f.memoLookups;
        if (slot->used && slot->input == input && slot->input.isNull() == input.isNull()) {
            ++f.memoHits;
            if (!slot->ok)
                return ctx.fail(slot->rule, slot->message);
            *out = slot->output;
            return true;
        }
        // Values that rarely repeat are not worth remembering.
        if (f.memoLookups == 4096 && f.memoHits < f.memoLookups / 4) {
            f.memo.reset();
            f.memoise = false;
            slot = nullptr;
        }
    }
    Values values;
    if (f.isConstant) {
        values.append(f.constant);
    } else {
        for (int c : f.columns)
            values.append(row[size_t(c)]);
    }
    bool ok = true;
    for (const auto& t : f.transforms)
        if (!(ok = t->apply(values, ctx)))
            break;
    if (ok)
        *out = values.isEmpty() ? QString() : values[0];
    if (slot) {
        *slot = CompiledField::Memo{row[size_t(f.columns.front())], ok ? *out : QString(), ctx.failedRule,
                                    ctx.failedMessage, true, ok};
    }
    return ok;
}

bool MappingPlan::unitKey(const std::vector<QString>& row, TransformContext& ctx, Values* key) const
{
    key->clear();
    for (int f : m_unitKeyFields) {
        QString v;
        if (!evaluate(m_fields[size_t(f)], row, ctx, &v) || v.isNull())
            return false;
        key->append(v);
    }
    return true;
}

bool MappingPlan::unitKey(const Record& r, Values* key) const
{
    key->clear();
    for (int target : m_unitKeyTargets) {
        const QString& v = r.values[size_t(target)];
        if (v.isNull())
            return false;
        key->append(v);
    }
    return true;
}

bool MappingPlan::map(const std::vector<QString>& row, qint64 line, TransformContext& ctx, Record& rec,
                      QVector<ValidationIssue>& issues) const
{
    return map(row, SourceLocation{m_sourceFile, line, 0, QString()}, ctx, rec, issues);
}

bool MappingPlan::map(const std::vector<QString>& row, const SourceLocation& where, TransformContext& ctx, Record& rec,
                      QVector<ValidationIssue>& issues) const
{
    rec = Record(m_entity);
    if (isMerge())
        rec.assignNone();
    rec.source = where;
    rec.sourceHeader = m_header;
    rec.sourceFields = row;
    ctx.record = &rec;

    struct Failure
    {
        const CompiledField* field;
        QString rule, message;
    };
    QVarLengthArray<Failure, 2> failures;
    auto run = [&](const CompiledField& f, QString* out) {
        ctx.failedRule.clear();
        if (!evaluate(f, row, ctx, out)) {
            failures.append(Failure{&f, ctx.failedRule, ctx.failedMessage});
            *out = QString();
        }
    };
    for (const CompiledField& f : m_fields) {
        run(f, &rec.values[size_t(f.target)]);
        rec.setAssigned(f.target);
    }
    if (m_modified) {
        run(*m_modified, &rec.sourceModified);
        if (!rec.sourceModified.isNull()) {
            const auto d = PartialDate::parse(rec.sourceModified);
            if (!d || !d->hasTime())
                failures.append(Failure{m_modified.get(), QStringLiteral("modified_at"),
                                        QStringLiteral("'%1' is not a UTC date-time: give modifiedAt a date transform "
                                                       "with the source format and zone")
                                            .arg(rec.sourceModified)});
        }
    }
    ctx.record = nullptr;
    if (failures.isEmpty())
        return true;
    const QString key = rec.naturalKeyJson();
    for (const Failure& fl : failures) {
        ValidationIssue is;
        is.entity = m_entity->name;
        is.naturalKey = key;
        is.field = fl.field->targetName;
        QStringList columns, raw;
        for (int c : fl.field->columns) {
            columns << m_header->at(c);
            raw << row[size_t(c)];
        }
        is.value = raw.join(QLatin1Char('|'));
        is.rule = fl.rule;
        is.message = QStringLiteral("%1 %2: %3").arg(m_entity->label, rec.keyLabel(), fl.message);
        const QString cols = columns.join(QLatin1Char('+'));
        is.source = SourceLocation{where.file, where.line, 0, where.field.isEmpty() ? cols : where.field + QLatin1Char(' ') + cols};
        issues << is;
    }
    return false;
}

void MappingPlan::keepNamed(Record& rec, QVector<ValidationIssue>& issues, const std::function<bool(int)>& named) const
{
    for (const CompiledField& f : m_fields) {
        if (m_entity->isKeyField(f.target))
            continue;
        if (std::any_of(f.columns.cbegin(), f.columns.cend(), named))
            continue;
        rec.clearAssigned(f.target);
        issues.removeIf([&](const ValidationIssue& i) { return i.field == f.targetName; });
    }
}

} // namespace tb::core
