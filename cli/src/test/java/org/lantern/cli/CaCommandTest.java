package org.lantern.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CaCommandTest {

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun();

    @Test
    void createWritesACaCertificateForDevicesAndItsKeyForSquidAlone() throws Exception {
        Path dir = tmp.resolve("lantern-ca");

        int code = cli.lantern("ca", "create", "--dir", dir.toString(), "--name", "Astley Park School", "--days", "365");

        assertThat(code).isZero();
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(dir.resolve("lantern-ca.crt")));
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Astley Park School");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).as("a CA that signs only site certificates").isZero();
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getNotAfter().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(365)), within(Duration.ofMinutes(5)));
        assertThat(signsFor(readKey(dir.resolve("lantern-ca.key")), ca)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lantern-ca.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(cli.out.toString()).contains("Install on every school device: " + dir.resolve("lantern-ca.crt"));
    }

    @Test
    void anExistingCaIsNeverReplaced() throws Exception {
        cli.lantern("ca", "create", "--dir", tmp.toString());
        byte[] key = Files.readAllBytes(tmp.resolve("lantern-ca.key"));
        byte[] certificate = Files.readAllBytes(tmp.resolve("lantern-ca.crt"));
        CliRun again = new CliRun();

        int code = again.lantern("ca", "create", "--dir", tmp.toString());

        assertThat(code).isEqualTo(CliException.CANNOT_RUN);
        assertThat(again.err.toString().lines().toList()).singleElement().asString()
                .contains("lantern-ca.crt already exists", "installed on every device");
        assertThat(Files.readAllBytes(tmp.resolve("lantern-ca.key"))).isEqualTo(key);
        assertThat(Files.readAllBytes(tmp.resolve("lantern-ca.crt"))).isEqualTo(certificate);
    }

    @ParameterizedTest
    @CsvSource({"--days, 0, --days must be at least 1", "--name, ' ', --name must not be empty"})
    void aBadOptionIsOneLineAndWritesNothing(String option, String value, String message) {
        int code = cli.lantern("ca", "create", "--dir", tmp.resolve("ca").toString(), option, value);

        assertThat(code).isEqualTo(CliException.CANNOT_RUN);
        assertThat(cli.err.toString().lines().toList()).singleElement().asString().contains(message);
        assertThat(tmp.resolve("ca")).doesNotExist();
    }

    private static PrivateKey readKey(Path pem) throws Exception {
        String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    }

    private static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] data = "inspected".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(signer.sign());
    }
}
