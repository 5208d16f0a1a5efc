#pragma once

#include <QString>

struct sqlite3;

namespace tb::core {

// The sandbox of `run --uat` (user acceptance testing of an unapproved mapping): a fresh copy of the production
// target beside it (ctms.sqlite → ctms.uat.sqlite), marked with the target it came from so that no production
// run loads into it. The production target is only read.
class UatSandbox
{
public:
    static QString pathFor(const QString& target);
    // Replaces sandbox with a consistent copy of target (SQLite's online backup, safe while a run writes to
    // it), or an empty CTMS when target does not exist yet, and marks it.
    static bool create(const QString& target, const QString& sandbox, const QString& nowUtc, QString* error);
    // The production target db was copied from; empty when db is not a sandbox.
    static bool originOf(sqlite3* db, QString* origin, QString* error);
};

} // namespace tb::core
