-- Mapping change control (docs/audit.md): every mapping revision submitted for review is kept here frozen, in
-- its canonical form, with its lifecycle state. The signatures that move it (authored, reviewed, approved,
-- rejected) are rows of esignature with the same content_hash; every change here has its audit entry.
--   content_hash  BLAKE2b-256 of document; the revision number is part of the document, so one hash is one
--                 revision
--   author_id     the user who signed the submission ("authored"); an approver must be someone else
--   state         in_review → approved | rejected; approved → retired (by hand, or when a later revision of
--                 the same mapping is approved)
CREATE TABLE mapping_revision (
    mapping TEXT NOT NULL,
    revision INTEGER NOT NULL,
    content_hash BLOB NOT NULL UNIQUE CHECK (length(content_hash) = 32),
    document TEXT NOT NULL,
    file TEXT NOT NULL,
    author_id TEXT NOT NULL,
    submitted_utc TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state = 'in_review' OR state = 'approved' OR state = 'rejected' OR state = 'retired'),
    state_utc TEXT NOT NULL,
    PRIMARY KEY (mapping, revision)
);
CREATE TRIGGER mapping_revision_frozen BEFORE UPDATE OF mapping, revision, content_hash, document, file, author_id,
    submitted_utc ON mapping_revision
BEGIN SELECT RAISE(ABORT, 'a submitted mapping revision cannot be changed'); END;
CREATE TRIGGER mapping_revision_lifecycle BEFORE UPDATE OF state ON mapping_revision
WHEN NOT ((OLD.state = 'in_review' AND (NEW.state = 'approved' OR NEW.state = 'rejected'))
          OR (OLD.state = 'approved' AND NEW.state = 'retired'))
BEGIN SELECT RAISE(ABORT, 'not a step of the mapping lifecycle'); END;
CREATE TRIGGER mapping_revision_no_delete BEFORE DELETE ON mapping_revision
BEGIN SELECT RAISE(ABORT, 'mapping revisions cannot be deleted'); END;

-- One row once production runs into this target need approved mappings; it cannot be undone.
CREATE TABLE change_control (
    required_since_utc TEXT NOT NULL,
    required_by TEXT NOT NULL
);
CREATE TRIGGER change_control_no_update BEFORE UPDATE ON change_control
BEGIN SELECT RAISE(ABORT, 'change control cannot be switched off'); END;
CREATE TRIGGER change_control_no_delete BEFORE DELETE ON change_control
BEGIN SELECT RAISE(ABORT, 'change control cannot be switched off'); END;

-- A UAT sandbox (run --uat) holds one row naming the production target it was copied from; production runs
-- refuse such a database.
CREATE TABLE uat_sandbox (
    origin TEXT NOT NULL,
    created_utc TEXT NOT NULL
);
