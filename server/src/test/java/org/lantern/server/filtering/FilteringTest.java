package org.lantern.server.filtering;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.lantern.server.support.PersistenceTest;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * A filtering test: the application with synthetic category lists (casino.example is gambling,
 * friendface.example social networking),
 * a synthetic illegal-content list (abuse.invalid) and the in-process ICAP
 * server on a free port. The same settings on every filtering test class, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.filter.illegal-lists=src/test/resources/filtering/iwf-child-abuse.txt",
        "lantern.filter.people-cache=0s",
        "lantern.icap.port=0",
        "lantern.data-dir=target/filtering-test-data"})
@interface FilteringTest {
}
