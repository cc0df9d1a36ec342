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
 * A filtering test whose people directory caches people for an hour, as {@link FilteringTest}
 * otherwise: a change to a person shows in the next decision only if the people feature announced
 * it and the filter forgot that person, which is what these tests prove.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PersistenceTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "lantern.filter.lists=src/test/resources/filtering/lists",
        "lantern.filter.illegal-lists=src/test/resources/filtering/iwf-child-abuse.txt",
        "lantern.filter.people-cache=1h",
        "lantern.icap.port=0",
        "lantern.data-dir=target/filtering-test-data"})
@interface CachedPeopleFilteringTest {
}
