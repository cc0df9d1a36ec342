package org.lantern.server.unblocking;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.lantern.filter.decision.IllegalContentList;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.filter.url.UrlNormaliser;
import org.lantern.server.filtering.IllegalContentCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real illegal-content check over a small synthetic list ({@code unblocking/illegal-content.txt},
 * {@code .invalid} names only), for test contexts until the filtering feature's own check is
 * present; then that one is used instead.
 */
@Configuration
class TestIllegalContent {

    /** Whole site: everything on it is illegal. */
    static final String ILLEGAL_SITE = "https://www.abuse.invalid/";
    /** A folder on an otherwise ordinary site. */
    static final String ILLEGAL_FOLDER = "http://terror.invalid/propaganda/page.html";

    @Bean
    @ConditionalOnMissingBean(IllegalContentCheck.class)
    IllegalContentCheck testIllegalContentCheck() throws IOException, URISyntaxException {
        IllegalContentList.Builder builder = IllegalContentList.builder();
        builder.load("test-illegal", Path.of(TestIllegalContent.class.getResource("/unblocking/illegal-content.txt").toURI()));
        IllegalContentList list = builder.build();
        UrlNormaliser normaliser = new UrlNormaliser();
        return url -> {
            try {
                return list.match(normaliser.normalise(url)) != null;
            } catch (MalformedUrlException e) {
                return false;
            }
        };
    }
}
