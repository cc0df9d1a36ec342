package org.lantern.server.incidents.evidence;

import java.util.List;
import java.util.Locale;

/**
 * The checks every uploaded file passes before Lantern keeps it, shared by incident evidence and
 * the registers' scans and certificates: not empty, not over the size limit, and of an allowed
 * type as detected from its bytes ({@link ContentTypes}), never from its name or the type the
 * browser claims. Each refusal says what was wrong and that nothing was uploaded.
 *
 * @param noun         what the files are called in a message, plural, e.g. "evidence files"
 * @param maxBytes     the largest file accepted
 * @param allowedTypes media types accepted, e.g. {@code image/png}
 */
public record UploadCheck(String noun, long maxBytes, List<String> allowedTypes) {

    public UploadCheck {
        allowedTypes = List.copyOf(allowedTypes);
    }

    /**
     * The file's media type, detected from its bytes, once it has passed every check.
     *
     * @throws EvidenceRejectedException for an empty, oversized or disallowed file
     */
    public String typeOf(byte[] content) {
        if (content == null || content.length == 0) {
            throw new EvidenceRejectedException("The file is empty: choose the file to upload.");
        }
        checkSize(content.length);
        String type = ContentTypes.detect(content);
        if (!allowedTypes.contains(type)) {
            throw new EvidenceRejectedException("This file is a " + ContentTypes.describe(type) + " (" + type
                    + "), whatever its name says. " + capitalised(noun) + " can be " + allowedTypesText()
                    + ". Nothing was uploaded.");
        }
        return type;
    }

    /**
     * Refuses a file larger than the limit in plain words.
     *
     * @throws EvidenceRejectedException if {@code size} is over the limit
     */
    public void checkSize(long size) {
        if (size > maxBytes) {
            throw new EvidenceRejectedException("The file is " + humanSize(size) + "; " + noun + " may be at most "
                    + humanSize(maxBytes) + ". Nothing was uploaded.");
        }
    }

    /** The allowed types in words, e.g. "PNG image, JPEG image or PDF". */
    public String allowedTypesText() {
        List<String> names = allowedTypes.stream().map(ContentTypes::describe).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /** The largest file accepted, in words, e.g. "10 MB". */
    public String maxSizeText() {
        return humanSize(maxBytes);
    }

    /** The file extension a download of this type gets, e.g. {@code pdf}. */
    public static String extension(String mediaType) {
        return ContentTypes.extension(mediaType);
    }

    /**
     * A file's name as uploaded, fit to show and store: without any folder, control characters or
     * surrounding spaces, cut to {@code max} characters, and "upload" when nothing is left.
     */
    public static String displayName(String fileName, int max) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() > max) {
            name = name.substring(0, max);
        }
        return name.isEmpty() ? "upload" : name;
    }

    /** A size for people: bytes, KB or MB (powers of 1024, as file managers show them). */
    public static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f MB", mb) : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
