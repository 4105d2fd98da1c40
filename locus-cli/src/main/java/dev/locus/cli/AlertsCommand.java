package dev.locus.cli;

import dev.locus.wire.LocusClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Lists alerts through the API (JSON, one page; pass --after with next_cursor for more).")
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Option(names = "--status", description = "OPEN, ACKNOWLEDGED or RESOLVED")
    String status;

    @Option(names = "--chip", description = "only alerts about this chip serial")
    String chip;

    @Option(names = "--after", description = "cursor from a previous page")
    String after;

    @Override
    public Integer call() throws Exception {
        StringBuilder q = new StringBuilder("/api/v1/alerts?limit=1000");
        if (status != null) {
            q.append("&status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        if (chip != null) {
            q.append("&chip_serial=").append(URLEncoder.encode(chip, StandardCharsets.UTF_8));
        }
        if (after != null) {
            q.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        LocusClient.Reply r = api.get(q.toString());
        System.out.println(r.body());
        return r.ok() ? 0 : 1;
    }
}
