package org.lantern.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database a test context runs on. The system property {@code lantern.test.database}
 * is {@code h2} (default) or {@code postgresql}. PostgreSQL is found through
 * {@code LANTERN_TEST_PG_URL}, {@code LANTERN_TEST_PG_USER}, {@code LANTERN_TEST_PG_PASSWORD}
 * (defaults: {@code jdbc:postgresql://localhost:5432/lantern_test}, {@code lantern}, {@code lantern}).
 * When PostgreSQL is wanted but not reachable the tests are skipped with a loud message, unless
 * {@code LANTERN_TEST_PG_REQUIRED=1} (set by {@code .ci/run}), when they fail instead.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    static boolean postgresqlWanted() {
        return "postgresql".equalsIgnoreCase(System.getProperty("lantern.test.database", "h2"));
    }

    static String pgUrl() {
        return env("LANTERN_TEST_PG_URL", "jdbc:postgresql://localhost:5432/lantern_test");
    }

    static String pgUser() {
        return env("LANTERN_TEST_PG_USER", "lantern");
    }

    static String pgPassword() {
        return env("LANTERN_TEST_PG_PASSWORD", "lantern");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Flyway for a database of its own, on the database the run is for (a new H2 memory database or
     * a new PostgreSQL schema), migrated only as far as {@code target}: for testing a migration
     * against rows of the shape before it. Run the test class with {@link AvailableCondition}.
     */
    public static org.flywaydb.core.api.configuration.FluentConfiguration freshFlyway(String target) {
        String name = "m_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        org.flywaydb.core.api.configuration.FluentConfiguration flyway = org.flywaydb.core.Flyway.configure()
                .locations("classpath:db/migration").target(target);
        return postgresqlWanted()
                ? flyway.dataSource(pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + name, pgUser(),
                        pgPassword()).schemas(name).createSchemas(true)
                : flyway.dataSource("jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** Skips (or, in CI, fails) PostgreSQL runs when no server answers. */
    public static final class AvailableCondition implements ExecutionCondition {
        private static volatile String unreachable;
        private static volatile boolean checked;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!postgresqlWanted()) {
                return ConditionEvaluationResult.enabled("H2 in-memory database");
            }
            if (!checked) {
                try (Connection ignored = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword())) {
                    unreachable = null;
                } catch (SQLException e) {
                    unreachable = e.getMessage();
                }
                checked = true;
            }
            if (unreachable == null) {
                return ConditionEvaluationResult.enabled("PostgreSQL at " + pgUrl());
            }
            String message = "*** SKIPPING PostgreSQL persistence tests: no PostgreSQL at " + pgUrl()
                    + " (" + unreachable + "). Run .ci/run, or start PostgreSQL and set LANTERN_TEST_PG_URL. ***";
            if ("1".equals(System.getenv("LANTERN_TEST_PG_REQUIRED"))) {
                throw new IllegalStateException(message.replace("SKIPPING", "CANNOT RUN"));
            }
            System.err.println(message);
            return ConditionEvaluationResult.disabled(message);
        }
    }

    /** Points the context at a fresh database: a new H2 memory database, or a new PostgreSQL schema. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            Map<String, Object> props = postgresqlWanted()
                    ? Map.of(
                            "spring.datasource.url", pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + name,
                            "spring.datasource.username", pgUser(),
                            "spring.datasource.password", pgPassword(),
                            "spring.flyway.schemas", name,
                            "spring.flyway.create-schemas", "true")
                    : Map.of(
                            "spring.datasource.url", "jdbc:h2:mem:" + name
                                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                            "spring.datasource.username", "sa",
                            "spring.datasource.password", "");
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("lanternTestDatabase", Map.copyOf(props)));
        }
    }
}
