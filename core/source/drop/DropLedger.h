#pragma once

#include "load/SqliteStatement.h"

#include <QString>

namespace tb::core {

// The drop_ledger table (0010_drop_ledger.sql): the files a pipeline step took from a folder drop. Read
// before the files are read; written by the LoadWriter in the run's final transaction.
class DropLedger
{
public:
    struct File
    {
        QString source;  // sftp connection name or local folder, as the pipeline names it
        QString mapping; // as the pipeline names it
        QString name;
        qint64 size = 0;
        QString checksum;   // BLAKE2b-256, hex
        bool loaded = true; // else failed
        QString reason;     // why it failed
    };

    bool prepare(sqlite3* db, QString* error);
    // Whether this delivery (name, size, checksum) was recorded, and in which state.
    bool find(const QString& pipeline, const File& file, bool* found, bool* loaded, qint64* runId);
    bool save(const QString& pipeline, const File& file, qint64 runId, const QString& recordedUtc);
    QString error() const { return m_error; }

private:
    SqliteStatement m_find;
    SqliteStatement m_save;
    QString m_error;
};

} // namespace tb::core
