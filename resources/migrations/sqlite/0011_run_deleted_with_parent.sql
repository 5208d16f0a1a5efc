-- Of the rows a run deleted, those removed together with the subject they belong to: the run did not read
-- them, so reconciliation leaves them out of its balance. Runs recorded before this column are counted from
-- their audit entries, whose reason begins "removed with <subject>" for exactly those deletions.
ALTER TABLE run_entity ADD COLUMN deleted_with_parent INTEGER NOT NULL DEFAULT 0;
UPDATE run_entity SET deleted_with_parent = (
    SELECT COUNT(*) FROM audit_log a
    WHERE a.run_id = run_entity.run_id AND a.entity = run_entity.entity AND a.action = 'delete'
      AND a.reason LIKE 'removed with %')
WHERE deleted > 0;
