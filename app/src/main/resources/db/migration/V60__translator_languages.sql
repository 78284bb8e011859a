-- The languages a translator translates into, in the order the organizer gave (the first is the
-- one their desk opens on). Kept per membership, not per account: translators are chosen for one
-- conversation, and who covers Korean for one conversation may cover only Japanese for another;
-- removing the membership removes its languages with it.
--
-- A column with a default rather than a table of its own: every existing translator, and every
-- insert that names no languages, keeps translating into all three as before. The column is read
-- only on 'translator' rows; organizers and moderators may translate into any language.
ALTER TABLE conversation_member
    ADD COLUMN languages text[] NOT NULL DEFAULT ARRAY['ja', 'ko', 'en']
        CHECK (cardinality(languages) BETWEEN 1 AND 3
               AND languages <@ ARRAY['ja', 'ko', 'en']
               AND array_position(languages, NULL) IS NULL);
