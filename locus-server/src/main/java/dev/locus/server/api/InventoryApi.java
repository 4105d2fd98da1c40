package dev.locus.server.api;

import dev.locus.server.auth.Permission;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The fleet inventory export (Chip Security Act §4(c)): {@code GET /api/v1/inventory?format=csv|json
 * [&licence=ID]}, one row per chip, streamed from the database by {@link Rows} (the
 * dashboard views' {@code InventoryExport}, handed in by the control plane so that this package does
 * not depend on the views). Readable by every role that reads reports.
 */
public final class InventoryApi implements HttpService {
    /** Writes every chip (or the licence's) as {@code csv} or {@code json} to {@code out}. */
    @FunctionalInterface
    public interface Rows {
        void write(Optional<String> licence, String format, OutputStream out);
    }

    private final Predicate<String> licenceExists;
    private final Rows rows;

    public InventoryApi(Predicate<String> licenceExists, Rows rows) {
        this.licenceExists = licenceExists;
        this.rows = rows;
    }

    @Override
    public void routing(RouteTable r) {
        r.get("/api/v1/inventory", Permission.READ, this::inventory);
    }

    private void inventory(Context ctx) throws IOException {
        String format = Requests.format(ctx, "csv", "json");
        Optional<String> licence =
                Optional.ofNullable(ctx.queryParam("licence")).filter(s -> !s.isBlank());
        if (licence.isPresent() && !licenceExists.test(licence.get())) {
            throw Requests.notFound("licence", licence.get());
        }
        String name = "locus-inventory"
                + licence.map(l -> "-" + l.replaceAll("[^A-Za-z0-9._-]", "_")).orElse("") + "." + format;
        ctx.contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/json")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (OutputStream out = ctx.outputStream()) {
            rows.write(licence, format, out);
        }
    }
}
