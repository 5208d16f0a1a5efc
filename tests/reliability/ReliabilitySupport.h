#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace tb::test {

// Copies the files of a folder tree to dst (created). False when a file cannot be copied.
bool copyTree(const QString& src, const QString& dst);

// Removes a SQLite database with its log, shared memory and journal files.
void removeDatabase(const QString& path);

// Renames every visit of a demo study's EDC export (WEEK → WOCHE): a run over a loaded target then makes
// thousands of updates with their audit entries.
bool renameDemoVisits(const QString& workspace);

// The CTMS tables a demo load fills, in load order.
QStringList ctmsTables();

// A target database opened by path on a connection of its own, through Qt's SQLite driver: what the
// tests inspect after a run, independent of the engine's own connection set-up.
class TargetDb
{
public:
    explicit TargetDb(const QString& path);
    ~TargetDb();
    TargetDb(const TargetDb&) = delete;
    TargetDb& operator=(const TargetDb&) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QSqlDatabase sql() const;

    // The first column of the first row, or -1 when the query fails.
    qint64 scalar(const QString& sql, const QVariantList& binds = {}) const;
    QString text(const QString& sql, const QVariantList& binds = {}) const;
    // "ok" when PRAGMA integrity_check finds nothing, else its findings.
    QString integrityCheck() const;
    // Rows PRAGMA foreign_key_check reports.
    qint64 foreignKeyViolations() const;
    // A digest of every CTMS table (all columns, bookkeeping included), the audit log and the list of
    // tables: equal digests mean nothing was written there.
    QByteArray ctmsDigest() const;
    qint64 runCount() const { return scalar(QStringLiteral("SELECT COUNT(*) FROM run")); }

private:
    QString m_connection;
    QString m_error;
};

// How a target differs from a reference load of the same sources into an empty database. Counts rows
// (and multiset groups) that differ; details describes the first ones.
struct Comparison
{
    qint64 differences = 0;
    QStringList details;

    void add(qint64 n, const QString& what);
};

// Compares target with reference, both loaded from identical sources (the target possibly by several
// interrupted runs and a final complete one):
// - every CTMS table row by row, all columns but _source_ref and _run_id;
// - the audit log as a multiset of (action, entity, natural_key, before_json, after_json), and per table as
//   many insert entries as delete entries plus rows; with unchangedSources, no natural key with more than one
//   entry;
// - unit_state as a multiset without run_id;
// - the last run: status, counts (inserted + unchanged of the target's last run = inserted + unchanged of
//   the reference; with partlyApplied, where the killed runs had already made some of the changes the last one
//   finished, only read, rejected and warnings), rejects and warnings;
// - run records: a run without an end time has no counts; PRAGMA integrity_check and foreign_key_check.
Comparison compareWithReference(const QString& target, const QString& reference,
                                bool unchangedSources = true, bool partlyApplied = false);

// A tmpfs mounted for a test (tests run as root). Unmounted by unmount() or the destructor.
class TmpfsMount
{
public:
    ~TmpfsMount();
    bool mount(const QString& dir, qint64 bytes, QString* error);
    // Changes the mount options, e.g. "ro" or "rw".
    bool remount(const QString& options, QString* error);
    void unmount();
    bool isMounted() const { return !m_dir.isEmpty(); }
    QString dir() const { return m_dir; }

private:
    QString m_dir;
};

// Runs a program and returns its exit code (-1 when it did not start or crashed); output to *output.
int runProgram(const QString& program, const QStringList& args, QString* output = nullptr);

} // namespace tb::test
