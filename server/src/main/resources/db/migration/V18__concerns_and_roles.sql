-- Concerns about a child apart from misuse (issue 14): every person on a record has a role, a
-- record is a concern (a category of the policy's safeguarding list) or misuse (a row of the
-- Actions / Sanctions tables), and each action names the person it concerns.

-- CONCERN or MISUSE. Existing staff records are misuse (their category is a sanctions row); a
-- pupil's own report is a concern, never misuse.
ALTER TABLE incident ADD COLUMN incident_type VARCHAR(8) DEFAULT 'MISUSE' NOT NULL;
UPDATE incident SET incident_type = 'CONCERN' WHERE source = 'PUPIL_REPORT';
-- On a concern with an alleged perpetrator (bullying), the sanctions row applied to them, as
-- published when recorded; null otherwise (a misuse record's row is its category).
ALTER TABLE incident ADD COLUMN sanction_id VARCHAR(100);
ALTER TABLE incident ADD COLUMN sanction_text VARCHAR(1000);

-- The people on a record and their roles: AT_RISK, MISUSER, WITNESS, REPORTER. One person may
-- hold two roles (a pupil reporting what happened to them is reporter and at risk). The table
-- keeps its name, so everything that asks who a record names still does.
CREATE TABLE incident_person (
    incident_id BIGINT      NOT NULL REFERENCES incident (id),
    person_id   BIGINT      NOT NULL REFERENCES person (id),
    role        VARCHAR(16) NOT NULL,
    PRIMARY KEY (incident_id, person_id, role)
);
-- Existing records move over: a staff record's subject is its misuser; a pupil who reported a
-- concern signed in is its reporter and the child it is about.
INSERT INTO incident_person (incident_id, person_id, role)
    SELECT s.incident_id, s.person_id, 'MISUSER' FROM incident_subject s JOIN incident i ON i.id = s.incident_id
    WHERE i.source = 'STAFF';
INSERT INTO incident_person (incident_id, person_id, role)
    SELECT s.incident_id, s.person_id, r.role FROM incident_subject s JOIN incident i ON i.id = s.incident_id
    CROSS JOIN (SELECT 'REPORTER' AS role UNION ALL SELECT 'AT_RISK') r
    WHERE i.source = 'PUPIL_REPORT';
DROP TABLE incident_subject;
ALTER TABLE incident_person RENAME TO incident_subject;
CREATE INDEX incident_subject_person_idx ON incident_subject (person_id);

-- The person an action concerns: a sanction applies to one misuser, a concern's step for each
-- child at risk to that child; null for a step of the record as a whole. An existing record's
-- actions name its misuser when it has one; with several they stay the record's, applying to each.
ALTER TABLE incident_action ADD COLUMN person_id BIGINT REFERENCES person (id);
UPDATE incident_action SET person_id = (SELECT MIN(s.person_id) FROM incident_subject s
        WHERE s.incident_id = incident_action.incident_id AND s.role = 'MISUSER')
    WHERE incident_id IN (SELECT s.incident_id FROM incident_subject s WHERE s.role = 'MISUSER'
        GROUP BY s.incident_id HAVING COUNT(*) = 1);
CREATE INDEX incident_action_person_idx ON incident_action (person_id);
