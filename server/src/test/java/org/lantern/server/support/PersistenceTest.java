package org.lantern.server.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring Boot test that touches the database. It runs twice in {@code ./mvnw verify}: on an
 * in-memory H2 database, and (the {@code postgresql} Surefire execution) on a real PostgreSQL
 * server, each test class in a fresh schema. See {@link TestDatabase}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("persistence")
@ExtendWith(TestDatabase.AvailableCondition.class)
@SpringBootTest
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface PersistenceTest {
}
