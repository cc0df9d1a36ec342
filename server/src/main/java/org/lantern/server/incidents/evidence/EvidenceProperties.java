package org.lantern.server.incidents.evidence;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What evidence uploads Lantern accepts ({@code lantern.evidence.*}). The defaults are the types
 * a screenshot or a saved document comes as and that no browser runs as code: PNG, JPEG, GIF and
 * WebP images, PDF and plain text. The server-wide upload limit
 * ({@code spring.servlet.multipart.max-file-size}, 10 MB) caps {@code maxSize}.
 *
 * @param maxSize      the largest file accepted (default 10 MB)
 * @param allowedTypes media types accepted, as detected from the bytes
 */
@ConfigurationProperties(prefix = "lantern.evidence")
public record EvidenceProperties(DataSize maxSize, List<String> allowedTypes) {

    /** The default allowed media types. */
    public static final List<String> DEFAULT_TYPES =
            List.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain");

    public EvidenceProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? DEFAULT_TYPES : List.copyOf(allowedTypes);
    }
}
