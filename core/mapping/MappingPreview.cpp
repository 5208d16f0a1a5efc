#include "mapping/MappingPreview.h"

#include "mapping/MappingPlan.h"
#include "model/Record.h"
#include "run/PipelineDocument.h"
#include "source/RecordSource.h"
#include "study/StudyConfig.h"
#include "study/StudyReferenceData.h"
#include "validate/BusinessRules.h"
#include "validate/RecordValidator.h"

#include <QFileInfo>
#include <QHash>

namespace tb::core {

namespace {

QString keyOf(const Values& key)
{
    return QStringList(key.begin(), key.end()).join(QChar(0x1F));
}

std::unique_ptr<RecordSource> openSource(const MappingDocument& doc, const QString& path, QString* error)
{
    RecordSource::Kind kind;
    if (!RecordSource::parseKind(doc.sourceKind, &kind) || RecordSource::isRemote(kind)) {
        *error = QStringLiteral("%1: a %2 source has no sample file to preview")
                     .arg(QFileInfo(path).fileName(), doc.sourceKind);
        return nullptr;
    }
    std::unique_ptr<RecordSource> source = RecordSource::create(kind, doc.dialect, doc.odm);
    if (!source->open(path)) {
        *error = source->error().toString();
        return nullptr;
    }
    return source;
}

// A study document for the field rules when the workspace has none: the schema's codelists, no parameters
// (mappings reading one fail to plan, as they would in a run) and no business rules.
std::shared_ptr<const StudyConfig> placeholderStudy(std::shared_ptr<const CtmsSchema> schema)
{
    QString error;
    return StudyConfig::fromJson(R"({"format": "trialbridge.study/1", "study_id": "-"})",
                                 QStringLiteral("preview"), std::move(schema), &error);
}

} // namespace

bool MappingPreview::Row::hasError() const
{
    for (const Cell& c : cells)
        if (c.hasIssue && c.severity == ValidationIssue::Severity::Error)
            return true;
    return !recordIssues.isEmpty();
}

MappingPreview::Context MappingPreview::contextFor(const PipelineDocument& pipeline,
                                                   const QString& mappingPath,
                                                   std::shared_ptr<const CtmsSchema> schema)
{
    Context ctx;
    const QString wanted = QFileInfo(mappingPath).canonicalFilePath();
    const PipelineDocument::Step* step = nullptr;
    for (const PipelineDocument::Step& s : pipeline.steps)
        if (!step && QFileInfo(pipeline.resolve(s.mapping)).canonicalFilePath() == wanted)
            step = &s;
    if (!step)
        return ctx;
    if (!pipeline.study.isEmpty()) {
        QString error;
        ctx.study = StudyConfig::load(pipeline.resolve(pipeline.study), schema, &error);
        if (!ctx.study)
            ctx.error = error;
    }
    MappingDocument own;
    QString error;
    if (!MappingDocument::load(pipeline.resolve(step->mapping), &own, &error))
        return ctx;
    const EntityDef* entity = schema->entity(own.targetEntity);
    if (!entity || entity->unitEntity() == entity->name)
        return ctx;
    // The unit's root rows (upserts of the unit entity) in pipeline order, as the run reads them.
    for (const PipelineDocument::Step& s : pipeline.steps) {
        RootSource root;
        if (!MappingDocument::load(pipeline.resolve(s.mapping), &root.mapping, &error))
            continue;
        if (root.mapping.targetEntity != entity->unitEntity() ||
            root.mapping.mode != MappingDocument::Mode::Upsert)
            continue;
        root.mappingFile = pipeline.resolve(s.mapping);
        root.source = pipeline.resolve(s.source);
        ctx.roots << root;
    }
    return ctx;
}

MappingPreview::Result MappingPreview::run(const Input& in)
{
    Result out;
    const EntityDef* entity = in.schema->entity(in.mapping.targetEntity);
    out.entity = in.mapping.targetEntity;
    if (entity)
        for (const FieldDef& f : entity->fields)
            if (in.mapping.field(f.name)) {
                out.fields << f.name;
                out.labels << f.label;
            }
    if (in.sample.isEmpty()) {
        out.error = QStringLiteral("no sample file: open a sample of the source to preview the mapping");
        return out;
    }
    const QString sampleName = QFileInfo(in.sample).fileName();
    QString error;
    std::unique_ptr<RecordSource> source = openSource(in.mapping, in.sample, &error);
    if (!source) {
        out.error = error;
        return out;
    }
    const StudyConfig* study = in.context.study.get();
    if (!in.context.error.isEmpty())
        out.notes << in.context.error;
    std::unique_ptr<MappingPlan> plan =
        MappingPlan::compile(in.mapping, QFileInfo(in.mappingFile).fileName(), in.schema, source->header(),
                             sampleName, study, &error);
    if (!plan) {
        out.error = error;
        return out;
    }
    const std::shared_ptr<const StudyConfig> fieldStudy =
        study ? in.context.study : placeholderStudy(in.schema);
    std::unique_ptr<StudyReferenceData> reference;
    if (study)
        reference = std::make_unique<StudyReferenceData>(in.context.study);
    else
        out.notes << QStringLiteral(
            "no study document: study parameters, site time zones and business rules are "
            "not available");

    // The first N rows the filter keeps, with their unit keys.
    struct Raw
    {
        std::vector<QString> fields;
        SourceLocation where;
        QString unitKey;
    };
    std::vector<Raw> raws;
    TransformContext keyCtx;
    keyCtx.study = study;
    keyCtx.reference = reference.get();
    while (int(raws.size()) < in.limit && source->next()) {
        if (!plan->accepts(source->fields()))
            continue;
        Raw r{source->fields(), source->location(), {}};
        r.where.file = sampleName;
        Values key;
        if (plan->unitKey(r.fields, keyCtx, &key))
            r.unitKey = keyOf(key);
        raws.push_back(std::move(r));
    }
    if (source->hasError()) {
        out.error = source->error().toString();
        return out;
    }

    // A child's unit root from the pipeline's root sources: the first upsert row of its key, mapped.
    const bool isChild = &plan->unitEntity() != &plan->entity();
    QHash<QString, Record> roots;
    if (isChild) {
        QSet<QString> wanted;
        for (const Raw& r : raws)
            if (!r.unitKey.isEmpty())
                wanted.insert(r.unitKey);
        for (const RootSource& rs : in.context.roots) {
            if (wanted.isEmpty())
                break;
            std::unique_ptr<RecordSource> rootSource = openSource(rs.mapping, rs.source, &error);
            std::unique_ptr<MappingPlan> rootPlan =
                rootSource ? MappingPlan::compile(rs.mapping, QFileInfo(rs.mappingFile).fileName(), in.schema,
                                                  rootSource->header(), QFileInfo(rs.source).fileName(),
                                                  study, &error)
                           : nullptr;
            if (!rootPlan) {
                out.notes << error;
                continue;
            }
            rootSource->setDecodedColumns(rootPlan->indexColumns());
            std::vector<RecordPosition> positions;
            while (!wanted.isEmpty() && rootSource->next()) {
                const std::vector<QString>& row = rootSource->fields();
                if (!rootPlan->accepts(row))
                    continue;
                Values key;
                if (!rootPlan->unitKey(row, keyCtx, &key) || !wanted.contains(keyOf(key)))
                    continue;
                wanted.remove(keyOf(key));
                positions.push_back(rootSource->position());
            }
            if (rootSource->hasError()) {
                out.notes << rootSource->error().toString();
                continue;
            }
            // Read back whole: the index pass decoded only the key columns.
            rootSource->setDecodedColumns(std::vector<bool>(size_t(rootSource->header().size()), true));
            for (const RecordPosition& p : positions) {
                if (!rootSource->seek(p) || !rootSource->next())
                    break;
                Record rec;
                QVector<ValidationIssue> ignored;
                TransformContext ctx;
                ctx.study = study;
                ctx.reference = reference.get();
                rootPlan->map(rootSource->fields(), rootSource->location(), ctx, rec, ignored);
                Values key;
                if (rootPlan->unitKey(rec, &key))
                    roots.insert(keyOf(key), rec);
            }
        }
    }

    RecordValidator validator(*fieldStudy);
    std::unique_ptr<BusinessRules> rules =
        reference ? std::make_unique<BusinessRules>(*study, *reference) : nullptr;
    struct Seen
    {
        int row;
        std::vector<QString> values;
    };
    QHash<QString, Seen> seenKeys; // record key → its first row
    for (const Raw& raw : raws) {
        const Record* root = nullptr;
        if (isChild) {
            const auto it = roots.constFind(raw.unitKey);
            if (it != roots.constEnd())
                root = &*it;
        }
        TransformContext ctx;
        ctx.study = study;
        ctx.reference = reference.get();
        ctx.unitRoot = root;
        Record rec;
        QVector<ValidationIssue> issues;
        plan->map(raw.fields, raw.where, ctx, rec, issues);
        validator.validate(rec, issues);
        if (rules) {
            if (!isChild)
                rules->check(rec, &rec, issues);
            else if (root)
                rules->check(rec, root, issues);
        }

        Row row;
        row.source = raw.where;
        row.key = rec.keyLabel();
        if (isChild && !root)
            row.recordIssues << QStringLiteral(
                                    "%1 %2 has no %3 in the pipeline's %3 source (the run looks in the CTMS "
                                    "too): its site and the rules that need the %3 are unknown here")
                                    .arg(entity->label, row.key, plan->unitEntity().label.toLower());
        // Repeated keys, as the run judges them within a unit (identical repeats may be allowed).
        const QString recordKey = rec.key();
        const auto seen = seenKeys.constFind(recordKey);
        if (seen == seenKeys.constEnd())
            seenKeys.insert(recordKey, {int(out.rows.size()), rec.values});
        else if (in.mapping.duplicates != MappingDocument::Duplicates::Identical ||
                 seen->values != rec.values)
            row.recordIssues << QStringLiteral("%1 %2 appears twice: also at %3")
                                    .arg(entity->label, row.key, out.rows[seen->row].source.toString());
        for (const QString& f : out.fields) {
            Cell cell;
            const int index = entity->indexOf(f);
            cell.value = rec.isAssigned(index) ? rec.value(index) : QString();
            QStringList messages;
            for (const ValidationIssue& is : issues) {
                if (is.field != f)
                    continue;
                if (!cell.hasIssue || (is.severity == ValidationIssue::Severity::Error &&
                                       cell.severity != ValidationIssue::Severity::Error)) {
                    cell.rule = is.rule;
                    cell.severity = is.severity;
                }
                cell.hasIssue = true;
                if (cell.value.isNull() && cell.source.isNull())
                    cell.source = is.value;
                messages << is.message;
            }
            cell.message = messages.join(QLatin1Char('\n'));
            if (cell.hasIssue)
                ++(cell.severity == ValidationIssue::Severity::Error ? out.invalidCells : out.warningCells);
            row.cells << cell;
        }
        for (const ValidationIssue& is : issues)
            if (!out.fields.contains(is.field))
                (is.severity == ValidationIssue::Severity::Error ? row.recordIssues : row.recordWarnings)
                    << is.message;
        out.rows << row;
    }
    return out;
}

} // namespace tb::core
