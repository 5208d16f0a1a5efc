-- Integration state beside the CTMS tables, so that data, run records and audit commit together.

CREATE TABLE run (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    pipeline TEXT NOT NULL,
    pipeline_file TEXT,
    mode TEXT NOT NULL DEFAULT 'production',
    actor TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    ended_utc TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'completed_with_rejects', 'failed', 'cancelled')),
    message TEXT
);

CREATE TABLE run_entity (
    run_id INTEGER NOT NULL REFERENCES run (run_id),
    entity TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    inserted INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    stale INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, entity)
);

-- One row per problem of a rejected record; source_record keeps the raw source row for reprocessing.
-- status: open (to fix), stale (an older source version kept for the record), resolved, reprocessed.
CREATE TABLE reject (
    reject_id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES run (run_id),
    entity TEXT NOT NULL,
    natural_key TEXT NOT NULL,
    field TEXT,
    value TEXT,
    rule TEXT NOT NULL,
    message TEXT NOT NULL,
    source_ref TEXT,
    source_record TEXT,
    status TEXT NOT NULL DEFAULT 'open'
);
CREATE INDEX reject_by_run ON reject (run_id);

-- Findings that did not stop a record from loading (rules configured as warnings).
CREATE TABLE run_warning (
    warning_id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES run (run_id),
    entity TEXT NOT NULL,
    natural_key TEXT NOT NULL,
    field TEXT,
    value TEXT,
    rule TEXT NOT NULL,
    message TEXT NOT NULL,
    source_ref TEXT
);
CREATE INDEX run_warning_by_run ON run_warning (run_id);

-- Computer-generated audit trail: written in the same transaction as the change, never updated or deleted.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    ts_utc TEXT NOT NULL,
    actor TEXT NOT NULL,
    -- OR, not IN: SQLite evaluates an IN list through a temporary index built on every insert.
    action TEXT NOT NULL CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
    entity TEXT NOT NULL,
    natural_key TEXT NOT NULL,
    study_id TEXT,
    site_id TEXT,
    subject_id TEXT,
    before_json TEXT,
    after_json TEXT,
    run_id INTEGER,
    source_ref TEXT,
    reason TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log entries cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log entries cannot be deleted'); END;
