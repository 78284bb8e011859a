-- Imported statements keep their historical text as written. Pol.is has stored an empty comment
-- (football-concussions, comment 151, rejected, with a vote on it) and its exports are not bound by
-- our 1,000-character rule for new statements, which StatementText enforces in the application.
-- So the database bounds new statements as before and lets imported ones (external_id set) be
-- empty or up to 10,000 characters; nothing longer is accepted from any source.
ALTER TABLE statement DROP CONSTRAINT IF EXISTS statement_text_check;
ALTER TABLE statement ADD CONSTRAINT statement_text_check CHECK (
    (length(text) BETWEEN 1 AND 1000)
    OR (external_id IS NOT NULL AND length(text) <= 10000));
