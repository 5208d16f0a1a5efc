#pragma once

#include "load/SqliteStatement.h"

#include <QString>

namespace tb::core {

// The source_cursor table: per pipeline and remote step (connection and mapping), the cursor of the last
// committed pull. Read before the pull; written by the LoadWriter in the run's final transaction.
class SourceCursorStore
{
public:
    struct Cursor
    {
        QString source;  // the connection name
        QString mapping; // as the pipeline names it
        QString cursor;
        QString basis; // what the cursor is valid for (see 0008_source_cursor.sql)
    };

    bool prepare(sqlite3* db, QString* error);
    // The stored cursor and its basis; empty (and true) when there is none yet.
    bool load(const QString& pipeline, const QString& source, const QString& mapping, QString* cursor,
              QString* basis);
    bool save(const QString& pipeline, const Cursor& cursor, qint64 runId, const QString& committedUtc);
    QString error() const { return m_error; }

private:
    SqliteStatement m_load;
    SqliteStatement m_save;
    QString m_error;
};

} // namespace tb::core
