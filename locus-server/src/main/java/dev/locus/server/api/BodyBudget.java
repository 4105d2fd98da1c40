package dev.locus.server.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The request-body bytes all requests together may hold in memory at once. Each body takes its
 * bytes from the budget as it reads them and returns them when its request ends, so many small
 * batches run side by side while floods of large ones wait (and past {@link #WAIT} are answered
 * 503 with {@code Retry-After}) instead of filling the heap. Thread-safe.
 */
final class BodyBudget {
    /** How long a reader waits for budget before its request is refused as busy. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final int UNIT = 1024;
    private final Semaphore kib;
    private final int totalKib;
    private final Duration wait;

    /** @param bytes the budget, at least 1 MiB */
    BodyBudget(long bytes) {
        this(bytes, WAIT);
    }

    /**
     * @param bytes the budget, at least 1 MiB
     * @param wait how long a reader waits for room before its request is refused
     */
    BodyBudget(long bytes, Duration wait) {
        if (bytes < 1024 * 1024) {
            throw new IllegalArgumentException("body budget must be at least 1 MiB, got " + bytes);
        }
        this.wait = wait;
        this.totalKib = (int) Math.min(Integer.MAX_VALUE, bytes / UNIT);
        this.kib = new Semaphore(totalKib, true);
    }

    /** A quarter of the heap, at least 64 MiB. */
    static BodyBudget forHeap() {
        return new BodyBudget(Math.max(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4));
    }

    long bytes() {
        return (long) totalKib * UNIT;
    }

    /** Bytes no request holds now. */
    long available() {
        return (long) kib.availablePermits() * UNIT;
    }

    /** One request's share; {@link #close} returns what it took. Not thread-safe (one request). */
    Lease lease() {
        return new Lease();
    }

    final class Lease implements AutoCloseable {
        private long heldKib;

        /**
         * Takes room for {@code bytes} more bytes.
         *
         * @throws ApiException 503 UNAVAILABLE when no room came free in time
         */
        void take(long bytes) {
            int want = (int) ((bytes + UNIT - 1) / UNIT);
            if (want == 0) {
                return;
            }
            if (heldKib + want > totalKib) {
                throw new ApiException(
                        ErrorCode.PAYLOAD_TOO_LARGE,
                        "request body exceeds the " + bytes() + " bytes this server holds in memory for request"
                                + " bodies; send smaller batches");
            }
            boolean got;
            try {
                got = kib.tryAcquire(want, wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            }
            if (!got) {
                throw new ApiException(
                        ErrorCode.UNAVAILABLE,
                        "the server is busy reading other request bodies; retry later or send smaller batches");
            }
            heldKib += want;
        }

        @Override
        public void close() {
            if (heldKib > 0) {
                kib.release((int) heldKib);
                heldKib = 0;
            }
        }
    }
}
