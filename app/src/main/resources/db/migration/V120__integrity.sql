-- Integrity (brigading response): participants a moderator left out of the analysis, and the audit
-- log of every exclusion and restoration. Participants and their votes stay where they are; an
-- exclusion is only this flag, removed again by a restoration. No client address is stored.

-- One row per decision: who, when, why, how many. Never updated or deleted (the conversation's
-- deletion aside).
CREATE TABLE exclusion_audit (
    id              bigserial   PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    action          text        NOT NULL CHECK (action IN ('exclude', 'restore')),
    reason          text        CHECK (reason IN ('coordinated', 'one-value', 'other')),
    note            text        NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
    participants    int         NOT NULL CHECK (participants >= 0),
    -- the participants the decision changed (not those asked for that were already so)
    participant_ids bigint[]    NOT NULL,
    account_id      bigint      REFERENCES account (id) ON DELETE SET NULL,
    account_email   text        NOT NULL,
    decided_at      timestamptz NOT NULL,
    CHECK ((action = 'exclude') = (reason IS NOT NULL))
);
CREATE INDEX exclusion_audit_conversation_idx ON exclusion_audit (conversation_id, id);

-- The participants left out of the analysis now, each with the decision that left them out.
CREATE TABLE participant_exclusion (
    participant_id  bigint      PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    reason          text        NOT NULL CHECK (reason IN ('coordinated', 'one-value', 'other')),
    audit_id        bigint      NOT NULL REFERENCES exclusion_audit (id),
    excluded_at     timestamptz NOT NULL
);
CREATE INDEX participant_exclusion_conversation_idx ON participant_exclusion (conversation_id);
