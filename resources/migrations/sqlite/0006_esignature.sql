-- Electronic signatures (21 CFR Part 11 §11.50, §11.70; docs/audit.md): one row per signature, append-only,
-- each written together with an audit_log entry (entity 'esignature') in one transaction.
--   content_hash  BLAKE2b-256 of what was signed (a mapping document's canonical bytes, a file's bytes)
--   subject       what was signed, as a person reads it ("visits.mapping.json revision 3")
--   public_key    the signer's Ed25519 public key (32 bytes), also in the workspace's <id>.user.json
--   signature     Ed25519 over the signature's manifest (docs/audit.md), binding every column above
CREATE TABLE esignature (
    signature_id INTEGER PRIMARY KEY,
    signed_utc TEXT NOT NULL,
    signer_id TEXT NOT NULL,
    printed_name TEXT NOT NULL,
    role TEXT NOT NULL,
    meaning TEXT NOT NULL CHECK (meaning = 'authored' OR meaning = 'reviewed' OR meaning = 'approved' OR meaning = 'rejected'),
    comment TEXT NOT NULL,
    subject TEXT NOT NULL,
    content_hash BLOB NOT NULL CHECK (length(content_hash) = 32),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    signature BLOB NOT NULL CHECK (length(signature) = 64)
);
CREATE INDEX esignature_by_content ON esignature (content_hash);
CREATE TRIGGER esignature_no_update BEFORE UPDATE ON esignature
BEGIN SELECT RAISE(ABORT, 'electronic signatures cannot be changed'); END;
CREATE TRIGGER esignature_no_delete BEFORE DELETE ON esignature
BEGIN SELECT RAISE(ABORT, 'electronic signatures cannot be deleted'); END;
