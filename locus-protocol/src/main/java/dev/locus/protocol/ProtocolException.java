package dev.locus.protocol;

/**
 * The one unchecked root exception of the protocol module: programming errors, unusable key
 * stores and certificates that cannot be built. Expected rejections of network input are values
 * ({@link dev.locus.protocol.wire.Decoded.Rejected}), never this exception.
 */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
