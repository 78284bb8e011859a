-- E-mail (docs/mail.md). The outbox is written in the transaction of the request that decides to
-- send; a background sender delivers it over SMTP with retries and deletes each row once sent.
CREATE TABLE mail_outbox (
    id               bigserial PRIMARY KEY,
    recipient        text        NOT NULL,
    subject          text        NOT NULL,
    body             text        NOT NULL,
    unsubscribe_url  text,
    unsubscribe_mail text,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    given_up_at      timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE given_up_at IS NULL;

-- Team invitations by e-mail: the token is only in the mail; the row keeps its hash.
CREATE TABLE team_invitation (
    id           bigserial PRIMARY KEY,
    scope        text        NOT NULL CHECK (scope IN ('conversation', 'dialogue')),
    scope_id     bigint      NOT NULL,
    email        text        NOT NULL,
    role         text        NOT NULL,
    language     text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    invited_by   bigint      NOT NULL REFERENCES account (id),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    accepted_at  timestamptz,
    accepted_by  bigint REFERENCES account (id)
);
CREATE INDEX team_invitation_scope ON team_invitation (scope, scope_id);

-- Origins allowed to frame a conversation's embed pages (CSP frame-ancestors).
CREATE TABLE embed_origin (
    conversation_id bigint NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    origin          text   NOT NULL,
    added_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, origin)
);

-- Participants' opt-in reminder mail: the address sealed with AES-GCM under a key kept outside the
-- database (serve --mail-key-file), never exported; the row goes when its owner or an unsubscribe
-- link removes it, or with the participant.
CREATE TABLE mail_subscription (
    id              bigserial PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    participant_id  bigint      NOT NULL UNIQUE REFERENCES participant (id) ON DELETE CASCADE,
    address_sealed  bytea       NOT NULL,
    language        text        NOT NULL,
    base_url        text        NOT NULL,
    consented_at    timestamptz NOT NULL,
    last_digest_at  timestamptz
);
CREATE INDEX mail_subscription_conversation ON mail_subscription (conversation_id);

-- When the team of a conversation was last told of its moderation queue.
CREATE TABLE team_digest (
    conversation_id bigint      PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    last_sent_at    timestamptz NOT NULL
);
