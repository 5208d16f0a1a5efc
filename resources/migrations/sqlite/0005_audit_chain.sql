-- Tamper evidence for the audit trail (docs/audit.md): every entry is chained to the one before by a
-- BLAKE2b-256 hash, and checkpoints (entries covered, head hash, UTC time) are signed with the workspace's
-- Ed25519 key. The hashes are computed by the engine: entries written before this migration have none and
-- stay outside the chain (audit_chain.first_seq says where it starts).

ALTER TABLE audit_log ADD COLUMN prev_hash BLOB;
ALTER TABLE audit_log ADD COLUMN hash BLOB;

-- One row: the chain's identity. Its genesis (the prev_hash of entry first_seq) is derived from chain_id
-- and first_seq, so neither can change without breaking every hash after it.
CREATE TABLE audit_chain (
    chain_id BLOB NOT NULL CHECK (length(chain_id) = 16),
    first_seq INTEGER NOT NULL,
    created_utc TEXT NOT NULL
);
INSERT INTO audit_chain (chain_id, first_seq, created_utc)
    SELECT randomblob(16), COALESCE(MAX(seq), 0) + 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM audit_log;
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'the audit chain cannot be changed'); END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'the audit chain cannot be changed'); END;

-- Signed checkpoints, written at the end of every run and every N entries, in the transaction of the
-- entries they cover.
--   last_seq      the seq of the last entry covered (entries are numbered without gaps)
--   head_hash     that entry's hash (the genesis when the chain is still empty)
--   reason        run_end or periodic
--   public_key    Ed25519 public key (32 bytes); NULL with signature for a run that had no signing key
--   signature     Ed25519 over the checkpoint's canonical message (docs/audit.md)
CREATE TABLE audit_checkpoint (
    checkpoint_id INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL,
    head_hash BLOB NOT NULL,
    created_utc TEXT NOT NULL,
    run_id INTEGER,
    reason TEXT NOT NULL,
    public_key BLOB,
    signature BLOB
);
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN SELECT RAISE(ABORT, 'audit checkpoints cannot be changed'); END;
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN SELECT RAISE(ABORT, 'audit checkpoints cannot be deleted'); END;
