-- Common Ground core schema. One schema, one dialect (PostgreSQL), used by the embedded and the
-- external database alike. Times are timestamptz (UTC instants); languages are 'ja', 'ko', 'en'.

CREATE TABLE account (
    id              bigserial PRIMARY KEY,
    email           text        NOT NULL,
    password_hash   text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('admin', 'organizer', 'moderator', 'translator')),
    disabled        boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email_key ON account (lower(email));

-- Browser sessions; the cookie carries a random secret, only its SHA-256 is stored.
CREATE TABLE account_session (
    token_hash      text        PRIMARY KEY,
    account_id      bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    csrf_token      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL
);

-- Revocable API tokens for automation; only the SHA-256 of the token is stored.
CREATE TABLE api_token (
    id              bigserial   PRIMARY KEY,
    account_id      bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    token_hash      text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);

CREATE TABLE conversation (
    id                      bigserial   PRIMARY KEY,
    owner_id                bigint      REFERENCES account (id),
    state                   text        NOT NULL DEFAULT 'draft'
                                        CHECK (state IN ('draft', 'open', 'closed', 'archived')),
    moderation_mode         text        NOT NULL DEFAULT 'post' CHECK (moderation_mode IN ('pre', 'post')),
    participants_can_write  boolean     NOT NULL DEFAULT true,
    results_visibility      text        NOT NULL DEFAULT 'public'
                                        CHECK (results_visibility IN ('public', 'participants', 'organizers')),
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

-- Title, description and background in each language the organizer wrote them in.
CREATE TABLE conversation_text (
    conversation_id bigint  NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    lang            text    NOT NULL CHECK (lang IN ('ja', 'ko', 'en')),
    title           text    NOT NULL,
    description     text    NOT NULL DEFAULT '',
    background      text    NOT NULL DEFAULT '',
    PRIMARY KEY (conversation_id, lang)
);

-- Per-conversation roles: moderators, translators (with their languages), co-organizers.
CREATE TABLE conversation_member (
    conversation_id bigint  NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    account_id      bigint  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role            text    NOT NULL CHECK (role IN ('organizer', 'moderator', 'translator')),
    PRIMARY KEY (conversation_id, account_id, role)
);

-- Cohort dimensions (country, role, ...) and their allowed values. A dimension is self-declared
-- at join unless the invite link used fixes it.
CREATE TABLE cohort_dimension (
    id              bigserial PRIMARY KEY,
    conversation_id bigint  NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    name            text    NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]{0,31}$'),
    position        int     NOT NULL,
    required        boolean NOT NULL DEFAULT false,
    UNIQUE (conversation_id, name)
);

CREATE TABLE cohort_value (
    dimension_id    bigint  NOT NULL REFERENCES cohort_dimension (id) ON DELETE CASCADE,
    value           text    NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
    position        int     NOT NULL,
    PRIMARY KEY (dimension_id, value)
);

-- Invite links; each may fix cohort values and limit its uses.
CREATE TABLE invite (
    id              bigserial   PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    code            text        NOT NULL UNIQUE,
    label           text        NOT NULL DEFAULT '',
    max_uses        int         CHECK (max_uses IS NULL OR max_uses > 0),
    uses            int         NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);

CREATE TABLE invite_cohort (
    invite_id       bigint  NOT NULL REFERENCES invite (id) ON DELETE CASCADE,
    dimension_id    bigint  NOT NULL,
    value           text    NOT NULL,
    PRIMARY KEY (invite_id, dimension_id),
    FOREIGN KEY (dimension_id, value) REFERENCES cohort_value (dimension_id, value) ON DELETE CASCADE
);

-- Pseudonymous participants: a random secret token (only its SHA-256 stored), no name or e-mail.
CREATE TABLE participant (
    id              bigserial   PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    token_hash      text        UNIQUE,
    external_id     text,
    language        text        NOT NULL DEFAULT 'en' CHECK (language IN ('ja', 'ko', 'en')),
    invite_id       bigint      REFERENCES invite (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, external_id)
);

CREATE TABLE participant_cohort (
    participant_id  bigint  NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    dimension_id    bigint  NOT NULL,
    value           text    NOT NULL,
    PRIMARY KEY (participant_id, dimension_id),
    FOREIGN KEY (dimension_id, value) REFERENCES cohort_value (dimension_id, value) ON DELETE CASCADE
);

CREATE TABLE statement (
    id                      bigserial   PRIMARY KEY,
    conversation_id         bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    external_id             text,
    text                    text        NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    lang                    text        NOT NULL CHECK (lang IN ('ja', 'ko', 'en')),
    -- text folded for case, width, white space and punctuation: the near-duplicate key
    folded                  text        NOT NULL,
    author_participant_id   bigint      REFERENCES participant (id),
    author_account_id       bigint      REFERENCES account (id),
    is_seed                 boolean     NOT NULL DEFAULT false,
    moderation_state        text        NOT NULL DEFAULT 'pending'
                                        CHECK (moderation_state IN ('pending', 'accepted', 'rejected')),
    moderation_reason       text,
    moderated_by            bigint      REFERENCES account (id),
    moderated_at            timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, external_id)
);
CREATE INDEX statement_conversation_idx ON statement (conversation_id, moderation_state);
CREATE INDEX statement_folded_idx ON statement (conversation_id, folded);

-- Every vote ever cast, kept for convergence over time. value: 1 agree, -1 disagree, 0 pass.
CREATE TABLE vote_event (
    id              bigserial   PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    participant_id  bigint      NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    statement_id    bigint      NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
    value           smallint    NOT NULL CHECK (value IN (-1, 0, 1)),
    cast_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vote_event_conversation_idx ON vote_event (conversation_id, cast_at);

-- The current vote per participant and statement, derived from vote_event in the same
-- transaction as each event (the latest cast_at wins), so reads never scan the history.
CREATE TABLE current_vote (
    participant_id  bigint      NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    statement_id    bigint      NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    value           smallint    NOT NULL CHECK (value IN (-1, 0, 1)),
    cast_at         timestamptz NOT NULL,
    PRIMARY KEY (participant_id, statement_id)
);
CREATE INDEX current_vote_statement_idx ON current_vote (statement_id);
CREATE INDEX current_vote_conversation_idx ON current_vote (conversation_id);

CREATE TABLE translation (
    id              bigserial   PRIMARY KEY,
    statement_id    bigint      NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
    lang            text        NOT NULL CHECK (lang IN ('ja', 'ko', 'en')),
    text            text        NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    kind            text        NOT NULL CHECK (kind IN ('human', 'machine')),
    state           text        NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'approved')),
    translator_id   bigint      REFERENCES account (id),
    approved_by     bigint      REFERENCES account (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    approved_at     timestamptz
);
CREATE INDEX translation_statement_idx ON translation (statement_id, lang);
-- At most one approved translation of each kind per statement and language.
CREATE UNIQUE INDEX translation_approved_key ON translation (statement_id, lang, kind) WHERE state = 'approved';
