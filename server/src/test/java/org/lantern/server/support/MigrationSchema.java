package org.lantern.server.support;

import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A schema of its own for a migration test: built up to the version before the one tested, given
 * rows as the earlier versions wrote them, then migrated on, and dropped afterwards. Each test
 * gets a schema with a random name, so tests on a shared database never see each other's tables.
 */
public final class MigrationSchema {

    private final DataSource dataSource;
    private final String schema;

    /**
     * @param dataSource the test database
     * @param prefix     the start of the schema's name, saying which test made it
     */
    public MigrationSchema(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    /**
     * Migrates to whatever version comes last before {@code version}, so the test still builds the
     * right schema when versions are added below it.
     */
    public void migrateToJustBefore(MigrationVersion version) {
        String before = Arrays.stream(flyway("latest").info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(version) < 0).max(Comparator.naturalOrder()).orElseThrow().getVersion();
        flyway(before).migrate();
    }

    /** @param target a version, or {@code latest} */
    public void migrateTo(String target) {
        flyway(target).migrate();
    }

    /** @return the table's name qualified by the schema */
    public String table(String name) {
        return schema + "." + name;
    }

    /** Drops the schema and everything in it. */
    public void drop() {
        JdbcClient.create(dataSource).sql("DROP SCHEMA " + schema + " CASCADE").update();
    }
}
