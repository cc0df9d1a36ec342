-- A signed filtering review keeps the evidence it was signed against (issue 18 §6): at the final
-- signature the policy version, the change-control log, the year's counts and each category's
-- filter-test result are stored as JSON, so last year's review shows what was signed, not today's
-- figures. Reviews signed before this column existed have none and show live evidence with a note.
ALTER TABLE filtering_review ADD COLUMN signed_evidence VARCHAR(100000);
