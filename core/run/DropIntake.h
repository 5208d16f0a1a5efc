#pragma once

#include "source/drop/DropFolder.h"
#include "source/drop/DropLedger.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace tb::core {

class CtmsSchema;
class DropRecordSource;
class RunFeedback;
class StudyConfig;
class MappingDocument;

// Takes the new deliveries of one folder-drop step. Each complete file is copied to a spill file and checked
// whole against the mapping before any of it is read: a file the ledger knows from a committed run is moved on
// and not read again; one that does not fit is moved to error/ and recorded as not loaded; the rest is read as
// one source, in name order. A file that changed while it was copied, or has other columns than the first one
// taken, holds back itself and the files after it until the next run.
class DropIntake
{
public:
    struct Step
    {
        QString pipeline; // the ledger's key
        QString target;   // the target database, for messages
        QString source;   // the folder as the pipeline names it
        QString mapping;  // the mapping as the pipeline names it
        QString mappingPath;
        const MappingDocument* doc = nullptr;
        std::shared_ptr<const CtmsSchema> schema;
        const StudyConfig* study = nullptr;
        DropFolder::Rule rule;
    };
    enum class Outcome { Taken, Cancelled, Failed };

    DropIntake(DropFolder& folder, DropLedger& ledger, RunFeedback* feedback);
    ~DropIntake();

    Outcome take(const Step& step);
    // What take() read: the source (never null after Taken), the files to record with the run's commit, and a
    // note per file refused or moved to error/ (also logged and reported as they happen).
    std::unique_ptr<DropRecordSource> releaseReader();
    std::vector<DropLedger::File>& files() { return m_files; }
    const QStringList& notes() const { return m_notes; }
    // Why take() did not return Taken, ending in "nothing was loaded".
    const QString& error() const { return m_error; }

    // After the run's commit: moves the loaded files to archive/. The ledger has them, so a move that fails
    // (or a run killed here) is done by the next run, which finds the file in the ledger and reads nothing.
    // Returns what could not be moved, for the run's message; empty when all went.
    static QString archive(DropFolder& folder, const std::vector<DropLedger::File>& files);

private:
    void note(const QString& text);
    Outcome failed(const QString& message);
    // Empty when the copy at path is readable in the mapping's format and fits the mapping; else why not.
    QString misfit(const Step& step, const QString& name, const QString& path, QStringList* columns) const;

    DropFolder& m_folder;
    DropLedger& m_ledger;
    RunFeedback* m_feedback;
    std::unique_ptr<DropRecordSource> m_reader;
    std::vector<DropLedger::File> m_files;
    QStringList m_notes;
    QString m_error;
};

} // namespace tb::core
