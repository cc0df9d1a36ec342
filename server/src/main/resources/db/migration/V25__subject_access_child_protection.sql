-- Issue 15: a subject access export leaves out the person's child-protection records (the
-- requester may be a parent) unless the DSL or a deputy includes a record, one by one, with a
-- reason. One row per record included in answer to one request; withdrawing the inclusion
-- deletes the row, and the audit chain keeps both steps. The reason is kept here in words,
-- because the chain holds free text only by its SHA-256.
CREATE TABLE subject_access_cp_inclusion (
    request_id  BIGINT        NOT NULL REFERENCES subject_access_request (id) ON DELETE CASCADE,
    incident_id BIGINT        NOT NULL REFERENCES incident (id),
    reason      VARCHAR(2000) NOT NULL,
    included_by VARCHAR(64)   NOT NULL,
    included_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, incident_id)
);

CREATE INDEX subject_access_cp_inclusion_incident_idx ON subject_access_cp_inclusion (incident_id);
