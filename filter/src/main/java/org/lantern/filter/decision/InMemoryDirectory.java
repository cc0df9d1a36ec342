package org.lantern.filter.decision;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable {@link Directory} held in two hash maps, for tests, small sites and as the snapshot
 * the server builds from its people directory. A user name wins over a client IP, because a
 * shared or re-leased address says less about who is browsing than a log-on does. User names are
 * compared case-insensitively (Windows and RADIUS log-ons are), addresses exactly.
 */
public final class InMemoryDirectory implements Directory {

    private final Map<String, Subject> byUser;
    private final Map<String, Subject> byIp;

    private InMemoryDirectory(Map<String, Subject> byUser, Map<String, Subject> byIp) {
        this.byUser = Map.copyOf(byUser);
        this.byIp = Map.copyOf(byIp);
    }

    /** @return a builder for a new directory */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<Subject> resolve(String userName, String clientIp) {
        if (userName != null && !userName.isEmpty()) {
            Subject s = byUser.get(userName.toLowerCase(Locale.ROOT));
            if (s != null) {
                return Optional.of(s);
            }
        }
        if (clientIp != null && !clientIp.isEmpty()) {
            return Optional.ofNullable(byIp.get(clientIp));
        }
        return Optional.empty();
    }

    /** Collects user-name and address mappings; not thread-safe. */
    public static final class Builder {

        private final Map<String, Subject> byUser = new HashMap<>();
        private final Map<String, Subject> byIp = new HashMap<>();

        private Builder() {}

        /**
         * @param userName a proxy log-on name
         * @param subject who it belongs to
         * @return this builder
         */
        public Builder user(String userName, Subject subject) {
            Objects.requireNonNull(userName, "userName");
            byUser.put(userName.toLowerCase(Locale.ROOT), Objects.requireNonNull(subject, "subject"));
            return this;
        }

        /**
         * @param clientIp a client address, as the proxy reports it
         * @param subject who uses it (e.g. a pupil's assigned device)
         * @return this builder
         */
        public Builder ip(String clientIp, Subject subject) {
            byIp.put(Objects.requireNonNull(clientIp, "clientIp"), Objects.requireNonNull(subject, "subject"));
            return this;
        }

        /** @return the immutable directory */
        public InMemoryDirectory build() {
            return new InMemoryDirectory(byUser, byIp);
        }
    }
}
