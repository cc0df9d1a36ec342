package org.lantern.proxy.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.lantern.filter.files.OwnerOnly;

/**
 * The school's own certificate authority for TLS inspection. Squid ({@code ssl_bump}) signs a
 * certificate for each HTTPS site it inspects with this CA's key, so school devices that trust the
 * CA's certificate show no warning while Lantern sees the full address and the search typed,
 * where without inspection it sees only {@code CONNECT host:443}.
 *
 * <p>The CA may sign only end certificates (path length 0), and its key is RSA 3072 signed with
 * SHA-256, which every browser and operating system a school runs accepts. The certificate is
 * written as {@value #CERTIFICATE_FILE} (PEM, readable by all: it is installed on every device)
 * and the key as {@value #KEY_FILE} (PEM PKCS#8, owner-only: whoever holds it can impersonate any
 * site to the school's devices).
 */
public final class SchoolCa {

    /** The CA certificate's file name: give it to Squid ({@code tls-cert=}) and to every device. */
    public static final String CERTIFICATE_FILE = "lantern-ca.crt";
    /** The CA key's file name: give it to Squid ({@code tls-key=}) and to no one else. */
    public static final String KEY_FILE = "lantern-ca.key";
    /** Ten years: installing a new CA on every device is work a school should not repeat often. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);

    private static final AlgorithmIdentifier SHA256_WITH_RSA =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
    private static final int KEY_BITS = 3072;
    /** Devices whose clocks run a little slow must still accept the CA on its first day. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final X509Certificate certificate;
    private final KeyPair keys;

    private SchoolCa(X509Certificate certificate, KeyPair keys) {
        this.certificate = certificate;
        this.keys = keys;
    }

    /**
     * Makes a new CA: a new key and its self-signed certificate.
     *
     * @param name the certificate's common name, which devices show as the issuer of every
     *     inspected site, e.g. "Astley Park School TLS inspection"
     * @param validity how long the certificate is valid for from {@code now}
     * @param now the time the certificate starts (backdated an hour for slow clocks)
     * @return the CA, not yet written anywhere
     */
    public static SchoolCa create(String name, Duration validity, Instant now) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the CA's name is empty");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("the CA's validity must be positive");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
            SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            extensions.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            extensions.addExtension(Extension.subjectKeyIdentifier, false, keyIdentifier(publicKey));
            V3TBSCertificateGenerator tbs = template(subject, subject, publicKey, now, validity);
            tbs.setExtensions(extensions.generate());
            return new SchoolCa(sign(tbs, keys.getPrivate()), keys);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the CA could not be made: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@value #CERTIFICATE_FILE} and {@value #KEY_FILE} into {@code directory}, making it if
     * need be (owner-only). Never overwrites: a new CA would have to be installed on every device
     * again, so replacing one must be a deliberate act.
     *
     * @return the certificate file written
     * @throws FileAlreadyExistsException if either file is already there; nothing is written then
     */
    public Path writeTo(Path directory) throws IOException {
        Path cert = directory.resolve(CERTIFICATE_FILE);
        Path key = directory.resolve(KEY_FILE);
        for (Path existing : new Path[] {cert, key}) {
            if (Files.exists(existing)) {
                throw new FileAlreadyExistsException(existing.toString());
            }
        }
        OwnerOnly.createDirectories(directory);
        try (OutputStream out = Files.newOutputStream(Files.createFile(key, OwnerOnly.forFileIn(directory)),
                StandardOpenOption.WRITE)) {
            out.write(pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        }
        try {
            Files.write(cert, certificatePem(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // A key without its certificate is useless and would block the next attempt.
            Files.deleteIfExists(key);
            throw e;
        }
        return cert;
    }

    /** @return the CA's self-signed certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the CA's private key, which signs the certificates of inspected sites */
    PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** @return the certificate in PEM, as written to {@value #CERTIFICATE_FILE} */
    public byte[] certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the CA certificate could not be encoded", e);
        }
    }

    /**
     * A certificate's fields other than its extensions, signed with SHA-256 and RSA and with a
     * random serial number (browsers reject two certificates of one issuer with the same serial).
     */
    static V3TBSCertificateGenerator template(X500Name issuer, X500Name subject, SubjectPublicKeyInfo publicKey,
                                              Instant now, Duration validity) {
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(new BigInteger(127, new SecureRandom()).add(BigInteger.ONE)));
        tbs.setIssuer(issuer);
        tbs.setSubject(subject);
        tbs.setStartDate(new Time(Date.from(now.minus(BACKDATE))));
        tbs.setEndDate(new Time(Date.from(now.plus(validity))));
        tbs.setSubjectPublicKeyInfo(publicKey);
        tbs.setSignature(SHA256_WITH_RSA);
        return tbs;
    }

    /** @return the subject key identifier of {@code publicKey}: the SHA-1 of its key bits (RFC 5280 4.2.1.2) */
    static SubjectKeyIdentifier keyIdentifier(SubjectPublicKeyInfo publicKey) throws GeneralSecurityException {
        return new SubjectKeyIdentifier(MessageDigest.getInstance("SHA-1").digest(publicKey.getPublicKeyData().getBytes()));
    }

    /** @return the certificate {@code tbs} describes, signed with {@code issuerKey} */
    static X509Certificate sign(V3TBSCertificateGenerator tbs, PrivateKey issuerKey)
            throws IOException, GeneralSecurityException {
        TBSCertificate body = tbs.generateTBSCertificate();
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(issuerKey);
        signature.update(body.getEncoded(ASN1Encoding.DER));
        ASN1EncodableVector certificate = new ASN1EncodableVector();
        certificate.add(body);
        certificate.add(SHA256_WITH_RSA);
        certificate.add(new DERBitString(signature.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(new DERSequence(certificate).getEncoded(ASN1Encoding.DER)));
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
