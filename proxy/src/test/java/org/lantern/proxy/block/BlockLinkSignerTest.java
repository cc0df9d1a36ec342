package org.lantern.proxy.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockLinkSignerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String QUERY = "url=http%3A%2F%2Fcasino.example%2F&category=gambling&reason=Gambling";

    private final BlockLinkSigner signer = new BlockLinkSigner(key(1));

    @Test
    void aSignedQueryVerifiesToWhatWasSigned() {
        assertThat(signer.verify(signer.sign(QUERY, NOW), NOW.plusSeconds(30))).contains(QUERY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"url=http%3A%2F%2Fevil.example%2F", "&reason=Call+0800", "category=gambling"})
    void aChangedQueryDoesNotVerify(String change) {
        String signed = signer.sign(QUERY, NOW);

        assertThat(signer.verify(signed.replace("url=http%3A%2F%2Fcasino.example%2F", change), NOW)).isEmpty();
        assertThat(signer.verify(change + "&" + signed, NOW)).isEmpty();
    }

    @Test
    void anotherKeysSignatureOrNoneDoesNotVerify() {
        assertThat(signer.verify(new BlockLinkSigner(key(2)).sign(QUERY, NOW), NOW)).isEmpty();
        assertThat(signer.verify(QUERY, NOW)).isEmpty();
        assertThat(signer.verify(QUERY + "&t=1&sig=not-base64!", NOW)).isEmpty();
        assertThat(signer.verify(null, NOW)).isEmpty();
    }

    @Test
    void aLinkIsGoodForADayAndNotFromTooFarAhead() {
        String signed = signer.sign(QUERY, NOW);

        assertThat(signer.verify(signed, NOW.plus(BlockLinkSigner.VALID_FOR))).isPresent();
        assertThat(signer.verify(signed, NOW.plus(BlockLinkSigner.VALID_FOR).plusSeconds(1))).isEmpty();
        assertThat(signer.verify(signed, NOW.minus(BlockLinkSigner.CLOCK_SKEW))).isPresent();
        assertThat(signer.verify(signed, NOW.minus(BlockLinkSigner.CLOCK_SKEW).minusSeconds(1))).isEmpty();
    }

    @Test
    void onlyRedirectsToABlockPageAreSigned() {
        String blocked = signer.signRedirect("http://lantern.school/blocked?url=http://x.example/&category=games", NOW);
        String other = "http://school.example/sorry.html?url=http://x.example/";

        assertThat(signer.verify(blocked.substring(blocked.indexOf('?') + 1), NOW))
                .contains("url=http://x.example/&category=games");
        assertThat(signer.signRedirect(other, NOW)).isEqualTo(other);
    }

    @Test
    void theKeyFileIsMadeOnceOwnerOnlyAndThenRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(BlockLinkSigner.FILE_NAME);
        BlockLinkSigner made = BlockLinkSigner.readOrCreate(file);

        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(BlockLinkSigner.read(file).verify(made.sign(QUERY, NOW), NOW)).contains(QUERY);
        assertThat(BlockLinkSigner.readOrCreate(file).verify(made.sign(QUERY, NOW), NOW)).contains(QUERY);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aShortOrGarbledKeyIsRefused(@TempDir Path dir) throws IOException {
        Path shortKey = Files.writeString(dir.resolve("short.key"), "AAAA\n");
        Path garbled = Files.writeString(dir.resolve("garbled.key"), "not base64 at all!\n");

        assertThatThrownBy(() -> BlockLinkSigner.read(shortKey)).isInstanceOf(IOException.class).hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> BlockLinkSigner.read(garbled)).isInstanceOf(IOException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> new BlockLinkSigner(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
