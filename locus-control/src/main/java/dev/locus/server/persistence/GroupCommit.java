package dev.locus.server.persistence;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: makes every transaction committed before {@link #awaitDurable()} was called
 * durable before that call returns, with one flush for all the callers that arrive while a flush is
 * running. A caller takes a ticket after its commit; a flush that began after the ticket was taken
 * covers the commit, so a waiter whose ticket is covered by a finished flush returns without
 * flushing again. Thread-safe.
 */
final class GroupCommit {
    /** Writes everything committed so far to stable storage. */
    @FunctionalInterface
    interface Flush {
        void run() throws SQLException;
    }

    private final Flush flush;
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    /** Every ticket up to this one is durable; guarded by {@link #lock}. */
    private long durableUpTo;

    GroupCommit(Flush flush) {
        this.flush = flush;
    }

    /**
     * Returns once every transaction committed before this call is durable.
     *
     * @throws SQLException when the flush fails (the caller must not acknowledge its write)
     */
    void awaitDurable() throws SQLException {
        long mine = tickets.incrementAndGet();
        lock.lock();
        try {
            if (durableUpTo >= mine) {
                return;
            }
            long upTo = tickets.get();
            flush.run();
            flushes.incrementAndGet();
            durableUpTo = upTo;
        } finally {
            lock.unlock();
        }
    }

    /** Calls to {@link #awaitDurable()} so far. */
    long requests() {
        return tickets.get();
    }

    /** Flushes run so far (at most {@link #requests()}; fewer when commits were grouped). */
    long flushes() {
        return flushes.get();
    }
}
