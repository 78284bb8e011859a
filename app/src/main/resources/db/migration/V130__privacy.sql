-- Privacy (issue 8). Public answers (results JSON, the API, pages) name a participant by a
-- pseudonym of their own conversation: 64 random bits as 16 hex digits, drawn once by the database
-- (gen_random_uuid is cryptographically random), unrelated to the platform-wide participant.id that
-- moderators see beside statements. One person in two conversations is two rows, so two pseudonyms.
-- Adding the column draws a fresh value for every existing row (a volatile default).
ALTER TABLE participant
    ADD COLUMN public_id text NOT NULL DEFAULT substr(md5(gen_random_uuid()::text), 1, 16);
CREATE UNIQUE INDEX participant_public_id_key ON participant (conversation_id, public_id);

-- What erasing a participant's data does to the statements they wrote, per conversation; a
-- conversation without a row has the default, 'anonymise' (docs/privacy.md):
--   anonymise: their votes and cohort answers are deleted; a statement of theirs that others voted
--              on stays, without author, so others' votes keep their meaning; the rest are deleted.
--   delete:    their votes, cohort answers and every statement they wrote are deleted (with the
--              votes others cast on those statements).
CREATE TABLE privacy_setting (
    conversation_id bigint      PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    erasure         text        NOT NULL CHECK (erasure IN ('anonymise', 'delete')),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
