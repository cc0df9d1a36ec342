-- Incidents, second slice: pupils' own reports (possibly anonymous), child-protection records kept
-- apart from behaviour records, decisions not to refer, escalation of continued infringements and
-- the illegal-material path with its investigation.

-- An anonymous pupil's report has no account behind it, and must not have one.
ALTER TABLE incident ALTER COLUMN recorded_by_account DROP NOT NULL;
-- CHILD_PROTECTION records are read only by the DSL and deputies; existing records are behaviour.
ALTER TABLE incident ADD COLUMN record_kind VARCHAR(16) DEFAULT 'BEHAVIOUR' NOT NULL;
-- STAFF (recorded by staff) or PUPIL_REPORT (/report-concern).
ALTER TABLE incident ADD COLUMN source VARCHAR(16) DEFAULT 'STAFF' NOT NULL;
-- A pupil who reported without signing in and without asking to stay anonymous: the name they
-- typed and the address of the device they used. Both null for an anonymous report.
ALTER TABLE incident ADD COLUMN reporter_name VARCHAR(100);
ALTER TABLE incident ADD COLUMN reporter_address VARCHAR(45);
-- Suspected illegal material (seed 002 "Illegal Incidents"): refer to the police, investigate
-- with two senior staff on a designated computer.
ALTER TABLE incident ADD COLUMN illegal_path BOOLEAN DEFAULT FALSE NOT NULL;

-- NOT_REFERRED does not fit the first slice's eight characters.
ALTER TABLE incident_action ALTER COLUMN status SET DATA TYPE VARCHAR(16);
-- When the action was created; null for actions of the first slice, which were all created
-- when their incident was recorded.
ALTER TABLE incident_action ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE record_access ALTER COLUMN channel SET DATA TYPE VARCHAR(16);

-- A further incident for the same person within the escalation period, and the earlier incidents
-- that made it a continued infringement.
CREATE TABLE incident_escalation (
    incident_id         BIGINT NOT NULL REFERENCES incident (id),
    earlier_incident_id BIGINT NOT NULL REFERENCES incident (id),
    PRIMARY KEY (incident_id, earlier_incident_id)
);

-- The investigation of an incident on the illegal path. Monitoring of the item is halted when the
-- incident enters the path; the investigation closes only with its designated computer, its
-- outcome and at least two senior staff (incident_investigator).
CREATE TABLE incident_investigation (
    incident_id          BIGINT PRIMARY KEY REFERENCES incident (id),
    monitoring_halted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    monitoring_halted_by VARCHAR(64)   NOT NULL,
    designated_computer  VARCHAR(200),
    outcome              VARCHAR(5000),
    closed_by            VARCHAR(64),
    closed_at            TIMESTAMP WITH TIME ZONE
);

CREATE TABLE incident_investigator (
    incident_id BIGINT      NOT NULL REFERENCES incident (id),
    account_id  BIGINT      NOT NULL REFERENCES account (id),
    username    VARCHAR(64) NOT NULL,
    role        VARCHAR(32) NOT NULL,
    PRIMARY KEY (incident_id, account_id)
);
