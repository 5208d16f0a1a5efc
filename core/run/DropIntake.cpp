#include "run/DropIntake.h"

#include "mapping/MappingPlan.h"
#include "run/RunFeedback.h"
#include "source/OdmSelection.h"
#include "source/SpillFile.h"
#include "source/drop/DropRecordSource.h"
#include "util/Crypto.h"
#include "util/Logging.h"

#include <QThread>

#include <algorithm>
#include <cstdio>

namespace tb::core {

namespace {

// A delivered file's name as messages show it: control characters as \xNN.
QString printableName(const QString& name)
{
    QString out;
    for (const QChar c : name)
        out += c.unicode() < 0x20 || c.unicode() == 0x7f
            ? QStringLiteral("\\x%1").arg(QString::number(c.unicode(), 16).rightJustified(2, QLatin1Char('0')))
            : QString(c);
    return out;
}

// For the kill-and-resume tests only: TB_TEST_DROP_PAUSE=download (after the first file was copied) or archive
// (after the run's commit, before the first move to archive/) holds the run there until it is killed.
void pauseForTest(const char* moment, const QString& file)
{
    if (qEnvironmentVariable("TB_TEST_DROP_PAUSE") != QLatin1String(moment))
        return;
    std::fprintf(stderr, "paused at %s (%s)\n", moment, qPrintable(file));
    std::fflush(stderr);
    QThread::sleep(120);
}

RecordSource::Kind kindOf(const MappingDocument& doc)
{
    RecordSource::Kind kind = RecordSource::Kind::Csv;
    RecordSource::parseKind(doc.sourceKind, &kind); // checked when the pipeline was configured
    return kind;
}

} // namespace

DropIntake::DropIntake(DropFolder& folder, DropLedger& ledger, RunFeedback* feedback)
    : m_folder(folder), m_ledger(ledger), m_feedback(feedback)
{
}

DropIntake::~DropIntake() = default;

std::unique_ptr<DropRecordSource> DropIntake::releaseReader()
{
    return std::move(m_reader);
}

void DropIntake::note(const QString& text)
{
    qCWarning(lcRun).noquote() << text;
    if (m_feedback)
        m_feedback->report(text);
    m_notes << text;
}

DropIntake::Outcome DropIntake::failed(const QString& message)
{
    m_error = message + QStringLiteral(" — nothing was loaded");
    return Outcome::Failed;
}

QString DropIntake::misfit(const Step& step, const QString& name, const QString& path, QStringList* columns) const
{
    std::unique_ptr<RecordSource> check = RecordSource::create(kindOf(*step.doc), step.doc->dialect, OdmSelection());
    bool readable = check->open(path);
    while (readable && check->next()) {
    }
    *columns = check->header();
    if (check->hasError()) {
        SourceError where = check->error();
        where.where.file = name;
        return where.toString();
    }
    QString reason;
    if (!MappingPlan::compile(*step.doc, step.mappingPath, step.schema, check->header(), name, step.study, &reason)
        && reason.isEmpty())
        reason = QStringLiteral("%1 does not fit the mapping %2").arg(name, step.mapping);
    return reason;
}

DropIntake::Outcome DropIntake::take(const Step& step)
{
    QString error;
    if (m_feedback)
        m_feedback->report(QStringLiteral("listing %1").arg(m_folder.describe()));
    DropFolder::Scan scan;
    if (!m_folder.scan(step.rule, &scan, &error))
        return failed(error);
    for (const auto& [name, reason] : scan.refused) {
        const bool moved = DropFolder::addressable(name)
            && m_folder.moveToError(name, QStringLiteral("refused: %1").arg(reason), &error);
        note(QStringLiteral("%1: refused the file \"%2\": %3; %4")
                 .arg(m_folder.describe(), printableName(name), reason,
                      moved ? QStringLiteral("moved to error/") : QStringLiteral("left where it is")));
    }
    for (const QString& marker : scan.orphanMarkers) {
        if (m_folder.settleMarker(marker, &error))
            qCInfo(lcRun).noquote() << m_folder.describe() << ": moved" << marker
                                    << "after its file, which an interrupted run had moved without it";
        else if (!error.isEmpty())
            return failed(error); // the folder cannot be trusted to say which files are complete
    }
    m_reader = std::make_unique<DropRecordSource>(kindOf(*step.doc), step.doc->dialect);
    QStringList header; // of the first file taken: the others must have the same columns
    for (const DropFolder::Entry& e : scan.complete) {
        if (m_feedback && m_feedback->isCanceled()) {
            m_error = QStringLiteral("cancelled while reading %1: nothing was loaded").arg(m_folder.describe());
            return Outcome::Cancelled;
        }
        QString copyPath;
        std::unique_ptr<QFile> copy = SpillFile::createUnnamed(&copyPath, &error);
        if (!copy)
            return failed(QStringLiteral("cannot copy %1 from %2: %3").arg(e.name, m_folder.describe(), error));
        crypto::Blake2b checksum(32);
        qint64 size = 0;
        const bool read = m_folder.read(
            e.name,
            [&](const char* data, qint64 n) {
                checksum.add(data, n);
                size += n;
                return copy->write(data, n) == n;
            },
            &error);
        if (!read)
            return failed(error);
        if (!copy->flush())
            return failed(QStringLiteral("cannot copy %1 from %2: %3").arg(e.name, m_folder.describe(), copy->errorString()));
        pauseForTest("download", e.name);
        DropLedger::File file{step.source, step.mapping, e.name, size, QString::fromLatin1(checksum.finish().toHex()), true, {}};
        // Files are read in name order: one that is not ready holds back the ones after it.
        if (size != e.size) {
            qCInfo(lcRun) << e.name << "changed while it was copied: it and the files after it wait for the next run";
            break;
        }
        bool known = false, loaded = false;
        qint64 runId = 0;
        if (!m_ledger.find(step.pipeline, file, &known, &loaded, &runId)) {
            m_error = QStringLiteral("%1: cannot read the drop ledger: %2").arg(step.target, m_ledger.error());
            return Outcome::Failed;
        }
        if (known) {
            // A committed run took it and was stopped before it could move it: move it now, read nothing.
            const bool moved = loaded ? m_folder.moveTo(e.name, QStringLiteral("archive"), nullptr, &error)
                                      : m_folder.moveToError(e.name, QStringLiteral("refused by run %1 already").arg(runId), &error);
            if (!moved)
                qCWarning(lcRun).noquote() << error;
            continue;
        }
        QStringList columns;
        const QString reason = misfit(step, e.name, copyPath, &columns);
        if (!reason.isEmpty()) {
            file.loaded = false;
            file.reason = reason;
            if (!m_folder.moveToError(e.name, reason, &error))
                qCWarning(lcRun).noquote() << error;
            note(QStringLiteral("%1: %2 was not loaded and was moved to error/: %3").arg(m_folder.describe(), e.name, reason));
            m_files.push_back(file);
            continue;
        }
        if (!header.isEmpty() && columns != header) {
            qCInfo(lcRun) << e.name << "has other columns than the files before it: it and the files after it wait for the next run";
            break;
        }
        header = columns;
        if (!m_reader->addFile(e.name, copyPath, std::move(copy), &error))
            return failed(QStringLiteral("%1: %2").arg(e.name, error));
        m_files.push_back(file);
    }
    qCInfo(lcRun) << "took" << m_reader->fileCount() << "new files from" << m_folder.describe();
    return Outcome::Taken;
}

QString DropIntake::archive(DropFolder& folder, const std::vector<DropLedger::File>& files)
{
    const QString later = QStringLiteral("the next run moves them, loading nothing twice");
    QString error;
    QVector<DropFolder::Entry> present;
    if (!folder.list(&present, &error)) {
        qCWarning(lcRun).noquote() << error << "— the next run moves its files to archive/";
        return QStringLiteral("Could not move the loaded files to archive/: %1 — %2.").arg(error, later);
    }
    QStringList left;
    QString firstError;
    for (const DropLedger::File& f : files) {
        if (!f.loaded)
            continue;
        // Only the delivery that was read: a file of that name with another size is a new one.
        const auto it = std::find_if(present.begin(), present.end(), [&](const DropFolder::Entry& e) { return e.name == f.name; });
        if (it == present.end() || it->size != f.size)
            continue;
        pauseForTest("archive", f.name);
        if (!folder.moveTo(f.name, QStringLiteral("archive"), nullptr, &error)) {
            qCWarning(lcRun).noquote() << error << "— the next run moves it to archive/";
            left << f.name;
            if (firstError.isEmpty())
                firstError = error;
        }
    }
    if (left.isEmpty())
        return QString();
    // The first error names the folder and what broke; the rest usually repeat it.
    return QStringLiteral("Could not move %1 of the loaded files to archive/ (%2): %3 — %4.")
        .arg(left.size())
        .arg(left.join(QStringLiteral(", ")), firstError, later);
}

} // namespace tb::core
