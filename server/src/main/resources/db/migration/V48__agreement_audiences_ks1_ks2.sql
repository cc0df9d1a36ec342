-- Acceptable-use agreements (issue 18 section 1): the one primary pupils' agreement becomes two, Key
-- Stage 1 (Reception to Year 2) and Key Stage 2 (Years 3 to 6), since the youngest pupils sign other
-- words than the older ones. The audience is a name, not a constrained value, so only the rows move:
-- each PRIMARY version is copied as a KS1 version with the same number, text, author and time (the
-- school's history reads the same for both, and signatures count as before); the acceptances of pupils
-- now in Reception to Year 2 move to their KS1 copy; the PRIMARY versions themselves become KS2's, so
-- every other acceptance (Years 3 to 6, and any pupil since moved up or with no year group) keeps the
-- version row it was made against. Nothing is deleted.
INSERT INTO agreement_version (audience, number, title, body, change_kind, change_note, created_by, created_at,
                               policy_version)
SELECT 'KS1', number, title, body, change_kind, change_note, created_by, created_at, policy_version
FROM agreement_version WHERE audience = 'PRIMARY';

UPDATE agreement_acceptance
SET version_id = (SELECT k.id FROM agreement_version k JOIN agreement_version p ON p.number = k.number
                  WHERE k.audience = 'KS1' AND p.id = agreement_acceptance.version_id)
WHERE version_id IN (SELECT id FROM agreement_version WHERE audience = 'PRIMARY')
  AND person_id IN (SELECT id FROM person WHERE year_group IN ('R', '1', '2'));

UPDATE agreement_version SET audience = 'KS2' WHERE audience = 'PRIMARY';
