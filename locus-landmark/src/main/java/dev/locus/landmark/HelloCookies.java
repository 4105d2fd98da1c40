package dev.locus.landmark;

import dev.locus.protocol.wire.Message;
import dev.locus.protocol.wire.SessionId;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless HELLO cookies (as DTLS's HelloVerifyRequest and QUIC's Retry): a cookie is {@code u32
 * time slot | HMAC-SHA256(secret of that slot, "LOCUS-COOKIE-V1" | slot | source address | source
 * port | session id | rounds | device certificate)} truncated to {@value #MAC_BYTES} bytes. Only a
 * client that receives datagrams at its source address learns the cookie for it, so the landmark
 * keeps no per-session state for a HELLO until its cookie verifies.
 *
 * <p>Each time slot ({@code slot} long, on the monotonic clock) has its own random 256-bit secret;
 * a cookie is accepted during its slot and the next one, so it lives between one and two slots,
 * after which its secret is forgotten. Secrets never leave the process. Thread-safe.
 */
final class HelloCookies {
    /** Bytes of the truncated MAC: 128 bits, as a forged cookie must guess all of them. */
    static final int MAC_BYTES = 16;

    static final int COOKIE_BYTES = 4 + MAC_BYTES;

    private static final byte[] TAG = "LOCUS-COOKIE-V1".getBytes(StandardCharsets.US_ASCII);

    private record Secrets(long slot, SecretKeySpec current, SecretKeySpec previous) {}

    private final long slotNanos;
    private final LongSupplier nanoClock;
    private final SecureRandom random;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(HelloCookies::newMac);
    private volatile Secrets secrets;

    /**
     * @param slotNanos length of a time slot; a cookie is accepted for one to two slots
     * @param nanoClock monotonic clock
     * @param random source of the slot secrets
     */
    HelloCookies(long slotNanos, LongSupplier nanoClock, SecureRandom random) {
        if (slotNanos <= 0) {
            throw new IllegalArgumentException("cookie slot must be > 0 ns, got " + slotNanos);
        }
        this.slotNanos = slotNanos;
        this.nanoClock = nanoClock;
        this.random = random;
        long slot = currentSlot();
        this.secrets = new Secrets(slot, newSecret(), newSecret());
    }

    /** The cookie for this HELLO from {@code source}, valid for the current slot and the next. */
    byte[] issue(InetSocketAddress source, Message.Hello hello) {
        Secrets s = rotate();
        byte[] cookie = new byte[COOKIE_BYTES];
        ByteBuffer.wrap(cookie).putInt((int) s.slot());
        System.arraycopy(mac(s.current(), s.slot(), source, hello), 0, cookie, 4, MAC_BYTES);
        return cookie;
    }

    /** Whether the HELLO's cookie was issued by this landmark to {@code source} for exactly this HELLO, recently. */
    boolean verify(InetSocketAddress source, Message.Hello hello) {
        byte[] cookie = hello.cookie().toArray();
        if (cookie.length != COOKIE_BYTES) {
            return false;
        }
        Secrets s = rotate();
        int slot = ByteBuffer.wrap(cookie).getInt();
        SecretKeySpec key;
        if (slot == (int) s.slot()) {
            key = s.current();
        } else if (slot == (int) (s.slot() - 1)) {
            key = s.previous();
        } else {
            return false;
        }
        byte[] expected = mac(key, slot & 0xFFFFFFFFL, source, hello);
        byte[] given = new byte[MAC_BYTES];
        System.arraycopy(cookie, 4, given, 0, MAC_BYTES);
        return MessageDigest.isEqual(expected, given);
    }

    private long currentSlot() {
        return Math.floorDiv(nanoClock.getAsLong(), slotNanos) & 0xFFFFFFFFL;
    }

    /** The secrets for the current slot, rotating when a slot has passed; a gap of two or more forgets both. */
    private Secrets rotate() {
        Secrets s = secrets;
        long now = currentSlot();
        if (now == s.slot()) {
            return s;
        }
        synchronized (this) {
            s = secrets;
            if (now != s.slot()) {
                SecretKeySpec previous = now == ((s.slot() + 1) & 0xFFFFFFFFL) ? s.current() : newSecret();
                s = new Secrets(now, newSecret(), previous);
                secrets = s;
            }
            return s;
        }
    }

    private SecretKeySpec newSecret() {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return new SecretKeySpec(k, "HmacSHA256");
    }

    private byte[] mac(SecretKeySpec key, long slot, InetSocketAddress source, Message.Hello hello) {
        Mac mac = macs.get();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new LandmarkException("HMAC-SHA256 refused a 256-bit key", e);
        }
        SessionId session = hello.sessionId();
        byte[] address = source.getAddress().getAddress();
        ByteBuffer fixed = ByteBuffer.allocate(4 + 1 + address.length + 2 + SessionId.BYTES + 1);
        fixed.putInt((int) slot)
                .put((byte) address.length)
                .put(address)
                .putShort((short) source.getPort())
                .putLong(session.high())
                .putLong(session.low())
                .put((byte) hello.rounds());
        mac.update(TAG);
        mac.update(fixed.array());
        mac.update(hello.deviceCertificateDer().toArray());
        byte[] full = mac.doFinal();
        byte[] truncated = new byte[MAC_BYTES];
        System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
        return truncated;
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new LandmarkException("the JDK lacks HmacSHA256", e);
        }
    }
}
