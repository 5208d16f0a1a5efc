-- Files taken from folder drops (a local folder or an SFTP folder), so that none is read twice. A file is the
-- same delivery when its name, size and BLAKE2b-256 checksum match; the same name with other content is a new
-- delivery and is read. Rows are written in the transaction that records their run as finished, with the data
-- they cover: a run killed before that commit leaves the file unrecorded (the next run reads it again; loads are
-- upserts, nothing is doubled), a run killed after it but before the file was moved to archive/ finds it here
-- and only moves it.
--   source    the step's source: the sftp connection's name or the local folder as the pipeline writes it
--   mapping   the step's mapping document, as the pipeline names it (each step takes its own files)
--   state     loaded: its records went through the run (loaded or rejected one by one);
--             failed: the file as a whole could not be read, it was moved to error/ with the reason
CREATE TABLE drop_ledger (
    pipeline TEXT NOT NULL,
    source TEXT NOT NULL,
    mapping TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    checksum TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('loaded', 'failed')),
    reason TEXT,
    run_id INTEGER NOT NULL,
    recorded_utc TEXT NOT NULL,
    PRIMARY KEY (pipeline, source, mapping, file_name, size, checksum)
) WITHOUT ROWID;
