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
 * A test that drives the real server through a real headless Chromium (Debian's
 * {@code /usr/bin/chromium}, driven by Playwright). The server listens on a random port with a
 * fresh H2 database. Without Chromium the tests are skipped with a loud message, unless
 * {@code LANTERN_TEST_BROWSER_REQUIRED=1} (set by {@code .ci/run}), when they fail instead.
 * Inject the page with a {@link Browser} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@ExtendWith({Browser.AvailableCondition.class, Browser.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
public @interface BrowserTest {
}
