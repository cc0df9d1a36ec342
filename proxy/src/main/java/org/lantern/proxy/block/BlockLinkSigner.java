package org.lantern.proxy.block;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.lantern.filter.files.OwnerOnly;

/**
 * Signs the query of a redirect to Lantern's block page ({@code /blocked?url=...&category=...}),
 * so the page shows only what the filter decided: anyone can type a {@code /blocked} address with
 * words of their choosing, and without a signature the school's name would vouch for them.
 *
 * <p>HMAC-SHA256 over the query exactly as sent, after an issue time ({@code &t=}, seconds) is
 * appended; the MAC follows as {@code &sig=} (base64url). Signing, not a decision the server
 * records and looks up, because the ICAP server and squid-helper may run apart from the Lantern
 * server and its database, and a database write on every block would slow the proxy: the two
 * sides share only the key file, which the server creates in its data directory. A link is good
 * for {@link #VALID_FOR} after it was made, so one captured block page cannot be passed round for
 * long. Thread-safe; plain Java, so the proxy module can use it.
 */
public final class BlockLinkSigner {

    /** The key file's name in the Lantern server's data directory. */
    public static final String FILE_NAME = "block-page.key";
    /** How long after it was made a signed link is shown. */
    public static final Duration VALID_FOR = Duration.ofDays(1);
    /** How far ahead of the server's clock a link's time may be (the proxy's clock running fast). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int KEY_BYTES = 32;
    private static final String TIME = "&t=";
    private static final String SIGNATURE = "&sig=";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param key at least 32 random bytes
     * @throws IllegalArgumentException if the key is shorter
     */
    public BlockLinkSigner(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("a block-page key is at least " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * Reads a key file: the key in base64 on one line, as {@code openssl rand -base64 32} writes it.
     *
     * @throws IOException if it cannot be read or holds no key
     */
    public static BlockLinkSigner read(Path file) throws IOException {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a key in base64");
        }
        if (key.length < KEY_BYTES) {
            throw new IOException(file + " holds " + key.length + " bytes; a block-page key is " + KEY_BYTES);
        }
        return new BlockLinkSigner(key);
    }

    /**
     * Reads the key file, first making it (random, owner-only where the file system allows) when
     * there is none. A lost key costs nothing but the block links already handed out, so making a
     * new one is safe. Written under another name and moved into place, so it appears whole.
     *
     * @throws IOException if it cannot be read or written
     */
    public static BlockLinkSigner readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path directory = file.toAbsolutePath().getParent();
        OwnerOnly.createDirectories(directory);
        Path partial = Files.createTempFile(directory, FILE_NAME, ".new", OwnerOnly.forFileIn(directory));
        try {
            Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file);
            return new BlockLinkSigner(key);
        } catch (FileAlreadyExistsException e) {
            // Another process sharing the directory made it first: theirs is the key.
            return read(file);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * @param query the block page's query, without {@code ?}, e.g. {@code url=...&category=gambling}
     * @param at when the block was decided
     * @return the query with its issue time and signature appended
     */
    public String sign(String query, Instant at) {
        String timed = query + TIME + at.getEpochSecond();
        return timed + SIGNATURE + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(timed));
    }

    /**
     * Signs a redirect's query when the redirect is to a block page (its path ends {@code /blocked});
     * any other address is returned as it is, since appending to it could break it.
     *
     * @param location an absolute redirect address, e.g. a squidGuard.conf redirect after substitution
     * @param at when the block was decided
     */
    public String signRedirect(String location, Instant at) {
        int question = location.indexOf('?');
        String path = question < 0 ? location : location.substring(0, question);
        if (!path.endsWith("/blocked")) {
            return location;
        }
        return path + "?" + sign(question < 0 ? "" : location.substring(question + 1), at);
    }

    /**
     * @param query a block page's query as the browser sent it
     * @param now the time now
     * @return the query as it was signed (without time and signature) when the signature is right
     *     and the link is no older than {@link #VALID_FOR}; empty for anything else
     */
    public Optional<String> verify(String query, Instant now) {
        if (query == null) {
            return Optional.empty();
        }
        int signature = query.lastIndexOf(SIGNATURE);
        if (signature < 0) {
            return Optional.empty();
        }
        String timed = query.substring(0, signature);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(query.substring(signature + SIGNATURE.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(timed), given)) {
            return Optional.empty();
        }
        int time = timed.lastIndexOf(TIME);
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(timed.substring(time + TIME.length())));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
        if (at.isAfter(now.plus(CLOCK_SKEW)) || at.plus(VALID_FOR).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(timed.substring(0, time));
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
