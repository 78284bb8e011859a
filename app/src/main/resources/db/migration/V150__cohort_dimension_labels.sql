-- Labels of an organizer's own cohort dimensions share cohort_label with the labels of their values:
-- an empty value labels the dimension itself (its name in that language).
COMMENT ON COLUMN cohort_label.value IS 'the cohort value labelled; empty: the dimension itself';
