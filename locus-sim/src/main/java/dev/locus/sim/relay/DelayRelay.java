package dev.locus.sim.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Emulated distance for real packets: a user-space UDP forwarder that holds every datagram for its
 * link's one-way delay before passing it on. The kernel here has no netem, so this stands in for
 * it; its own scheduling can only add delay (never remove it), which keeps every verdict drawn from
 * relayed measurements sound. {@link #overshoot()} reports how much it adds.
 *
 * <p>One relay emulates one link between one client and one upstream: datagrams from the client
 * (the most recent sender on the listening socket) go to the upstream after {@code toUpstream};
 * datagrams from the upstream go back to that client after {@code toClient}. Relays chain: a
 * relay's upstream may be another relay. Thread-safe; {@link #close()} stops it.
 */
public final class DelayRelay implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_507;
    /** At most this many datagrams in flight; beyond it, datagrams are dropped (and counted) like a full queue. */
    private static final int MAX_IN_FLIGHT = 100_000;
    /**
     * The sender sleeps until this long before a datagram is due, then spins: sleeping the whole
     * delay would add the scheduler's wake-up latency (~100 us here) to every hop.
     */
    private static final long SPIN_NANOS = 150_000;

    private final DatagramChannel clientSide;
    private final DatagramChannel upstreamSide;
    private final Link link;
    private final PriorityBlockingQueue<Held> queue =
            new PriorityBlockingQueue<>(64, Comparator.comparingLong(Held::dueNanos));
    private final Thread sender;
    private final List<Thread> threads;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Overshoot overshoot = new Overshoot(1 << 16);
    private volatile InetSocketAddress client;
    private volatile boolean running = true;

    private DelayRelay(DatagramChannel clientSide, DatagramChannel upstreamSide, Link link, String name) {
        this.clientSide = clientSide;
        this.upstreamSide = upstreamSide;
        this.link = link;
        this.sender = new Thread(this::sendLoop, name + "-sender");
        this.threads = List.of(
                new Thread(this::receiveFromClient, name + "-from-client"),
                new Thread(this::receiveFromUpstream, name + "-from-upstream"),
                sender);
        threads.forEach(t -> t.setDaemon(true));
    }

    /**
     * Starts a relay listening on {@code listen} (port 0 picks one) and forwarding to {@code upstream}.
     *
     * @param name thread name prefix, e.g. "shenzhen-singapore"
     * @throws IOException when the sockets cannot be bound
     */
    public static DelayRelay start(
            InetSocketAddress listen, InetSocketAddress upstream, LinkDelay toUpstream, LinkDelay toClient, String name)
            throws IOException {
        Link link = new Link(upstream, toUpstream, toClient);
        DatagramChannel c = DatagramChannel.open().bind(listen);
        DatagramChannel u;
        try {
            u = DatagramChannel.open()
                    .bind(new InetSocketAddress(listen.getAddress(), 0))
                    .connect(link.upstream());
        } catch (IOException e) {
            c.close();
            throw e;
        }
        DelayRelay r = new DelayRelay(c, u, link, name);
        r.threads.forEach(Thread::start);
        return r;
    }

    /** Where clients send datagrams to reach the upstream through this link. */
    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) clientSide.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("relay socket is closed", e);
        }
    }

    /** Datagrams forwarded in either direction. */
    public long forwarded() {
        return forwarded.get();
    }

    /** Datagrams dropped because too many were in flight. */
    public long dropped() {
        return dropped.get();
    }

    /** How late datagrams left compared with their due time (the relay's own added delay). */
    public Overshoot overshoot() {
        return overshoot;
    }

    private void receiveFromClient() {
        ByteBuffer b = ByteBuffer.allocate(MAX_DATAGRAM);
        while (running) {
            try {
                b.clear();
                InetSocketAddress from = (InetSocketAddress) clientSide.receive(b);
                long now = System.nanoTime();
                client = from;
                hold(b, now + link.toUpstream().nextNanos(), null);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // a failed receive on UDP (e.g. ICMP port unreachable) loses one datagram, as a link would
            }
        }
    }

    private void receiveFromUpstream() {
        ByteBuffer b = ByteBuffer.allocate(MAX_DATAGRAM);
        while (running) {
            try {
                b.clear();
                upstreamSide.receive(b);
                long now = System.nanoTime();
                InetSocketAddress to = client;
                if (to != null) {
                    hold(b, now + link.toClient().nextNanos(), to);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // as above
            }
        }
    }

    private void hold(ByteBuffer b, long dueNanos, InetSocketAddress toClientAddress) {
        if (queue.size() >= MAX_IN_FLIGHT) {
            dropped.incrementAndGet();
            return;
        }
        b.flip();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        queue.put(new Held(copy, dueNanos, toClientAddress));
        LockSupport.unpark(sender); // it may be sleeping towards a later datagram
    }

    private void sendLoop() {
        while (running) {
            Held head = queue.peek();
            if (head == null) {
                LockSupport.parkNanos(this, 1_000_000);
                continue;
            }
            long remaining = head.dueNanos - System.nanoTime();
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(this, remaining - SPIN_NANOS);
                continue;
            }
            if (remaining > 0) {
                Thread.onSpinWait();
                continue;
            }
            Held h = queue.poll();
            if (h == null) {
                continue;
            }
            try {
                if (h.toClient == null) {
                    upstreamSide.write(ByteBuffer.wrap(h.datagram));
                } else {
                    clientSide.send(ByteBuffer.wrap(h.datagram), h.toClient);
                }
                overshoot.record(System.nanoTime() - h.dueNanos);
                forwarded.incrementAndGet();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // the next hop is gone for now; the datagram is lost, as on a real link
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            clientSide.close();
            upstreamSide.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
        LockSupport.unpark(sender);
    }

    /** The emulated link: where datagrams go, and how long each direction holds them. */
    private record Link(InetSocketAddress upstream, LinkDelay toUpstream, LinkDelay toClient) {
        Link {
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(toUpstream, "toUpstream");
            Objects.requireNonNull(toClient, "toClient");
        }
    }

    private record Held(byte[] datagram, long dueNanos, InetSocketAddress toClient) {}

    /** The relay's lateness per datagram, in nanoseconds; keeps the most recent samples. Thread-safe. */
    public static final class Overshoot {
        private final long[] ring;
        private long count;

        Overshoot(int capacity) {
            ring = new long[capacity];
        }

        synchronized void record(long nanos) {
            ring[(int) (count % ring.length)] = nanos;
            count++;
        }

        /** Number of datagrams recorded (all time). */
        public synchronized long count() {
            return count;
        }

        /** The p-th percentile (nearest rank) of the kept samples, in nanoseconds; 0 when none. */
        public synchronized long percentileNanos(double p) {
            int n = (int) Math.min(count, ring.length);
            if (n == 0) {
                return 0;
            }
            long[] s = Arrays.copyOf(ring, n);
            Arrays.sort(s);
            int rank = (int) Math.ceil(p / 100.0 * n);
            return s[Math.max(0, Math.min(n - 1, rank - 1))];
        }

        /** The largest kept sample, in nanoseconds. */
        public synchronized long maxNanos() {
            return percentileNanos(100);
        }
    }
}
