package dev.locus.protocol.identity;

import dev.locus.geo.position.GeoPosition;
import dev.locus.protocol.ProtocolException;
import dev.locus.protocol.crypto.Ed25519Keys;
import dev.locus.protocol.wire.Fields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * The manufacturer (device) CA that certifies device keys with their serial and model, and
 * landmark keys with their surveyed position. Ed25519 throughout. The CA key lives in a PKCS#12
 * file; a production CA would keep it in an HSM behind the same {@link #certifyDevice} calls.
 * Thread-safe.
 */
public final class CertificateAuthority {
    private final byte[] secret;
    private final byte[] publicKey;
    private final X509Certificate certificate;
    private final X500Name name;
    private final InstantSource clock;
    private final SecureRandom random;

    private CertificateAuthority(byte[] secret, X509Certificate certificate, InstantSource clock, SecureRandom random) {
        this.secret = secret;
        this.publicKey = Ed25519Keys.publicKey(secret);
        this.certificate = certificate;
        this.name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        this.clock = clock;
        this.random = random;
        if (!java.security.MessageDigest.isEqual(publicKey, Ed25519Keys.rawPublicKey(certificate.getPublicKey()))) {
            throw new ProtocolException("CA certificate does not match the CA private key");
        }
    }

    /** Creates a new self-signed CA named {@code commonName}, valid for {@code validity} from now. */
    public static CertificateAuthority create(
            String commonName, Duration validity, InstantSource clock, SecureRandom random) {
        Fields.checkId("CA name", commonName);
        byte[] sk = Ed25519Keys.generateSecret(random);
        byte[] pk = Ed25519Keys.publicKey(sk);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Locus")
                .addRDN(BCStyle.CN, commonName)
                .build();
        Instant now = clock.instant();
        X509v3CertificateBuilder b = builder(subject, subject, now, validity, pk, random);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new ProtocolException("cannot build the CA certificate", e);
        }
        X509Certificate cert = sign(b, sk, pk);
        return new CertificateAuthority(sk, cert, clock, random);
    }

    /** Loads a CA from its PKCS#12 file. */
    public static CertificateAuthority load(Path file, char[] password, InstantSource clock, SecureRandom random)
            throws IOException {
        KeyStores.Entry e = KeyStores.read(file, password);
        return new CertificateAuthority(Ed25519Keys.rawSecret(e.privateKey()), e.leaf(), clock, random);
    }

    /** Writes the CA key and certificate to a new PKCS#12 file. */
    public void save(Path file, char[] password) throws IOException {
        KeyStores.writeEd25519(file, secret, List.of(certificate), password);
    }

    /** The self-signed CA certificate: the trust anchor verifiers are given. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Certifies a device public key with its serial number and model. */
    public X509Certificate certifyDevice(
            String serial, String model, SubjectPublicKeyInfo devicePublicKey, Duration validity) {
        Fields.checkId("device serial", serial);
        Fields.checkId("device model", model);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Locus device")
                .addRDN(BCStyle.CN, model)
                .addRDN(BCStyle.SERIALNUMBER, serial)
                .build();
        X509v3CertificateBuilder b = builder(name, subject, clock.instant(), validity, devicePublicKey, random);
        try {
            endEntity(b, LocusOids.DEVICE_IDENTITY);
        } catch (CertIOException e) {
            throw new ProtocolException("cannot build device certificate for " + serial, e);
        }
        return sign(b, secret, publicKey);
    }

    /** Certifies a landmark key with its id, name and surveyed position. */
    public X509Certificate certifyLandmark(
            String id,
            String displayName,
            GeoPosition position,
            SubjectPublicKeyInfo landmarkPublicKey,
            Duration validity) {
        Fields.checkId("landmark id", id);
        Fields.checkId("landmark name", displayName);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Locus landmark")
                .addRDN(BCStyle.CN, id)
                .build();
        X509v3CertificateBuilder b = builder(name, subject, clock.instant(), validity, landmarkPublicKey, random);
        try {
            endEntity(b, LocusOids.LANDMARK_IDENTITY);
            b.addExtension(
                    LocusOids.LANDMARK_POSITION,
                    false,
                    new DERUTF8String(position.latitudeDegrees() + "," + position.longitudeDegrees()));
            b.addExtension(LocusOids.LANDMARK_NAME, false, new DERUTF8String(displayName));
        } catch (CertIOException e) {
            throw new ProtocolException("cannot build landmark certificate for " + id, e);
        }
        return sign(b, secret, publicKey);
    }

    /** An end entity's extensions: not a CA, signatures only, for the one Locus purpose given. */
    private static void endEntity(X509v3CertificateBuilder b, ASN1ObjectIdentifier purpose) throws CertIOException {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.getInstance(purpose)));
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer,
            X500Name subject,
            Instant now,
            Duration validity,
            byte[] rawPublicKey,
            SecureRandom random) {
        return builder(issuer, subject, now, validity, Ed25519Keys.subjectPublicKeyInfo(rawPublicKey), random);
    }

    private static X509v3CertificateBuilder builder(
            X500Name issuer,
            X500Name subject,
            Instant now,
            Duration validity,
            SubjectPublicKeyInfo key,
            SecureRandom random) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive, got " + validity);
        }
        BigInteger serial = new BigInteger(127, random).add(BigInteger.ONE);
        // one minute of back-dating tolerates small clock differences between CA and verifiers
        Date notBefore = Date.from(now.minusSeconds(60));
        Date notAfter = Date.from(now.plus(validity));
        return new X509v3CertificateBuilder(issuer, serial, notBefore, notAfter, subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, byte[] sk, byte[] pk) {
        try {
            return Certificates.parse(b.build(new Ed25519ContentSigner(sk, pk)).getEncoded());
        } catch (IOException e) {
            throw new ProtocolException("cannot encode a freshly built certificate", e);
        }
    }

    /** BouncyCastle content signer over raw Ed25519 keys (no JCA provider needed). */
    private static final class Ed25519ContentSigner implements ContentSigner {
        private final byte[] sk;
        private final byte[] pk;
        private final ByteArrayOutputStream tbs = new ByteArrayOutputStream();

        Ed25519ContentSigner(byte[] sk, byte[] pk) {
            this.sk = sk;
            this.pk = pk;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(org.bouncycastle.asn1.edec.EdECObjectIdentifiers.id_Ed25519);
        }

        @Override
        public OutputStream getOutputStream() {
            return tbs;
        }

        @Override
        public byte[] getSignature() {
            return Ed25519Keys.sign(sk, pk, tbs.toByteArray());
        }
    }
}
