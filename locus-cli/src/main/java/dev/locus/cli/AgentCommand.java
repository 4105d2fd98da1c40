package dev.locus.cli;

import dev.locus.agent.Agent;
import dev.locus.agent.AgentConfig;
import dev.locus.agent.DeviceDirectory;
import dev.locus.agent.GpuDiscovery;
import dev.locus.agent.MeasurementOutcome;
import dev.locus.agent.ReceiptFileWriter;
import dev.locus.protocol.identity.Certificates;
import dev.locus.protocol.identity.DeviceKey;
import dev.locus.protocol.identity.IdentityVerifier;
import dev.locus.protocol.receipt.Receipt;
import dev.locus.protocol.wire.ProtocolVersion;
import dev.locus.wire.IngestSummary;
import dev.locus.wire.LocusApiException;
import dev.locus.wire.ReceiptSubmission;
import dev.locus.wire.WireJson;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code locus agent}: measure this host's devices against landmarks and write receipts. */
@Command(
        name = "agent",
        description = {
            "Answer timed challenges from landmarks for this host's GPUs and write the signed receipts (JSON lines).",
            "GPUs come from nvidia-smi; without it (no GPU), every key in --device-keys",
            "is measured."
        })
public final class AgentCommand extends CliCommand {
    @Option(
            names = "--submit",
            description = "Also submit each device's receipts to the control plane (--server, and a token bound"
                    + " to the chip's serial in --token-file or $LOCUS_TOKEN).")
    boolean submit;

    @picocli.CommandLine.Mixin
    ApiOptions api;

    @Option(names = "--device-keys", description = "Directory of device key stores (*.p12).")
    Path deviceKeys;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Device keys inside a PKCS#11 token:%n")
    TokenOptions token;

    @Option(
            names = "--landmarks",
            required = true,
            split = ",",
            description = "Landmarks as host:port, comma-separated.")
    List<String> landmarks;

    @Option(
            names = "--rounds",
            defaultValue = "10",
            description =
                    "Timed rounds per landmark (1.." + ProtocolVersion.MAX_ROUNDS + ", default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--out",
            defaultValue = "receipts.jsonl",
            description = "Receipts file, appended (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--ca", description = "CA certificate (PEM): landmark certificates must chain to it.")
    Path ca;

    @Option(names = "--timeout-ms", defaultValue = "1000", description = "Wait per answer before asking again.")
    long timeoutMillis;

    @Option(names = "--nvidia-smi", defaultValue = "nvidia-smi", description = "nvidia-smi executable.")
    String nvidiaSmi;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = out();
        PrintWriter err = err();
        List<InetSocketAddress> targets = new ArrayList<>();
        for (String l : landmarks) {
            targets.add(parseHostPort(l));
        }
        AgentConfig config = AgentConfig.defaults().withAnswerTimeout(Duration.ofMillis(timeoutMillis));
        if (ca != null) {
            config = config.withLandmarkTrust(
                    new IdentityVerifier(Certificates.readPem(ca).get(0), Set.of(), InstantSource.system()));
        }
        Agent agent = new Agent(config);
        int failures = 0;
        int written = 0;
        if (deviceKeys == null && token == null) {
            throw new IllegalArgumentException("give --device-keys DIR and/or --pkcs11-slot SLOT");
        }
        Optional<dev.locus.protocol.identity.Pkcs11Token> tok = token == null ? Optional.empty() : token.open();
        List<DeviceKey> keys = new ArrayList<>();
        tok.ifPresent(t -> keys.addAll(dev.locus.protocol.identity.Pkcs11DeviceKey.openAll(t)));
        if (deviceKeys != null) {
            keys.addAll(DeviceDirectory.load(deviceKeys, keyPassword()).all());
        }
        try (DeviceDirectory dir = DeviceDirectory.of(keys);
                ReceiptFileWriter writer = new ReceiptFileWriter(out)) {
            Optional<List<GpuDiscovery.Gpu>> gpus = new GpuDiscovery(nvidiaSmi, 10_000).discover();
            List<GpuDiscovery.Gpu> unmatched = new ArrayList<>();
            List<DeviceKey> selected = gpus.map(g -> dir.select(g, unmatched)).orElseGet(dir::all);
            if (gpus.isEmpty()) {
                o.printf("no nvidia-smi on this host: measuring the %d configured devices%n", selected.size());
            } else {
                o.printf(
                        "nvidia-smi found %d GPUs, %d with a device key%n",
                        gpus.get().size(), selected.size());
                for (GpuDiscovery.Gpu g : unmatched) {
                    err.printf(
                            "locus agent: warning: GPU %s (%s, serial %s) has no device key in %s%n",
                            g.uuid(), g.name(), g.serial(), deviceKeys);
                }
            }
            for (DeviceKey key : selected) {
                List<dev.locus.protocol.receipt.ReceiptRecord> mine = new ArrayList<>();
                for (InetSocketAddress target : targets) {
                    MeasurementOutcome outcome;
                    try {
                        outcome = agent.measure(key, target, rounds);
                    } catch (java.io.IOException e) {
                        outcome = new MeasurementOutcome.Failed(
                                MeasurementOutcome.FailureKind.TIMEOUT,
                                Optional.empty(),
                                "socket error: " + e.getMessage());
                    }
                    switch (outcome) {
                        case MeasurementOutcome.Measured m -> {
                            writer.write(m.record());
                            mine.add(m.record());
                            written++;
                            Receipt r = m.record().receipt();
                            o.printf(
                                    "%s -> %s (%s): min %.3f ms over %d rounds%n",
                                    r.deviceSerial(),
                                    r.landmarkId(),
                                    target,
                                    r.minRttNanos() / 1e6,
                                    r.samplesNanos().size());
                        }
                        case MeasurementOutcome.Failed f -> {
                            failures++;
                            err.printf(
                                    "locus agent: %s -> %s failed: %s%s: %s%n",
                                    key.identity().serial(),
                                    target,
                                    f.kind(),
                                    f.landmarkReason().map(x -> " " + x).orElse(""),
                                    f.detail());
                        }
                    }
                }
                if (submit && !mine.isEmpty()) {
                    failures += submit(key.identity().serial(), mine, o, err);
                }
            }
        }
        tok.ifPresent(dev.locus.protocol.identity.Pkcs11Token::close);
        o.printf("%d receipts appended to %s, %d failures%n", written, out, failures);
        return failures == 0 ? 0 : 3;
    }

    /** Posts one device's receipts; returns how many the control plane refused. */
    private int submit(
            String serial, List<dev.locus.protocol.receipt.ReceiptRecord> records, PrintWriter o, PrintWriter err)
            throws java.io.IOException {
        List<ReceiptSubmission> body = new ArrayList<>();
        for (var rec : records) {
            body.add(ReceiptSubmission.of(rec.signedReceipt()));
        }
        var json = WireJson.mapper();
        IngestSummary res;
        try {
            res = api.client().submitReceipts(body);
        } catch (LocusApiException e) {
            err.printf(
                    "locus agent: the control plane refused %s's receipts: %s (HTTP %d): %s%n",
                    serial, e.error().code(), e.status(), e.error().message());
            e.error().problems().forEach(p -> err.println("  " + p));
            return records.size();
        }
        o.printf(
                "%s: %d receipts submitted, %d accepted, %d rejected%n",
                serial, records.size(), res.accepted(), res.rejected());
        for (IngestSummary.Outcome one : res.results()) {
            if (!one.accepted()) {
                err.printf(
                        "locus agent: %s: receipt %d %s %s: %s%n",
                        serial, one.receiptId(), one.status(), one.reason(), one.detail());
            }
        }
        return res.rejected();
    }

    static InetSocketAddress parseHostPort(String s) {
        int i = s.lastIndexOf(':');
        if (i <= 0 || i == s.length() - 1) {
            throw new IllegalArgumentException("landmark must be host:port, got '" + s + "'");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(i + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("landmark port must be a number, got '" + s + "'", e);
        }
        OptionRange.require("landmark port", port, 1, 65535);
        return new InetSocketAddress(s.substring(0, i), port);
    }
}
