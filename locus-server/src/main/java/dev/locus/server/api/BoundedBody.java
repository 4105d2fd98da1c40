package dev.locus.server.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that can be read only up to its route's limit, taking each chunk's bytes from
 * the {@link BodyBudget} before handing it out. Reading past the limit throws {@link TooLarge}
 * at once: the rest of the body is never read. Not thread-safe (one request).
 */
final class BoundedBody extends InputStream {
    /** The body went past its limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(long limit) {
            super("request body exceeds " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final int CHUNK = 64 * 1024;
    private final InputStream in;
    private final long limit;
    private final BodyBudget.Lease lease;
    private long read;
    private long granted;

    BoundedBody(InputStream in, long limit, BodyBudget.Lease lease) {
        this.in = in;
        this.limit = limit;
        this.lease = lease;
    }

    /** Bytes read so far. */
    long bytesRead() {
        return read;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        // Ask for one byte more than the limit allows, so a body of exactly the limit still ends.
        long room = limit + 1 - read;
        int want = (int) Math.min(len, Math.min(room, CHUNK));
        if (read + want > granted) {
            lease.take(Math.max(want, Math.min(CHUNK, limit + 1 - granted)));
            granted += Math.max(want, Math.min(CHUNK, limit + 1 - granted));
        }
        int n = in.read(b, off, want);
        if (n > 0) {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
        return n;
    }

    @Override
    public void close() {
        // The container owns the request stream.
    }
}
