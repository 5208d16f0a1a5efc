#pragma once

#include <QSqlDatabase>
#include <QString>

namespace tb::core {

// A read-only connection to a target database for the console's views (pipelines, reconciliation): it never
// creates the file, never migrates it and cannot write, so that looking at a target changes nothing in it.
// One instance = one connection; use it from one thread.
class TargetReader
{
public:
    TargetReader();
    ~TargetReader();
    TargetReader(const TargetReader&) = delete;
    TargetReader& operator=(const TargetReader&) = delete;

    // false with error (naming the file) when it does not exist or is not a database with run records.
    bool open(const QString& path, QString* error);
    QSqlDatabase sql() const;
    QString path() const { return m_path; }

private:
    void close();

    QString m_connectionName;
    QString m_path;
};

} // namespace tb::core
