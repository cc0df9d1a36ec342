package org.lantern.filter.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lantern.filter.url.NormalisedUrl;

/**
 * Every reason a URL belongs to a category: domain, then urllist, then expression matches, each
 * naming its list and entry so a decision can always be explained. Immutable and thread-safe.
 */
public final class CategoryMatcher {

    private final DomainMatcher domains;
    private final UrlListMatcher urls;
    private final ExpressionMatcher expressions;

    /**
     * @param domains domainlist entries of every list
     * @param urls urllist entries of every list
     * @param expressions expressionlist entries of every list
     */
    public CategoryMatcher(DomainMatcher domains, UrlListMatcher urls, ExpressionMatcher expressions) {
        this.domains = Objects.requireNonNull(domains, "domains");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.expressions = Objects.requireNonNull(expressions, "expressions");
    }

    /**
     * @param url the normalised request
     * @return all matches, domain matches (most specific first), then url, then expression
     *     matches; empty when the URL is in no list
     */
    public List<Match> match(NormalisedUrl url) {
        List<Match> d = domains.match(url);
        List<Match> u = urls.match(url);
        List<Match> e = expressions.match(url);
        if (u.isEmpty() && e.isEmpty()) {
            return d;
        }
        List<Match> all = new ArrayList<>(d.size() + u.size() + e.size());
        all.addAll(d);
        all.addAll(u);
        all.addAll(e);
        return List.copyOf(all);
    }

    /** @return the domain matcher, for statistics */
    public DomainMatcher domains() {
        return domains;
    }

    /** @return the urllist matcher, for statistics */
    public UrlListMatcher urls() {
        return urls;
    }

    /** @return the expression matcher, for statistics */
    public ExpressionMatcher expressions() {
        return expressions;
    }
}
