-- CTMS tables of resources/schemas/ctms.json (schema version 1).
-- Every table is keyed by its natural key, stored WITHOUT ROWID: one B-tree ordered by the key instead of
-- a rowid table plus a key index (smaller, and one write per insert), plus bookkeeping columns:
--   _hash            BLAKE2b-128 of the canonical content, to skip unchanged records without reading them
--   _source_ref      where the current content came from (file:line or source record id)
--   _source_modified the source's own modification time (UTC), for effective dating
--   _run_id          the run that last changed the row

CREATE TABLE study (
    study_id TEXT NOT NULL, title TEXT, phase TEXT, sponsor TEXT, status TEXT,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id)
) WITHOUT ROWID;

CREATE TABLE country (
    study_id TEXT NOT NULL REFERENCES study (study_id), country_code TEXT NOT NULL, name TEXT,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id, country_code)
) WITHOUT ROWID;

CREATE TABLE site (
    study_id TEXT NOT NULL REFERENCES study (study_id), site_id TEXT NOT NULL, site_number TEXT, name TEXT,
    country_code TEXT, time_zone TEXT NOT NULL, principal_investigator TEXT, status TEXT,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id, site_id)
) WITHOUT ROWID;
CREATE INDEX site_by_number ON site (study_id, site_number);

CREATE TABLE visit_schedule (
    study_id TEXT NOT NULL REFERENCES study (study_id), visit_code TEXT NOT NULL, visit_name TEXT,
    planned_day INTEGER NOT NULL, window_before INTEGER NOT NULL, window_after INTEGER NOT NULL,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id, visit_code)
) WITHOUT ROWID;

CREATE TABLE subject (
    study_id TEXT NOT NULL, subject_id TEXT NOT NULL, site_id TEXT NOT NULL, status TEXT, sex TEXT,
    birth_date TEXT, informed_consent_date TEXT, reference_start_date TEXT, reference_end_date TEXT, arm TEXT,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id, subject_id),
    FOREIGN KEY (study_id, site_id) REFERENCES site (study_id, site_id)
) WITHOUT ROWID;
CREATE INDEX subject_by_site ON subject (study_id, site_id);

CREATE TABLE visit (
    study_id TEXT NOT NULL, subject_id TEXT NOT NULL, visit_code TEXT NOT NULL, visit_name TEXT,
    visit_date TEXT, status TEXT,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id, subject_id, visit_code),
    FOREIGN KEY (study_id, subject_id) REFERENCES subject (study_id, subject_id)
) WITHOUT ROWID;

CREATE TABLE adverse_event (
    study_id TEXT NOT NULL, subject_id TEXT NOT NULL, ae_id TEXT NOT NULL, term TEXT NOT NULL,
    decoded_term TEXT, body_system TEXT, start_date TEXT NOT NULL, end_date TEXT, severity TEXT, serious TEXT,
    outcome TEXT, relationship TEXT,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id, subject_id, ae_id),
    FOREIGN KEY (study_id, subject_id) REFERENCES subject (study_id, subject_id)
) WITHOUT ROWID;

CREATE TABLE protocol_deviation (
    study_id TEXT NOT NULL, subject_id TEXT NOT NULL, deviation_id TEXT NOT NULL, category TEXT,
    description TEXT, severity TEXT, occurred_date TEXT, status TEXT,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id, subject_id, deviation_id),
    FOREIGN KEY (study_id, subject_id) REFERENCES subject (study_id, subject_id)
) WITHOUT ROWID;

CREATE TABLE payment (
    study_id TEXT NOT NULL, payment_id TEXT NOT NULL, site_id TEXT NOT NULL, subject_id TEXT, visit_code TEXT,
    amount TEXT NOT NULL, currency TEXT NOT NULL, status TEXT NOT NULL, due_date TEXT, description TEXT,
    _hash BLOB, _source_ref TEXT, _source_modified TEXT, _run_id INTEGER,
    PRIMARY KEY (study_id, payment_id),
    FOREIGN KEY (study_id, site_id) REFERENCES site (study_id, site_id)
) WITHOUT ROWID;
