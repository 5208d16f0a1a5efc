-- Where each remote source of a pipeline left off (REDCap: the server time its last committed pull started;
-- a generic API: the latest modification time it returned), so that the next run asks only for what changed.
-- A cursor is written in the transaction that records its run as finished, and only for a run that succeeded
-- or completed with rejects: a run that fails, is cancelled or is killed keeps the old cursor, and the next
-- run pulls again from there (loads are upserts: nothing is doubled).
--   source   the connection the pipeline step names
--   mapping  the step's mapping document, as the pipeline names it (each step pulls its own selection)
--   basis    what the cursor is valid for: a hash of the engine and schema versions, the study and mapping
--            documents and the connection's URL. When any of them changed, records the source did not change
--            may map differently (or come from another server): the next run ignores the cursor and pulls all.
CREATE TABLE source_cursor (
    pipeline TEXT NOT NULL,
    source TEXT NOT NULL,
    mapping TEXT NOT NULL,
    cursor TEXT NOT NULL,
    basis TEXT NOT NULL,
    run_id INTEGER NOT NULL,
    committed_utc TEXT NOT NULL,
    PRIMARY KEY (pipeline, source, mapping)
) WITHOUT ROWID;
