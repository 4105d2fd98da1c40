package dev.locus.protocol.wire;

import java.util.Objects;

/**
 * Every datagram of the timed exchange. An agent sends {@link Hello}, answers each {@link
 * Challenge} with a {@link Response}, may ask again with {@link Next} after a loss, and ends with a
 * {@link ReceiptMessage} or a {@link Reject}. Values are immutable; bytes are held as {@link
 * ByteString}s, copied in and out.
 */
public sealed interface Message
        permits Message.Hello,
                Message.Challenge,
                Message.Response,
                Message.Next,
                Message.ReceiptMessage,
                Message.Reject,
                Message.Retry {

    SessionId sessionId();

    MessageType type();

    /**
     * Agent to landmark: open a measurement session of {@code rounds} timed rounds for this device.
     * The first HELLO carries no cookie and is answered with a {@link Retry}; the HELLO repeated
     * with that cookie opens the session. {@code paddingBytes} zero bytes pad the datagram to at
     * least {@link ProtocolVersion#MIN_HELLO_BYTES} (see {@link #padded}).
     */
    record Hello(SessionId sessionId, int rounds, ByteString deviceCertificateDer, ByteString cookie, int paddingBytes)
            implements Message {
        /** Bytes of a HELLO without padding besides the certificate and cookie: header, session, rounds, three length prefixes. */
        static final int FIXED_BYTES = ProtocolVersion.HEADER_BYTES + SessionId.BYTES + 1 + 2 + 1 + 2;

        public Hello {
            Objects.requireNonNull(sessionId, "sessionId");
            if (rounds < 1 || rounds > ProtocolVersion.MAX_ROUNDS) {
                throw new IllegalArgumentException(
                        "rounds must be in [1, " + ProtocolVersion.MAX_ROUNDS + "], got " + rounds);
            }
            checkLength("device certificate", deviceCertificateDer, 1, ProtocolVersion.MAX_CERTIFICATE_BYTES);
            checkLength("cookie", cookie, 0, ProtocolVersion.MAX_COOKIE_BYTES);
            checkPadding(paddingBytes, FIXED_BYTES + deviceCertificateDer.length() + cookie.length());
        }

        /** As the canonical constructor, copying the certificate and cookie. */
        public Hello(SessionId sessionId, int rounds, byte[] deviceCertificateDer, byte[] cookie, int paddingBytes) {
            this(sessionId, rounds, ByteString.copyOf(deviceCertificateDer), ByteString.copyOf(cookie), paddingBytes);
        }

        /**
         * A HELLO padded to exactly {@link ProtocolVersion#MIN_HELLO_BYTES} (or unpadded when the
         * certificate and cookie already fill it); {@code cookie} is empty for the first HELLO.
         */
        public static Hello padded(SessionId sessionId, int rounds, byte[] deviceCertificateDer, byte[] cookie) {
            int unpadded = FIXED_BYTES + deviceCertificateDer.length + cookie.length;
            return new Hello(
                    sessionId,
                    rounds,
                    deviceCertificateDer,
                    cookie,
                    Math.max(0, ProtocolVersion.MIN_HELLO_BYTES - unpadded));
        }

        /** Whether this HELLO carries a cookie (the second HELLO of a session). */
        public boolean hasCookie() {
            return cookie.length() > 0;
        }

        @Override
        public MessageType type() {
            return MessageType.HELLO;
        }
    }

    /**
     * Landmark to agent: repeat the HELLO with this cookie. Stateless on the landmark: the cookie
     * is a MAC over the source address and port, a time slot and the HELLO, so only a client that
     * receives at its source address can open a session.
     */
    record Retry(SessionId sessionId, ByteString cookie) implements Message {
        public Retry {
            Objects.requireNonNull(sessionId, "sessionId");
            checkLength("cookie", cookie, 1, ProtocolVersion.MAX_COOKIE_BYTES);
        }

        /** As the canonical constructor, copying the cookie. */
        public Retry(SessionId sessionId, byte[] cookie) {
            this(sessionId, ByteString.copyOf(cookie));
        }

        @Override
        public MessageType type() {
            return MessageType.RETRY;
        }
    }

    /** Landmark to agent: the timed challenge; the clock runs from just before this is sent. */
    record Challenge(SessionId sessionId, int round, Nonce nonce, String landmarkId) implements Message {
        public Challenge {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(nonce, "nonce");
            checkRound(round);
            Fields.checkId("landmarkId", landmarkId);
        }

        @Override
        public MessageType type() {
            return MessageType.CHALLENGE;
        }
    }

    /** Agent to landmark: the device's proof over {@link ProofMessage} for this challenge. */
    record Response(SessionId sessionId, int round, Nonce nonce, String landmarkId, ByteString signature)
            implements Message {
        public Response {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(nonce, "nonce");
            checkRound(round);
            Fields.checkId("landmarkId", landmarkId);
            checkLength("signature", signature, 1, ProtocolVersion.MAX_SIGNATURE_BYTES);
        }

        /** As the canonical constructor, copying the signature. */
        public Response(SessionId sessionId, int round, Nonce nonce, String landmarkId, byte[] signature) {
            this(sessionId, round, nonce, landmarkId, ByteString.copyOf(signature));
        }

        @Override
        public MessageType type() {
            return MessageType.RESPONSE;
        }
    }

    /**
     * Agent to landmark: send a fresh challenge after a loss, or the session's receipt (or REJECT)
     * once its rounds are answered. The landmark answers only with a datagram no larger than this
     * one, so an agent pads it with {@code paddingBytes} zero bytes (see {@link #padded}).
     */
    record Next(SessionId sessionId, int paddingBytes) implements Message {
        /** Bytes of a NEXT without padding: header, session, padding length. */
        static final int FIXED_BYTES = ProtocolVersion.HEADER_BYTES + SessionId.BYTES + 2;

        public Next {
            Objects.requireNonNull(sessionId, "sessionId");
            checkPadding(paddingBytes, FIXED_BYTES);
        }

        /** A NEXT padded to {@link ProtocolVersion#MAX_DATAGRAM_BYTES}: room for any answer, a receipt included. */
        public static Next padded(SessionId sessionId) {
            return new Next(sessionId, ProtocolVersion.MAX_DATAGRAM_BYTES - FIXED_BYTES);
        }

        @Override
        public MessageType type() {
            return MessageType.NEXT;
        }
    }

    /** Landmark to agent: the signed receipt ({@code SignedReceipt} wire form) and the landmark's certificate. */
    record ReceiptMessage(SessionId sessionId, ByteString signedReceipt, ByteString landmarkCertificateDer)
            implements Message {
        public ReceiptMessage {
            Objects.requireNonNull(sessionId, "sessionId");
            checkLength("signed receipt", signedReceipt, 1, 1024);
            checkLength("landmark certificate", landmarkCertificateDer, 1, ProtocolVersion.MAX_CERTIFICATE_BYTES);
        }

        /** As the canonical constructor, copying the receipt and the certificate. */
        public ReceiptMessage(SessionId sessionId, byte[] signedReceipt, byte[] landmarkCertificateDer) {
            this(sessionId, ByteString.copyOf(signedReceipt), ByteString.copyOf(landmarkCertificateDer));
        }

        @Override
        public MessageType type() {
            return MessageType.RECEIPT;
        }
    }

    /** Landmark to agent: the session was refused or ended, with the reason. */
    record Reject(SessionId sessionId, RejectReason reason, String detail) implements Message {
        /** Longest detail carried, in UTF-8 bytes; longer ones are cut on encoding. */
        public static final int MAX_DETAIL_BYTES = 200;

        public Reject {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public MessageType type() {
            return MessageType.REJECT;
        }
    }

    /**
     * Checks that the length of {@code bytes} is in [{@code min}, {@code max}].
     *
     * @throws IllegalArgumentException naming {@code what}, the range and the length
     */
    private static void checkLength(String what, ByteString bytes, int min, int max) {
        if (bytes.length() < min || bytes.length() > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + " bytes, got " + bytes.length());
        }
    }

    private static void checkPadding(int paddingBytes, int otherBytes) {
        if (paddingBytes < 0 || paddingBytes > ProtocolVersion.MAX_DATAGRAM_BYTES - otherBytes) {
            throw new IllegalArgumentException("paddingBytes must be in [0, "
                    + (ProtocolVersion.MAX_DATAGRAM_BYTES - otherBytes) + "] to fit a datagram, got " + paddingBytes);
        }
    }

    private static void checkRound(int round) {
        if (round < 0 || round >= 255) {
            throw new IllegalArgumentException("round must be in [0, 254], got " + round);
        }
    }
}
