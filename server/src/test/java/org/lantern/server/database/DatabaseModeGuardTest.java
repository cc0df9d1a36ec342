package org.lantern.server.database;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseModeGuardTest {

    private final DatabaseModeGuard guard = new DatabaseModeGuard();

    @Test
    void productionOnTheEmbeddedDatabaseIsRefusedWithAClearMessage() {
        var env = new MockEnvironment()
                .withProperty("lantern.mode", "production")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/lantern;MODE=PostgreSQL");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, null))
                .isInstanceOf(DatabaseModeGuard.EmbeddedDatabaseInProductionException.class)
                .hasMessageContaining("not PostgreSQL (jdbc:h2:file:./data/lantern)")
                .hasMessageContaining("LANTERN_DB_URL");
    }

    @Test
    void productionOnPostgresqlStarts() {
        var env = new MockEnvironment()
                .withProperty("lantern.mode", "production")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/lantern");
        assertThatCode(() -> guard.postProcessEnvironment(env, null)).doesNotThrowAnyException();
    }

    @Test
    void demoModeMayUseTheEmbeddedDatabase() {
        var env = new MockEnvironment()
                .withProperty("lantern.mode", "demo")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/lantern");
        assertThatCode(() -> guard.postProcessEnvironment(env, null)).doesNotThrowAnyException();
    }
}
