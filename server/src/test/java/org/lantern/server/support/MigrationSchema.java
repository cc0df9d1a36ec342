package org.lantern.server.support;

import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A schema of its own for a migration test: built up to the version before the one tested, given
 * rows as the earlier versions wrote them, then migrated on, and dropped afterwards. Each test
 * gets a schema with a random name, so tests on a shared database never see each other's tables.
 * Registered on a {@link PersistenceTest} as a field, {@code @RegisterExtension final MigrationSchema
 * schema = new MigrationSchema("name");}, it is made on the context's database before each test
 * and dropped after it.
 */
public final class MigrationSchema implements BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private DataSource dataSource;
    private String schema;

    /** @param prefix the start of the schema's name, saying which test made it */
    public MigrationSchema(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        dataSource = SpringExtension.getApplicationContext(context).getBean(DataSource.class);
        schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        jdbc().sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    /** @return a client of the test database, whose statements name their tables by {@link #table} */
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
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
}
