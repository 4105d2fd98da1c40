package dev.locus.cli;

import dev.locus.sim.relay.DelayRelay;
import dev.locus.sim.relay.LinkDelay;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code locus relay}: an emulated link (simulation only) between an agent and a landmark. */
@Command(
        name = "relay",
        description = {
            "EMULATION ONLY: a UDP forwarder that holds each datagram for a link's one-way delay.",
            "EMULATION ONLY: forward UDP to --upstream, holding each datagram for the link's one-way delay,",
            "so a landmark on this machine appears as far away as a real one (the relay only ever adds delay)."
        })
public final class RelayCommand extends CliCommand {
    @Option(names = "--listen", required = true, description = "host:port to listen on (agents send here).")
    String listen;

    @Option(names = "--upstream", required = true, description = "host:port of the landmark (or the next relay).")
    String upstream;

    @Option(names = "--rtt-ms", required = true, description = "Emulated round trip in ms (half each way).")
    double rttMillis;

    @Option(
            names = "--jitter-ms",
            defaultValue = "0",
            description = "Extra uniform jitter per datagram, ms (default ${DEFAULT-VALUE}).")
    double jitterMillis;

    @Option(names = "--seed", defaultValue = "1", description = "Jitter seed.")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (!(rttMillis >= 0 && rttMillis <= 10_000) || !(jitterMillis >= 0 && jitterMillis <= 10_000)) {
            throw new IllegalArgumentException(
                    "--rtt-ms and --jitter-ms must be in [0, 10000], got " + rttMillis + " and " + jitterMillis);
        }
        long oneWay = (long) (rttMillis * 1e6 / 2);
        long jitter = (long) (jitterMillis * 1e6);
        InetSocketAddress from = AgentCommand.parseHostPort(listen);
        InetSocketAddress to = AgentCommand.parseHostPort(upstream);
        CountDownLatch stop = new CountDownLatch(1);
        try (DelayRelay r = DelayRelay.start(
                from,
                to,
                LinkDelay.withJitter(oneWay, jitter, seed),
                LinkDelay.withJitter(oneWay, jitter, seed + 1),
                "relay")) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            out().printf(
                            "relay %s -> %s: %.3f ms round trip emulated (+ up to %.3f ms jitter each way)%n",
                            r.address(), to, rttMillis, jitterMillis);
            out().flush();
            while (!stop.await(30, TimeUnit.SECONDS)) {
                err().printf(
                                "relay: %d datagrams, own lateness p50 %.1f us p99 %.1f us%n",
                                r.forwarded(),
                                r.overshoot().percentileNanos(50) / 1e3,
                                r.overshoot().percentileNanos(99) / 1e3);
            }
        }
        return 0;
    }
}
