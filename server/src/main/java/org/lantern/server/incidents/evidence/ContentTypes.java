package org.lantern.server.incidents.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Tells what a file is from its bytes (Apache Tika's magic numbers), never from its name or the
 * type the browser claims, so a web page renamed {@code photo.png} is seen as a web page. Also
 * used by the consent register for scans of consent forms.
 */
public final class ContentTypes {

    /** Markup a browser would run if it ever rendered the file, looked for in "plain text". */
    private static final List<String> MARKUP = List.of("<script", "<html", "<body", "<iframe", "<svg", "<!doctype",
            "<?xml", "<object", "<embed", "<meta", "<form", "javascript:");
    private static final int MARKUP_WINDOW = 64 * 1024;

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("image/png", "PNG image"), Map.entry("image/jpeg", "JPEG image"),
            Map.entry("image/gif", "GIF image"), Map.entry("image/webp", "WebP image"),
            Map.entry("application/pdf", "PDF"), Map.entry("text/plain", "plain text"),
            Map.entry("text/html", "web page (HTML)"), Map.entry("application/xhtml+xml", "web page (XHTML)"),
            Map.entry("image/svg+xml", "SVG drawing (it can hold scripts)"),
            Map.entry("application/zip", "ZIP archive"), Map.entry("application/x-msdownload", "Windows program"),
            Map.entry("application/x-sh", "shell script"), Map.entry("application/xml", "XML document"),
            Map.entry("application/x-executable", "program"), Map.entry("application/octet-stream", "unrecognised binary file"));

    private static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
            "image/gif", "gif", "image/webp", "webp", "application/pdf", "pdf", "text/plain", "txt");

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private ContentTypes() {
    }

    /** The media type of {@code bytes}, e.g. {@code image/png}, without parameters. */
    public static String detect(byte[] bytes) {
        String type;
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            type = DETECTOR.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory array cannot fail", e);
        }
        if (type.equals("text/plain") && containsMarkup(bytes)) {
            return "text/html";
        }
        return type;
    }

    /** What to call a type in a message, e.g. "PNG image". */
    public static String describe(String mediaType) {
        return NAMES.getOrDefault(mediaType, mediaType);
    }

    /** The file extension a download of this type gets. */
    public static String extension(String mediaType) {
        return EXTENSIONS.getOrDefault(mediaType, "bin");
    }

    private static boolean containsMarkup(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, MARKUP_WINDOW), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return MARKUP.stream().anyMatch(head::contains);
    }
}
