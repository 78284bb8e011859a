-- The shared-understanding document of a dialogue (issue 11): its editors (each from a country
-- cohort), the working draft (sections by topic, clauses that cite statements), saved versions v1,
-- v2, … as snapshots, the editors' approvals of a version, and its publication. The dialogue feature
-- owns these tables.

-- An account given the editor role on one dialogue, speaking for one country cohort (JP, KR, …).
CREATE TABLE dialogue_editor (
    dialogue_id bigint      NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    country     text        NOT NULL CHECK (country ~ '^[A-Za-z]{2,16}$'),
    granted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dialogue_id, account_id)
);

-- A section of the working draft: its topic's title in each language written ({"en": "…", …}).
CREATE TABLE dialogue_section (
    id          bigserial   PRIMARY KEY,
    dialogue_id bigint      NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    position    int         NOT NULL,
    titles      jsonb       NOT NULL
);
CREATE INDEX dialogue_section_dialogue_idx ON dialogue_section (dialogue_id, position);

-- A clause of a section: its text in each language written, the statements it cites, and whether a
-- person approved it (a machine draft is not, until an editor does; only approved clauses are saved
-- into a version). flagged: ids the drafting model cited that it was not given.
CREATE TABLE dialogue_clause (
    id          bigserial   PRIMARY KEY,
    section_id  bigint      NOT NULL REFERENCES dialogue_section (id) ON DELETE CASCADE,
    position    int         NOT NULL,
    texts       jsonb       NOT NULL,
    cites       bigint[]    NOT NULL DEFAULT '{}',
    approved    boolean     NOT NULL DEFAULT true,
    origin      text        NOT NULL DEFAULT 'editor' CHECK (origin IN ('editor', 'machine')),
    flagged     bigint[]    NOT NULL DEFAULT '{}',
    written_by  bigint      REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX dialogue_clause_section_idx ON dialogue_clause (section_id, position);

-- Version n of the document: the approved clauses of the draft when it was saved, as JSON.
CREATE TABLE dialogue_document_version (
    dialogue_id  bigint      NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    number       int         NOT NULL CHECK (number >= 1),
    snapshot     jsonb       NOT NULL,
    saved_by     bigint      REFERENCES account (id) ON DELETE SET NULL,
    saved_at     timestamptz NOT NULL,
    published_at timestamptz,
    published_by bigint      REFERENCES account (id) ON DELETE SET NULL,
    PRIMARY KEY (dialogue_id, number)
);

-- An editor's approval of a version, with the country cohort they approved for.
CREATE TABLE dialogue_version_approval (
    dialogue_id bigint      NOT NULL,
    number      int         NOT NULL,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    country     text        NOT NULL,
    approved_at timestamptz NOT NULL,
    PRIMARY KEY (dialogue_id, number, account_id),
    FOREIGN KEY (dialogue_id, number) REFERENCES dialogue_document_version (dialogue_id, number) ON DELETE CASCADE
);
