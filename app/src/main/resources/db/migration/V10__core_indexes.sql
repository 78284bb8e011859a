-- Core lookups that V1 left to sequential scans: conversations an account owns or staffs (the
-- visible-conversations list and every access check), and a conversation's invites.
CREATE INDEX conversation_owner_idx ON conversation (owner_id);
CREATE INDEX conversation_member_account_idx ON conversation_member (account_id);
CREATE INDEX invite_conversation_idx ON invite (conversation_id);

COMMENT ON COLUMN cohort_dimension.required IS
    'true: the value is fixed by the invite link a participant joins with (every invite must fix it, participants cannot self-declare it); false: self-declared at join (an invite may still fix it)';
