-- An approved translation replaced by a newer approved one of the same kind is kept as
-- 'superseded' (who wrote and approved it stays on record) instead of being deleted.
ALTER TABLE translation DROP CONSTRAINT translation_state_check;
ALTER TABLE translation ADD CONSTRAINT translation_state_check
    CHECK (state IN ('proposed', 'approved', 'superseded'));
