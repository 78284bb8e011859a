-- Dialogues over months (issue 11): a named series of rounds, each round a conversation, with a
-- schedule; statements carried from one round into the next; returning participants who keep one
-- pseudonymous identity across the rounds with their consent. The dialogue feature owns these tables.

CREATE TABLE dialogue (
    id          bigserial   PRIMARY KEY,
    owner_id    bigint      REFERENCES account (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Title and description in each language the organizer wrote them in.
CREATE TABLE dialogue_text (
    dialogue_id bigint  NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    lang        text    NOT NULL CHECK (lang IN ('ja', 'ko', 'en')),
    title       text    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description text    NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    PRIMARY KEY (dialogue_id, lang)
);

-- Round n of a dialogue is one conversation; opens_at / closes_at are the schedule (UTC instants).
CREATE TABLE dialogue_round (
    dialogue_id     bigint      NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    number          int         NOT NULL CHECK (number >= 1),
    conversation_id bigint      NOT NULL UNIQUE REFERENCES conversation (id) ON DELETE CASCADE,
    opens_at        timestamptz,
    closes_at       timestamptz,
    PRIMARY KEY (dialogue_id, number),
    CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at)
);

-- A statement carried into a later round: its copy (statement_id), the statement it was copied from
-- and the statement it first appeared as (origin), so that one statement is followed over every round.
CREATE TABLE dialogue_carried (
    statement_id        bigint  PRIMARY KEY REFERENCES statement (id) ON DELETE CASCADE,
    dialogue_id         bigint  NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    from_statement_id   bigint  NOT NULL REFERENCES statement (id) ON DELETE CASCADE,
    origin_statement_id bigint  NOT NULL REFERENCES statement (id) ON DELETE CASCADE
);
CREATE INDEX dialogue_carried_dialogue_idx ON dialogue_carried (dialogue_id);

-- A returning participant: one pseudonym across the dialogue's rounds, made only when the person asks
-- for it. The return link's token and the recovery code are shown once; only their SHA-256 is stored.
CREATE TABLE dialogue_person (
    id                  bigserial   PRIMARY KEY,
    dialogue_id         bigint      NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    return_token_hash   text        NOT NULL UNIQUE,
    recovery_code_hash  text        NOT NULL UNIQUE,
    consented_at        timestamptz NOT NULL DEFAULT now()
);

-- The person's participant in each round they took part in.
CREATE TABLE dialogue_person_round (
    person_id       bigint  NOT NULL REFERENCES dialogue_person (id) ON DELETE CASCADE,
    conversation_id bigint  NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    participant_id  bigint  NOT NULL UNIQUE REFERENCES participant (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, conversation_id)
);
