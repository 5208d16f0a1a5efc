#pragma once

#include "mapping/MappingDocument.h"
#include "model/CtmsSchema.h"
#include "source/SourceLocation.h"
#include "validate/ValidationIssue.h"

#include <QStringList>
#include <QVector>

#include <memory>

namespace tb::core {

class PipelineDocument;
class StudyConfig;

// The first N records of a sample source run through a mapping the way a pipeline run maps and checks them:
// the real MappingPlan, RecordValidator and BusinessRules, with the study document's sites, schedule and
// codelists. What the designer's live preview shows. No target database is opened: lookups, site time zones
// and visit windows are answered from the study document (StudyReferenceData), and a child record's unit root
// (a visit's subject, for its site's time zone and the rules) is read from the pipeline's root source.
// Pure function of its input, so it runs on any thread.
class MappingPreview
{
public:
    static constexpr int DefaultLimit = 50;

    // Where the unit's root records come from (for a visit mapping: the pipeline's subject mapping and file).
    struct RootSource
    {
        MappingDocument mapping;
        QString mappingFile;
        QString source;
    };

    // What the pipeline around the mapping provides; all optional.
    struct Context
    {
        std::shared_ptr<const StudyConfig> study;
        QVector<RootSource> roots;
        QString error; // why the pipeline's study document could not be read (shown, not fatal)
    };

    struct Input
    {
        MappingDocument mapping;
        QString mappingFile; // for messages
        QString sample;      // the sample source file
        Context context;
        int limit = DefaultLimit;
        std::shared_ptr<const CtmsSchema> schema = CtmsSchema::builtIn();
    };

    struct Cell
    {
        QString value;  // as it would be loaded; null when the field has none
        QString source; // the source value that could not be mapped (value is null then)
        ValidationIssue::Severity severity = ValidationIssue::Severity::Error;
        bool hasIssue = false;
        QString rule;    // the first issue's rule
        QString message; // every issue of the cell, one per line
    };

    struct Row
    {
        SourceLocation source;      // file and line of the source record
        QString key;                // "S1/1001/V2"
        QVector<Cell> cells;        // one per Result::fields
        QStringList recordIssues;   // issues not about one shown field (duplicate key, missing parent)
        QStringList recordWarnings; // the same, of warnings
        bool hasError() const;
    };

    struct Result
    {
        QString entity;
        QStringList fields; // the target fields the mapping writes, in entity order
        QStringList labels; // their labels
        QVector<Row> rows;
        int invalidCells = 0; // cells with an error
        int warningCells = 0; // cells with only warnings
        QString error;        // the mapping cannot be planned or the sample cannot be read: no rows
        QStringList notes;    // what the preview could not do like a run (no study, root source unreadable)
    };

    // The study document and root sources of the first step of pipeline that uses mappingPath; an empty
    // context when no step does.
    static Context contextFor(const PipelineDocument& pipeline, const QString& mappingPath,
                              std::shared_ptr<const CtmsSchema> schema = CtmsSchema::builtIn());

    static Result run(const Input& input);
};

} // namespace tb::core
