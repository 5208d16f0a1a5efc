-- What each successfully loaded unit looked like in its source, so that an unchanged unit is not read,
-- mapped and compared again on the next run of the same pipeline.
--   fingerprint  128-bit multiset hash of the unit's source rows, salted with the mapping documents,
--                the study document and the engine version (any change there loads every unit again)
--   counts       records per entity the unit produced (pairs of int32: entity index, count), reported
--                as unchanged when the unit is skipped
CREATE TABLE unit_state (
    pipeline TEXT NOT NULL,
    unit_entity TEXT NOT NULL,
    key_hash INTEGER NOT NULL,
    fingerprint BLOB NOT NULL,
    counts BLOB NOT NULL,
    run_id INTEGER NOT NULL,
    PRIMARY KEY (pipeline, unit_entity, key_hash)
) WITHOUT ROWID;
