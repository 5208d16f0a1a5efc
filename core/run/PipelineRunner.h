#pragma once

#include "model/CtmsSchema.h"
#include "run/RunResult.h"
#include "util/Clock.h"

#include <functional>
#include <memory>

namespace tb::core {

class AuditSigner;
class RunFeedback;

// Runs a pipeline: reads every source, maps and validates records, and loads them into the target one
// unit at a time (a subject with its visits and AEs commits whole or not at all), with an audit entry per
// change in the same transaction, rejects for what cannot be loaded, and a run record.
//
// Two passes over the sources: the first indexes where each unit's rows are (and finds structural errors
// before anything is written), the second loads unit by unit. See docs/architecture.md.
class PipelineRunner
{
public:
    struct Options
    {
        QString actor;                         // defaults to the OS user
        const Clock* clock = &Clock::system();
        qint64 batchRecords = 50000;           // records per transaction (units never straddle two)
        bool fullCompare = false;              // read and compare every unit, even those whose source rows
                                               // are unchanged since their last load
        std::shared_ptr<const CtmsSchema> schema; // defaults to the built-in CTMS model
        // The key that signs the audit trail's checkpoints (docs/audit.md), asked for on the run's thread once
        // the run's documents are valid and before the target is touched (it may block: the CLI asks its
        // secret store there); null with an error stops the run as a configuration error. Without it the
        // checkpoints are written unsigned and `audit verify` reports them: the CLI always sets it.
        std::function<std::shared_ptr<const AuditSigner>(const QString& pipelinePath, QString* error)> auditSigner;
        qint64 checkpointEvery = 10000;        // audit entries between two periodic checkpoints
        // User acceptance testing: the run goes into a fresh sandbox copy of the target (UatSandbox), with
        // mappings that need no approval, and every record it writes is marked UAT (run mode 'uat', "UAT run"
        // in each audit entry's reason). Otherwise a production run: when the target requires approval
        // (ChangeControl), every mapping must be an approved revision, unchanged.
        bool uat = false;
        // The secrets of the connections that remote steps (REDCap, REST) pull from, asked for on the run's thread
        // while the documents are read, before anything is pulled or written (it may block: the CLI reads its
        // secret store there). field is the profile's secret field ("token"); false with an error (never the
        // secret) stops the run as a configuration error naming the step. Without it, remote steps cannot run.
        std::function<bool(const QString& connection, const QString& field, QByteArray* value, QString* error)> secret;
    };

    PipelineRunner();
    explicit PipelineRunner(Options options);

    RunResult run(const QString& pipelinePath, RunFeedback* feedback = nullptr);

    static QString currentUser();

private:
    Options m_options;
};

} // namespace tb::core
