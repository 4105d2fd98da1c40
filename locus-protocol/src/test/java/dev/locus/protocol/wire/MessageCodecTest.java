package dev.locus.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Encoding round trips and the decoder's behaviour on hostile input. The fuzz properties feed
 * random and mutated datagrams (jqwik; Jazzer was not used: it needs its own agent and JUnit
 * engine, and jqwik's generated and shrunk byte arrays exercise the same bounded paths).
 */
class MessageCodecTest {

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<SessionId> sessions =
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(SessionId::new);
        Arbitrary<Nonce> nonces = Combinators.combine(
                        Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs())
                .as(Nonce::new);
        Arbitrary<String> ids =
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64);
        Arbitrary<Integer> rounds = Arbitraries.integers().between(0, 254);
        Arbitrary<byte[]> sigs =
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(128);
        Arbitrary<byte[]> certs =
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(1024);
        Arbitrary<byte[]> cookies =
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(ProtocolVersion.MAX_COOKIE_BYTES);
        return Arbitraries.oneOf(
                Combinators.combine(sessions, Arbitraries.integers().between(1, 32), certs, cookies)
                        .as(Message.Hello::padded),
                Combinators.combine(sessions, Arbitraries.integers().between(1, 32), certs, cookies)
                        .as((s, r, c, k) -> new Message.Hello(s, r, c, k, 0)),
                Combinators.combine(sessions, cookies.filter(c -> c.length > 0)).as(Message.Retry::new),
                Combinators.combine(sessions, rounds, nonces, ids).as(Message.Challenge::new),
                Combinators.combine(sessions, rounds, nonces, ids, sigs).as(Message.Response::new),
                Combinators.combine(sessions, Arbitraries.integers().between(0, 2026))
                        .as(Message.Next::new),
                Combinators.combine(sessions, sigs, certs).as(Message.ReceiptMessage::new),
                Combinators.combine(
                                sessions,
                                Arbitraries.of(RejectReason.class),
                                Arbitraries.strings().ofMaxLength(50))
                        .as(Message.Reject::new));
    }

    @Property
    void encodeThenDecode_givesTheSameMessage(@ForAll("messages") Message m) {
        byte[] wire = MessageCodec.encode(m);
        assertThat(wire.length).isLessThanOrEqualTo(ProtocolVersion.MAX_DATAGRAM_BYTES);
        assertThat(MessageCodec.decode(wire, 0, wire.length)).isEqualTo(new Decoded.Accepted<>(m));
    }

    @Property(tries = 2000)
    void randomBytes_neverThrow_andAreAlmostAlwaysRejected(@ForAll @Size(max = 2100) byte[] datagram) {
        Decoded<Message> d = MessageCodec.decode(datagram, 0, datagram.length);
        assertThat(d).isNotNull();
        if (d instanceof Decoded.Accepted<Message>(Message m)) {
            // only a datagram that re-encodes to exactly these bytes may be accepted
            assertThat(MessageCodec.encode(m)).isEqualTo(datagram);
        }
    }

    @Property(tries = 2000)
    void anyFlippedByte_isRejectedOrDecodesToAnotherMessage(
            @ForAll("messages") Message m,
            @ForAll @IntRange(min = 0, max = 5000) int where,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] wire = MessageCodec.encode(m);
        int i = where % wire.length;
        wire[i] ^= (byte) xor;
        Decoded<Message> d = MessageCodec.decode(wire, 0, wire.length);
        if (d instanceof Decoded.Accepted<Message>(Message other)) {
            assertThat(other).isNotEqualTo(m);
        }
    }

    @Property(tries = 1000)
    void everyTruncation_isRejected(@ForAll("messages") Message m, @ForAll @IntRange(min = 0, max = 5000) int cut) {
        byte[] wire = MessageCodec.encode(m);
        int len = cut % wire.length;
        Decoded<Message> d = MessageCodec.decode(Arrays.copyOf(wire, len), 0, len);
        assertThat(d).isInstanceOf(Decoded.Rejected.class);
    }

    @Test
    void paddedHello_isExactlyTheMinimum_andNonZeroPaddingIsMalformed() {
        byte[] hello = MessageCodec.encode(Message.Hello.padded(new SessionId(1, 2), 1, new byte[300], new byte[20]));
        assertThat(hello).hasSize(ProtocolVersion.MIN_HELLO_BYTES);
        hello[hello.length - 1] = 1;
        Decoded.Rejected<Message> r = (Decoded.Rejected<Message>) MessageCodec.decode(hello, 0, hello.length);
        assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(r.detail()).startsWith("padding must be zero bytes");
        assertThat(MessageCodec.encode(Message.Next.padded(new SessionId(1, 2))))
                .hasSize(ProtocolVersion.MAX_DATAGRAM_BYTES);
    }

    @Test
    void everyAnswerToAHello_fitsInThePaddedHello() {
        String longestId = "x".repeat(ProtocolVersion.MAX_ID_BYTES);
        byte[] challenge =
                MessageCodec.encode(new Message.Challenge(new SessionId(1, 2), 254, new Nonce(1, 2, 3, 4), longestId));
        byte[] reject = MessageCodec.encode(
                new Message.Reject(new SessionId(1, 2), RejectReason.INVALID_CERTIFICATE, "é".repeat(1000)));
        byte[] retry =
                MessageCodec.encode(new Message.Retry(new SessionId(1, 2), new byte[ProtocolVersion.MAX_COOKIE_BYTES]));
        assertThat(List.of(challenge.length, reject.length, retry.length))
                .allSatisfy(n -> assertThat(n).isLessThan(ProtocolVersion.MIN_HELLO_BYTES));
    }

    @Test
    void oversizedDatagram_isRejectedBeforeParsing() {
        byte[] big = new byte[ProtocolVersion.MAX_DATAGRAM_BYTES + 1];
        assertThat(MessageCodec.decode(big, 0, big.length))
                .isEqualTo(new Decoded.Rejected<Message>(
                        RejectReason.OVERSIZED, "datagram must be at most 2048 bytes, got 2049"));
    }

    @Test
    void headerErrors_nameTheFieldAndValue() {
        byte[] next = MessageCodec.encode(new Message.Next(new SessionId(1, 2), 0));
        byte[] magic = next.clone();
        magic[1] = 0;
        assertThat(rejection(magic)).isEqualTo(RejectReason.BAD_MAGIC);
        byte[] version = next.clone();
        version[2] = 1;
        Decoded.Rejected<Message> r = (Decoded.Rejected<Message>) MessageCodec.decode(version, 0, version.length);
        assertThat(r.reason()).isEqualTo(RejectReason.UNSUPPORTED_VERSION);
        assertThat(r.detail()).isEqualTo("version must be 2, got 1");
        byte[] type = next.clone();
        type[3] = 99;
        assertThat(rejection(type)).isEqualTo(RejectReason.UNKNOWN_TYPE);
        assertThat(rejection(new byte[] {0x4C, 0x4F, 1})).isEqualTo(RejectReason.TRUNCATED);
    }

    @Test
    void helloAskingForZeroOrTooManyRounds_isMalformed() {
        byte[] hello = MessageCodec.encode(Message.Hello.padded(new SessionId(1, 2), 1, new byte[] {1}, new byte[0]));
        hello[4 + 16] = 0;
        assertThat(rejection(hello)).isEqualTo(RejectReason.MALFORMED);
        hello[4 + 16] = 33;
        assertThat(rejection(hello)).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void lengthPrefixLargerThanTheDatagram_isTruncated_notAllocated() {
        byte[] hello = MessageCodec.encode(new Message.Hello(new SessionId(1, 2), 1, new byte[] {1}, new byte[0], 0));
        hello[4 + 16 + 1] = 0x03; // certificate length 0x03 0x01 = 769 bytes, only 1 present
        assertThat(rejection(hello)).isEqualTo(RejectReason.TRUNCATED);
    }

    @Test
    void invalidUtf8InLandmarkId_isMalformed() {
        byte[] c = MessageCodec.encode(new Message.Challenge(new SessionId(1, 2), 0, new Nonce(1, 2, 3, 4), "ab"));
        c[c.length - 1] = (byte) 0xC3; // a lone lead byte
        assertThat(rejection(c)).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void nonce_toString_neverShowsTheValue() {
        assertThat(new Nonce(1, 2, 3, 4).toString()).doesNotContain("01").isEqualTo("Nonce[redacted]");
    }

    private static RejectReason rejection(byte[] b) {
        Decoded<Message> d = MessageCodec.decode(b, 0, b.length);
        assertThat(d).isInstanceOf(Decoded.Rejected.class);
        return ((Decoded.Rejected<Message>) d).reason();
    }
}
