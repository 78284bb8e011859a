-- Machine translation (translation feature): the per-conversation opt-in, a durable job queue,
-- the monthly character budget, machine-translated conversation texts and cohort labels, and the
-- glossary of contested names. Nothing is sent to a service for a conversation without a row
-- here saying enabled.
CREATE TABLE machine_translation_setting (
    conversation_id bigint      PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    enabled         boolean     NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now()
);

-- Which service produced a machine translation, shown beside it ("DeepL", "LibreTranslate", a model name).
ALTER TABLE translation ADD COLUMN service text;

-- One text into one language. A job is taken with FOR UPDATE SKIP LOCKED and leased until
-- leased_until; a worker that dies leaves the lease to expire, so a restart loses nothing. The
-- source text is kept with the job, and its hash in the key: an edited text is a new job.
CREATE TABLE translation_job (
    id              bigserial   PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    -- statement:<id> | conversation:title | conversation:description | conversation:background | cohort:<dimension>:<value>
    source_key      text        NOT NULL,
    source_lang     text        NOT NULL CHECK (source_lang IN ('ja', 'ko', 'en')),
    target_lang     text        NOT NULL CHECK (target_lang IN ('ja', 'ko', 'en') AND target_lang <> source_lang),
    source_text     text        NOT NULL,
    source_hash     text        NOT NULL,
    state           text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    not_before      timestamptz NOT NULL,
    leased_until    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    done_at         timestamptz,
    UNIQUE (conversation_id, source_key, target_lang, source_hash)
);
CREATE INDEX translation_job_ready_idx ON translation_job (not_before, id) WHERE state = 'queued';

-- Source characters (code points) sent per conversation and UTC calendar month.
CREATE TABLE translation_usage (
    conversation_id bigint  NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    month           date    NOT NULL,
    characters      bigint  NOT NULL CHECK (characters >= 0),
    PRIMARY KEY (conversation_id, month)
);

-- Machine translations of what is not a statement: the conversation's title, description and
-- background in a language the organizer did not write, and organizer-defined cohort values.
CREATE TABLE machine_text (
    conversation_id bigint      NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    source_key      text        NOT NULL,
    lang            text        NOT NULL CHECK (lang IN ('ja', 'ko', 'en')),
    source_hash     text        NOT NULL,
    text            text        NOT NULL,
    service         text        NOT NULL,
    translated_at   timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, source_key, lang)
);

-- Agreed renderings of contested names, per conversation, in the order the organizer gave.
CREATE TABLE glossary_term (
    conversation_id bigint  NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    position        int     NOT NULL,
    ja              text    CHECK (length(ja) BETWEEN 1 AND 100),
    ko              text    CHECK (length(ko) BETWEEN 1 AND 100),
    en              text    CHECK (length(en) BETWEEN 1 AND 100),
    note            text    CHECK (length(note) <= 500),
    PRIMARY KEY (conversation_id, position),
    CHECK ((ja IS NOT NULL)::int + (ko IS NOT NULL)::int + (en IS NOT NULL)::int >= 2)
);
