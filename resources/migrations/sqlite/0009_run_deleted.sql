-- Rows a run deleted: by a source record that removes its entity (ODM TransactionType Remove) or together
-- with the subject they belong to.
ALTER TABLE run_entity ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
