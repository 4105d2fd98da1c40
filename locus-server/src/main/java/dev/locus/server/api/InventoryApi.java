package dev.locus.server.api;

import dev.locus.server.auth.Permission;
import dev.locus.server.dashboard.InventoryExport;
import dev.locus.server.persistence.Database;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * The fleet inventory export (Chip Security Act §4(c)): {@code GET /api/v1/inventory?format=csv|json
 * [&licence=ID]}, one row per chip, streamed from the database (see {@link InventoryExport}).
 * Readable by every role that reads reports.
 */
public final class InventoryApi implements HttpService {
    private final InventoryExport export;

    public InventoryApi(Database db, InstantSource clock, Duration silentFor) {
        this.export = new InventoryExport(db, clock, silentFor);
    }

    @Override
    public void routing(RouteTable r) {
        r.get("/api/v1/inventory", Permission.READ, this::inventory);
    }

    private void inventory(Context ctx) throws IOException {
        String format = VerdictApi.format(ctx, "csv", "json");
        Optional<String> licence =
                Optional.ofNullable(ctx.queryParam("licence")).filter(s -> !s.isBlank());
        if (licence.isPresent() && !export.licenceExists(licence.get())) {
            throw Requests.notFound("licence", licence.get());
        }
        String name = "locus-inventory"
                + licence.map(l -> "-" + l.replaceAll("[^A-Za-z0-9._-]", "_")).orElse("") + "." + format;
        ctx.contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/json")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (OutputStream out = ctx.outputStream()) {
            export.write(licence, InventoryExport.Format.valueOf(format.toUpperCase(Locale.ROOT)), out);
        }
    }
}
