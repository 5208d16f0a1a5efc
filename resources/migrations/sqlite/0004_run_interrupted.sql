-- A run whose process died (killed, crashed, power lost) is marked 'interrupted' by the next run of the
-- same target, instead of showing as 'running' for ever. SQLite cannot change a CHECK constraint in
-- place: the table is rebuilt (the migration runs with foreign keys off and checks them before commit).

CREATE TABLE run_new (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    pipeline TEXT NOT NULL,
    pipeline_file TEXT,
    mode TEXT NOT NULL DEFAULT 'production',
    actor TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    ended_utc TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'completed_with_rejects', 'failed', 'cancelled',
                                           'interrupted')),
    message TEXT
);
INSERT INTO run_new (run_id, pipeline, pipeline_file, mode, actor, started_utc, ended_utc, status, message)
    SELECT run_id, pipeline, pipeline_file, mode, actor, started_utc, ended_utc, status, message FROM run;
-- Run ids are never reused, even those of runs whose rows are gone.
DELETE FROM sqlite_sequence WHERE name = 'run_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'run_new', seq FROM sqlite_sequence WHERE name = 'run';
DROP TABLE run;
ALTER TABLE run_new RENAME TO run;
