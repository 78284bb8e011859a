-- Review of human translations (translation feature): a second translator or a moderator
-- approves, edits or rejects a proposed translation. A rejection keeps the row (its translator
-- sees the reason on the desk) and the statement goes back to the "missing" list; an edit keeps
-- what the translator proposed beside what the reviewer approved.
ALTER TABLE translation DROP CONSTRAINT translation_state_check;
ALTER TABLE translation ADD CONSTRAINT translation_state_check
    CHECK (state IN ('proposed', 'approved', 'superseded', 'rejected'));
ALTER TABLE translation ADD COLUMN reviewed_by     bigint REFERENCES account (id);
ALTER TABLE translation ADD COLUMN reviewed_at     timestamptz;
ALTER TABLE translation ADD COLUMN rejected_reason text CHECK (length(rejected_reason) BETWEEN 1 AND 500);
-- The translator's own text when the reviewer changed it before approving.
ALTER TABLE translation ADD COLUMN proposed_text   text CHECK (length(proposed_text) BETWEEN 1 AND 2000);
CREATE INDEX translation_open_idx ON translation (statement_id, lang) WHERE state IN ('proposed', 'approved');

-- Moderation (moderation feature): a statement rejected as a duplicate of another says which.
-- Its voters are offered the original on their next visit (routing reads these links).
CREATE TABLE statement_duplicate (
    statement_id    bigint      PRIMARY KEY REFERENCES statement (id) ON DELETE CASCADE,
    original_id     bigint      NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    decided_by      bigint      REFERENCES account (id),
    decided_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (statement_id <> original_id)
);
CREATE INDEX statement_duplicate_conversation_idx ON statement_duplicate (conversation_id);

-- Labels people give to organizer-defined cohort values ("industry" → 産業界 / 산업계), per
-- language (translation feature). Shown before a machine translation of the same value.
CREATE TABLE cohort_label (
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    dimension       text        NOT NULL,
    value           text        NOT NULL,
    lang            text        NOT NULL CHECK (lang IN ('ja', 'ko', 'en')),
    label           text        NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
    given_by        bigint      REFERENCES account (id),
    given_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, dimension, value, lang)
);
