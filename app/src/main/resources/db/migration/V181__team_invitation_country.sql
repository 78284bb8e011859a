-- The country cohort an invited dialogue editor writes for (JP, KR, …): publishing a document
-- version needs an approval from an editor of Japan and one of Korea, so the invitation says which.
-- Null for conversation roles.
ALTER TABLE team_invitation ADD COLUMN country text;
