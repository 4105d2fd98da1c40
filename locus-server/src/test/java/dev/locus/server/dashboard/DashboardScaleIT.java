package dev.locus.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.ControlPlane;
import dev.locus.server.IssuedReceipts;
import dev.locus.server.ServerConfig;
import dev.locus.server.ingest.ReceiptJson;
import dev.locus.server.verdicts.RegionGeometry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard with 100,000 chips at 1,000 sites on the embedded database (the default of
 * {@code ./locus server}), all registered through the bulk-import API and assessed from real
 * signed receipts. Measures, in the browser, the first view (navigation to the map with data) and
 * the map's responsiveness (time for a zoom or pan to be drawn), and checks that the page draws one
 * marker per site, not per chip. The figures are printed for the README.
 */
class DashboardScaleIT {
    /** Landmark keys and one device key per chip: receipts as landmarks issue them, with device proofs. */
    private static final IssuedReceipts KEYS = new IssuedReceipts(41);

    static final int SITES = 1000;
    static final int CHIPS_PER_SITE = 100;
    static final int CHIPS = SITES * CHIPS_PER_SITE;

    /** Landmark cities outside restricted jurisdictions: name, latitude, longitude. */
    static final Object[][] CITIES = {
        {"sin", 1.35, 103.82}, {"kul", 3.14, 101.69}, {"bkk", 13.75, 100.50}, {"tyo", 35.68, 139.69},
        {"sel", 37.57, 126.98}, {"syd", -33.87, 151.21}, {"mel", -37.81, 144.96}, {"bom", 19.08, 72.88},
        {"del", 28.61, 77.21}, {"dxb", 25.20, 55.27}, {"fra", 50.11, 8.68}, {"lon", 51.51, -0.13},
        {"par", 48.86, 2.35}, {"ams", 52.37, 4.90}, {"mad", 40.42, -3.70}, {"sto", 59.33, 18.07},
        {"waw", 52.23, 21.01}, {"jnb", -26.20, 28.05}, {"nbo", -1.29, 36.82}, {"cai", 30.04, 31.24},
        {"nyc", 40.71, -74.01}, {"iad", 38.95, -77.45}, {"chi", 41.88, -87.63}, {"dfw", 32.78, -96.80},
        {"sfo", 37.77, -122.42}, {"sea", 47.61, -122.33}, {"yyz", 43.65, -79.38}, {"mex", 19.43, -99.13},
        {"gru", -23.55, -46.63}, {"scl", -33.45, -70.67}, {"bog", 4.71, -74.07}, {"lim", -12.05, -77.04},
        {"akl", -36.85, 174.76}, {"mnl", 14.60, 120.98}, {"cgk", -6.21, 106.85}, {"sgn", 10.82, 106.63},
        {"tpe", 25.03, 121.57}, {"ist", 41.01, 28.98}, {"tlv", 32.09, 34.78}, {"hel", 60.17, 24.94},
    };

    @Test
    void hundredThousandChips_mapStaysResponsive_firstViewUnderTwoSeconds() throws Exception {
        Path dataDir = Files.createTempDirectory("locus-dashboard-scale");
        try (ControlPlane cp = ControlPlane.start(ServerConfig.defaults(dataDir).withPort(0), InstantSource.system())) {
            String base = "http://127.0.0.1:" + cp.port();
            Http http = new Http(base);
            String admin = Files.readString(dataDir.resolve(ControlPlane.ADMIN_TOKEN_FILE))
                    .strip();
            long t0 = System.nanoTime();
            int[] siteCity = register(http, admin);
            long registered = System.nanoTime();
            int measured = measure(http, admin, siteCity);
            JsonNode summary = awaitVerdicts(http, admin, measured);
            long assessed = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "DASHBOARD scale: %d chips at %d sites registered by bulk import in %.1f s; %d chips measured"
                            + " and assessed in %.1f s; fleet by status %s%n",
                    CHIPS,
                    SITES,
                    (registered - t0) / 1e9,
                    measured,
                    (assessed - registered) / 1e9,
                    summary.get("fleet").get("by_status"));
            assertThat(summary.get("fleet").get("total").asInt()).isEqualTo(CHIPS);

            // commits end a shared summary (FleetQueries): how many the fleet made while measured
            long commitsBefore = cp.database().commits();
            double[] summaryMs = new double[7];
            for (int i = 0; i < summaryMs.length; i++) {
                long s = System.nanoTime();
                http.get("/api/v1/dashboard/summary", admin);
                summaryMs[i] = (System.nanoTime() - s) / 1e6;
            }
            long commitsDuringSummaries = cp.database().commits() - commitsBefore;
            String officer = http.ok(
                            "/api/v1/tokens", admin, Map.of("name", "Scale Officer", "role", "COMPLIANCE_OFFICER"))
                    .get("token")
                    .asText();
            try (Browser browser = new Browser(1366, 768)) {
                browser.signIn(base, officer);
                assertThat(browser.driver.findElement(By.id("fleet-total")).getText())
                        .isEqualTo("100,000");
                double[] firstView = new double[5];
                for (int i = 0; i < firstView.length; i++) {
                    browser.driver.navigate().refresh();
                    browser.await(By.cssSelector(".view-map[data-ready='true']"));
                    firstView[i] = ((Number)
                                    browser.js("return performance.getEntriesByName('locus:map-ready')[0].startTime"))
                            .doubleValue();
                }
                // one canvas path per site and per landmark, however many chips
                assertThat(browser.driver
                                .findElement(By.cssSelector(".view-map"))
                                .getDomAttribute("data-sites"))
                        .isEqualTo(Integer.toString(SITES));
                browser.screenshot("20-map-100k-chips");
                List<?> frames = (List<?>) browser.asyncJs(MAP_INTERACTIONS);
                double[] interaction = frames.stream()
                        .mapToDouble(f -> ((Number) f).doubleValue())
                        .toArray();
                System.out.printf(
                        Locale.ROOT,
                        "DASHBOARD scale: /summary server round trip ms %s (median %.0f; %d commits meanwhile);"
                                + " first view ms %s"
                                + " (median %.0f); zoom/pan to drawn frame ms over %d moves: median %.1f, max %.1f%n",
                        fmt(summaryMs),
                        median(summaryMs),
                        commitsDuringSummaries,
                        fmt(firstView),
                        median(firstView),
                        interaction.length,
                        median(interaction),
                        Arrays.stream(interaction).max().orElse(0));
                // Times are reported above, not asserted: a timing threshold in a test fails on a busy
                // CI machine without saying anything about the dashboard (targets: docs/dashboard.md).
                assertThat(Arrays.stream(firstView).boxed().toList())
                        .allSatisfy(ms -> assertThat(ms).isPositive());
                assertThat(interaction).isNotEmpty();
            }
        }
    }

    /**
     * Zooms and pans the fleet map 20 times without animation and times each move from the call to
     * the first animation frame after Leaflet's moveend (the markers redrawn on the canvas).
     */
    static final String MAP_INTERACTIONS = "const done = arguments[arguments.length - 1];"
            + " const map = document.getElementById('fleet-map').__locusMap;"
            + " const moves = [];"
            + " for (let i = 0; i < 20; i++) {"
            + "   moves.push(i % 2 === 0 ? () => map.setZoom(2 + (i % 6), {animate: false})"
            + "     : () => map.panBy([150 * ((i % 4) - 1.5), 90], {animate: false}));"
            + " }"
            + " const times = [];"
            + " const next = (i) => {"
            + "   if (i === moves.length) { done(times); return; }"
            + "   const t = performance.now();"
            + "   map.once('moveend', () => requestAnimationFrame(() => requestAnimationFrame(() => {"
            + "     times.push(performance.now() - t); next(i + 1); })));"
            + "   moves[i]();"
            + " };"
            + " next(0);";

    private static int[] register(Http http, String admin) {
        http.ok(
                "/api/v1/organisations",
                admin,
                Map.of("id", "nvx", "name", "NVX", "kind", "EXPORTER", "country", "US"));
        StringBuilder orgs = new StringBuilder("id,name,kind,country\n");
        for (int i = 0; i < 20; i++) {
            orgs.append("op-").append(i).append(",Operator ").append(i).append(",CLOUD_OPERATOR,SG\n");
        }
        http.okText("/api/v1/imports/organisations?format=csv", admin, "text/csv", orgs.toString());
        Random random = new Random(100_000);
        int[] siteCity = new int[SITES];
        StringBuilder sites =
                new StringBuilder("id,name,operator_id,country,latitude_deg,longitude_deg,zone_radius_km\n");
        StringBuilder licences =
                new StringBuilder("id,exporter_id,end_user_id,site_id,chip_count,conditions,valid_from,valid_until\n");
        for (int s = 0; s < SITES; s++) {
            int city = random.nextInt(CITIES.length);
            siteCity[s] = city;
            double[] p = offset((double) CITIES[city][1], (double) CITIES[city][2], random.nextDouble() * 8, random);
            sites.append(String.format(
                    Locale.ROOT, "site-%04d,Site %04d,op-%d,SG,%.5f,%.5f,50%n", s, s, s % 20, p[0], p[1]));
            licences.append(String.format(
                    Locale.ROOT,
                    "LIC-%04d,nvx,op-%d,site-%04d,%d,scale test,2026-01-01,2027-12-31%n",
                    s,
                    s % 20,
                    s,
                    CHIPS_PER_SITE));
        }
        http.okText("/api/v1/imports/sites?format=csv", admin, "text/csv", sites.toString());
        http.okText("/api/v1/imports/licences?format=csv", admin, "text/csv", licences.toString());
        StringBuilder chips = new StringBuilder("serial,model,licence_id,declared_site_id,device_public_key\n");
        for (int s = 0; s < SITES; s++) {
            for (int c = 0; c < CHIPS_PER_SITE; c++) {
                String serial = String.format(Locale.ROOT, "GPU-%04d-%03d", s, c);
                chips.append(String.format(
                        Locale.ROOT,
                        "%s,H100,LIC-%04d,site-%04d,%s%n",
                        serial,
                        s,
                        s,
                        KEYS.deviceKey(serial).toBase64()));
            }
        }
        JsonNode imported = http.okText("/api/v1/imports/chips?format=csv", admin, "text/csv", chips.toString());
        assertThat(imported.get("imported").asInt()).isEqualTo(CHIPS);
        return siteCity;
    }

    /**
     * One receipt per chip from the landmark of its site's city, except 1 % measured from another
     * city (proven outside the zone) and 1 % never measured. Returns how many chips were measured.
     */
    private static int measure(Http http, String admin, int[] siteCity) {
        for (int i = 0; i < CITIES.length; i++) {
            http.ok(
                    "/api/v1/landmarks",
                    admin,
                    Map.of(
                            "id",
                            "lm-" + CITIES[i][0],
                            "name",
                            "Landmark " + CITIES[i][0],
                            "latitude_deg",
                            CITIES[i][1],
                            "longitude_deg",
                            CITIES[i][2],
                            "public_key",
                            KEYS.landmark("lm-" + CITIES[i][0], (double) CITIES[i][1], (double) CITIES[i][2])
                                    .toBase64()));
        }
        Random random = new Random(7);
        List<Map<String, Object>> batch = new ArrayList<>();
        int measured = 0;
        for (int s = 0; s < SITES; s++) {
            for (int c = 0; c < CHIPS_PER_SITE; c++) {
                if (c == 99) {
                    continue; // never measured
                }
                int city =
                        c == 98 ? (siteCity[s] + 1 + random.nextInt(CITIES.length - 1)) % CITIES.length : siteCity[s];
                long nanos = 200_000 + random.nextInt(30_000);
                batch.add(ReceiptJson.toJson(KEYS.sign(
                        "lm-" + CITIES[city][0],
                        String.format(Locale.ROOT, "GPU-%04d-%03d", s, c),
                        List.of(nanos + 40_000, nanos),
                        Instant.now())));
                measured++;
                if (batch.size() == 5000) {
                    submit(http, admin, batch);
                }
            }
        }
        if (!batch.isEmpty()) {
            submit(http, admin, batch);
        }
        return measured;
    }

    private static void submit(Http http, String admin, List<Map<String, Object>> batch) {
        JsonNode r = http.ok("/api/v1/receipts", admin, batch);
        assertThat(r.get("accepted").asInt()).as(r.toString()).isEqualTo(batch.size());
        batch.clear();
    }

    private static JsonNode awaitVerdicts(Http http, String admin, int measured) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            JsonNode summary = http.get("/api/v1/dashboard/summary", admin).json();
            int unassessed =
                    summary.get("fleet").get("by_status").get("NO_VERDICT").asInt();
            if (unassessed == CHIPS - measured) {
                return summary;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "verdicts still missing for " + (unassessed - (CHIPS - measured)) + " chips after 10 min");
            }
            Thread.sleep(1000);
        }
    }

    /** A point {@code km} away from the given one in a random direction (spherical Earth). */
    private static double[] offset(double lat, double lon, double km, Random random) {
        double[] p = RegionGeometry.destination(new RegionGeometry.DiscKm(lat, lon, km), random.nextDouble() * 360);
        return new double[] {p[1], ((p[0] + 540) % 360) - 180};
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String fmt(double[] xs) {
        return Arrays.toString(
                Arrays.stream(xs).map(x -> Math.round(x * 10) / 10.0).toArray());
    }
}
