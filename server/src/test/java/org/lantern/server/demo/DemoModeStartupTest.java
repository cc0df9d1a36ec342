package org.lantern.server.demo;

import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// Configured as DemoRecordsTest is, so the two share one demo school.
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "lantern.mode=demo")
class DemoModeStartupTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoModeStartsWithTheDemoSchoolItsAccountsAndThePolicyInForce() {
        assertThat(jdbc.sql("SELECT username FROM account ORDER BY username").query(String.class).list())
                .containsExactly("admin", "dsl", "governor", "head", "pupil", "teacher");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single()).isGreaterThan(200L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_version").query(Long.class).single()).isEqualTo(1L);
    }
}
