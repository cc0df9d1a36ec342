-- The tamper-evident audit chain. Each entry carries the SHA-256 of its own content and of the
-- entry before it, so changing, removing or inserting an entry breaks every digest after it.
-- Rows are only ever inserted: the application has no UPDATE or DELETE on this table.
CREATE TABLE audit_chain (
    sequence_number BIGINT        NOT NULL PRIMARY KEY,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    action          VARCHAR(64)   NOT NULL,
    record_type     VARCHAR(64)   NOT NULL,
    record_id       VARCHAR(64)   NOT NULL,
    detail          VARCHAR(65536) NOT NULL,
    previous_digest CHAR(64)      NOT NULL,
    digest          CHAR(64)      NOT NULL
);

-- The single row every append locks and moves forward in the same transaction, so two appends
-- can never both extend the same entry (no fork), on H2 and PostgreSQL alike. It also records how
-- long the chain should be, so entries removed from the end are noticed.
CREATE TABLE audit_chain_head (
    id              INTEGER  NOT NULL PRIMARY KEY CHECK (id = 1),
    sequence_number BIGINT   NOT NULL,
    digest          CHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, sequence_number, digest)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
