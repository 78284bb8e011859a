-- The trilateral industry forum (issue 12): organizations, projects, consortium proposals and
-- meetings. Only org.commonground.forum's stores touch these tables.

ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check
    CHECK (role IN ('admin', 'organizer', 'moderator', 'translator', 'delegate'));

CREATE TABLE forum (
    id                 bigserial   PRIMARY KEY,
    title_en           text        NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
    title_ja           text        NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 200),
    title_ko           text        NOT NULL CHECK (length(title_ko) BETWEEN 1 AND 200),
    venue              text        NOT NULL DEFAULT '',
    day_start          timestamptz NOT NULL,
    time_zone          text        NOT NULL DEFAULT 'UTC',
    slot_minutes       int         NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    slots              int         NOT NULL CHECK (slots BETWEEN 1 AND 64),
    tables             int         NOT NULL CHECK (tables BETWEEN 1 AND 1000),
    allow_two_seats    boolean     NOT NULL DEFAULT false,
    max_open_consortia int         NOT NULL DEFAULT 3 CHECK (max_open_consortia BETWEEN 1 AND 100),
    conversation_id    bigint      REFERENCES conversation (id) ON DELETE SET NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE forum_organizer (
    forum_id   bigint NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    account_id bigint NOT NULL REFERENCES account (id),
    PRIMARY KEY (forum_id, account_id)
);

-- The forum's taxonomy: capabilities (grouped by sector) and target markets.
CREATE TABLE forum_capability (
    id       bigserial PRIMARY KEY,
    forum_id bigint    NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    code     text      NOT NULL CHECK (code ~ '^[a-z0-9-]{1,40}$'),
    sector   text      NOT NULL CHECK (sector ~ '^[a-z0-9-]{1,40}$'),
    name_en  text      NOT NULL,
    name_ja  text      NOT NULL,
    name_ko  text      NOT NULL,
    UNIQUE (forum_id, code)
);

CREATE TABLE forum_market (
    forum_id bigint NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    code     text   NOT NULL CHECK (code ~ '^[A-Z]{2}$'),
    PRIMARY KEY (forum_id, code)
);

CREATE TABLE forum_organization (
    id         bigserial   PRIMARY KEY,
    forum_id   bigint      NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    name_en    text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ja    text        NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
    name_ko    text        NOT NULL CHECK (length(name_ko) BETWEEN 1 AND 200),
    country    text        NOT NULL CHECK (country IN ('US', 'JP', 'KR', 'other')),
    sectors    text[]      NOT NULL DEFAULT '{}',
    markets    text[]      NOT NULL DEFAULT '{}',
    size       int         NOT NULL CHECK (size BETWEEN 1 AND 5),
    approved   boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forum_organization_forum ON forum_organization (forum_id);

CREATE TABLE forum_organization_capability (
    organization_id bigint NOT NULL REFERENCES forum_organization (id) ON DELETE CASCADE,
    capability_id   bigint NOT NULL REFERENCES forum_capability (id) ON DELETE CASCADE,
    PRIMARY KEY (organization_id, capability_id)
);

-- Declared conflicts between two organizations (stored once, lower id first): never teamed.
CREATE TABLE forum_conflict (
    organization_id bigint NOT NULL REFERENCES forum_organization (id) ON DELETE CASCADE,
    other_id        bigint NOT NULL REFERENCES forum_organization (id) ON DELETE CASCADE,
    PRIMARY KEY (organization_id, other_id),
    CHECK (organization_id < other_id)
);

-- A delegate is an account of role 'delegate' speaking for one organization at one forum.
-- availability: bit s set = free in slot s.
CREATE TABLE forum_delegate (
    forum_id        bigint      NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    account_id      bigint      NOT NULL REFERENCES account (id),
    organization_id bigint      NOT NULL REFERENCES forum_organization (id) ON DELETE CASCADE,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    approved        boolean     NOT NULL DEFAULT false,
    availability    bigint      NOT NULL DEFAULT -1,
    -- The secret in the delegate's agenda feed URL (calendar apps send no cookies).
    calendar_token  text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (forum_id, account_id)
);
CREATE INDEX forum_delegate_organization ON forum_delegate (organization_id);

CREATE TABLE forum_project (
    id              bigserial   PRIMARY KEY,
    forum_id        bigint      NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    organization_id bigint      REFERENCES forum_organization (id) ON DELETE SET NULL,
    posted_by       bigint      NOT NULL REFERENCES account (id),
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    host_country    text        NOT NULL CHECK (host_country ~ '^[A-Z]{2}$'),
    sector          text        NOT NULL,
    size            int         NOT NULL CHECK (size BETWEEN 1 AND 5),
    financing       text[]      NOT NULL DEFAULT '{}',
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'closed')),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forum_project_forum ON forum_project (forum_id);

CREATE TABLE forum_project_need (
    project_id    bigint NOT NULL REFERENCES forum_project (id) ON DELETE CASCADE,
    capability_id bigint NOT NULL REFERENCES forum_capability (id) ON DELETE CASCADE,
    weight        int    NOT NULL CHECK (weight BETWEEN 1 AND 5),
    position      int    NOT NULL,
    PRIMARY KEY (project_id, capability_id)
);

CREATE TABLE forum_interest (
    project_id      bigint NOT NULL REFERENCES forum_project (id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES forum_organization (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, organization_id)
);

CREATE TABLE forum_exclusion (
    project_id      bigint NOT NULL REFERENCES forum_project (id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES forum_organization (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, organization_id)
);

-- A proposed team. coverage: [{capability, weight, seats: [US, JP, KR]}] — who covers what.
CREATE TABLE forum_proposal (
    id          bigserial   PRIMARY KEY,
    project_id  bigint      NOT NULL REFERENCES forum_project (id) ON DELETE CASCADE,
    rank        int         NOT NULL,
    us_org      bigint      REFERENCES forum_organization (id) ON DELETE CASCADE,
    jp_org      bigint      REFERENCES forum_organization (id) ON DELETE CASCADE,
    kr_org      bigint      REFERENCES forum_organization (id) ON DELETE CASCADE,
    score       double precision NOT NULL,
    coverage    double precision NOT NULL,
    explanation jsonb       NOT NULL,
    state       text        NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'accepted', 'declined')),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forum_proposal_project ON forum_proposal (project_id);

CREATE TABLE forum_proposal_answer (
    proposal_id     bigint      NOT NULL REFERENCES forum_proposal (id) ON DELETE CASCADE,
    organization_id bigint      NOT NULL REFERENCES forum_organization (id) ON DELETE CASCADE,
    answer          text        NOT NULL CHECK (answer IN ('accept', 'decline')),
    answered_by     bigint      NOT NULL REFERENCES account (id),
    answered_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (proposal_id, organization_id)
);

CREATE TABLE forum_consortium (
    id          bigserial   PRIMARY KEY,
    forum_id    bigint      NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    project_id  bigint      NOT NULL REFERENCES forum_project (id) ON DELETE CASCADE,
    proposal_id bigint      NOT NULL UNIQUE REFERENCES forum_proposal (id) ON DELETE CASCADE,
    state       text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    notes       text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE forum_consortium_member (
    consortium_id   bigint NOT NULL REFERENCES forum_consortium (id) ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES forum_organization (id) ON DELETE CASCADE,
    PRIMARY KEY (consortium_id, organization_id)
);

CREATE TABLE forum_meeting (
    id            bigserial   PRIMARY KEY,
    forum_id      bigint      NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    requested_by  bigint      NOT NULL REFERENCES account (id),
    consortium_id bigint      REFERENCES forum_consortium (id) ON DELETE SET NULL,
    priority      int         NOT NULL CHECK (priority BETWEEN 1 AND 3),
    note          text        NOT NULL DEFAULT '',
    slot          int,
    table_no      int,
    published     boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((slot IS NULL) = (table_no IS NULL)),
    CHECK (NOT published OR slot IS NOT NULL)
);
CREATE INDEX forum_meeting_forum ON forum_meeting (forum_id);

CREATE TABLE forum_meeting_party (
    meeting_id bigint NOT NULL REFERENCES forum_meeting (id) ON DELETE CASCADE,
    account_id bigint NOT NULL REFERENCES account (id),
    answer     text   NOT NULL DEFAULT 'pending' CHECK (answer IN ('pending', 'accepted', 'declined')),
    PRIMARY KEY (meeting_id, account_id)
);
CREATE INDEX forum_meeting_party_account ON forum_meeting_party (account_id);
