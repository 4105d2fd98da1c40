package dev.locus.server.dashboard;

import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import dev.locus.server.verdicts.Headline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fleet aggregates for the dashboard, computed in the database so the page never receives one row
 * per chip: counts per site, licence, organisation and {@link ChipStatus} (each grouping adds up to
 * the fleet total), and filtered, paged chip lists. Thread-safe.
 */
final class FleetQueries {
    private final Database db;
    private final InstantSource clock;
    private final ChipStatusQuery status;
    private final Duration maxSummaryAge;
    /** Serialises summary computations: concurrent first views wait for one, then share it. */
    private final Object summaryLock = new Object();
    /** The last summary computed; guarded by {@link #summaryLock}. */
    private Summary lastSummary;

    /**
     * @param maxSummaryAge how long a computed summary may be served when nothing was committed
     *     through this process since it began (a bound on what writes by another process sharing a
     *     PostgreSQL database can leave unseen)
     */
    FleetQueries(Database db, InstantSource clock, ChipStatusQuery status, Duration maxSummaryAge) {
        this.db = db;
        this.clock = clock;
        this.status = status;
        this.maxSummaryAge = maxSummaryAge;
    }

    FleetQueries(Database db, InstantSource clock, ChipStatusQuery status) {
        this(db, clock, status, DEFAULT_SUMMARY_AGE);
    }

    /** Default bound on a shared summary's age. */
    static final Duration DEFAULT_SUMMARY_AGE = Duration.ofSeconds(5);

    /**
     * A computed summary.
     *
     * @param commits {@link Database#commits()} read before its computation began: it includes
     *     every one of them
     * @param computedAt when its computation began
     * @param validUntil until when its statuses hold without a write (a fresh proof turning stale)
     */
    private record Summary(long commits, Instant computedAt, Instant validUntil, Map<String, Object> json) {
        /** Whether a request that arrived at {@code now}, after {@code commits} commits, may get this. */
        boolean serves(long commits, Instant now, Duration maxAge) {
            return this.commits >= commits
                    && now.isBefore(validUntil)
                    && !now.isBefore(computedAt)
                    && now.isBefore(computedAt.plus(maxAge));
        }
    }

    /** Counts per chip status; every status is present, zeros included. */
    static final class Counts {
        private final EnumMap<ChipStatus, Long> byStatus = new EnumMap<>(ChipStatus.class);
        private long total;

        void add(ChipStatus h, long n) {
            byStatus.merge(h, n, Long::sum);
            total += n;
        }

        Map<String, Object> json() {
            Map<String, Long> m = new LinkedHashMap<>();
            for (ChipStatus h : ChipStatus.values()) {
                m.put(h.name(), byStatus.getOrDefault(h, 0L));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total", total);
            out.put("by_status", m);
            return out;
        }
    }

    /**
     * The map and fleet summary: every site with its position, zone and chip counts; every landmark
     * with position and status; counts per licence, per organisation (the site's operator) and per
     * headline verdict.
     */
    Map<String, Object> summary() {
        // what the answer must include: every commit before the request and the statuses now
        long seen = db.commits();
        Instant now = clock.instant();
        synchronized (summaryLock) {
            if (lastSummary != null && lastSummary.serves(seen, now, maxSummaryAge)) {
                return lastSummary.json();
            }
            long commits = db.commits();
            Instant computedAt = clock.instant();
            Instant[] validUntil = new Instant[1];
            Map<String, Object> json = java.util.Collections.unmodifiableMap(computeSummary(validUntil));
            lastSummary = new Summary(commits, computedAt, validUntil[0], json);
            return json;
        }
    }

    /**
     * Computes the summary; stores in {@code validUntil[0]} until when its statuses hold without a
     * write.
     */
    private Map<String, Object> computeSummary(Instant[] validUntil) {
        return db.read(c -> {
            Map<String, Counts> bySite = new TreeMap<>();
            Map<String, Counts> byLicence = new TreeMap<>();
            Map<String, Counts> byOrganisation = new TreeMap<>();
            Counts fleet = new Counts();
            Map<String, String> operators = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, operator_id FROM sites");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    operators.put(rs.getString(1), rs.getString(2));
                }
            }
            validUntil[0] = status.eachChip(c, (site, licence, h) -> {
                bySite.computeIfAbsent(site, k -> new Counts()).add(h, 1);
                byLicence.computeIfAbsent(licence.orElse(""), k -> new Counts()).add(h, 1);
                byOrganisation
                        .computeIfAbsent(operators.get(site), k -> new Counts())
                        .add(h, 1);
                fleet.add(h, 1);
            });
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("generated_at", clock.instant().toString());
            out.put("fleet", fleet.json());
            out.put("sites", sites(c, bySite));
            out.put("licences", licences(c, byLicence));
            out.put("organisations", organisations(c, byOrganisation));
            out.put("landmarks", landmarks(c));
            return out;
        });
    }

    private static List<Map<String, Object>> sites(Connection c, Map<String, Counts> counts) throws SQLException {
        return withChips(
                rows(
                        c,
                        "SELECT s.id, s.name, s.operator_id, o.name AS operator_name, s.country, s.latitude_deg,"
                                + " s.longitude_deg, s.zone_radius_km FROM sites s"
                                + " JOIN organisations o ON o.id = s.operator_id ORDER BY s.id"),
                counts);
    }

    private static List<Map<String, Object>> licences(Connection c, Map<String, Counts> counts) throws SQLException {
        List<Map<String, Object>> out = withChips(
                rows(
                        c,
                        "SELECT id, exporter_id, end_user_id, site_id, chip_count AS chip_count_licensed,"
                                + " valid_from, valid_until FROM licences ORDER BY id"),
                counts);
        Counts unlicensed = counts.get("");
        if (unlicensed != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "");
            m.put("chips", unlicensed.json());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> organisations(Connection c, Map<String, Counts> counts)
            throws SQLException {
        return withChips(rows(c, "SELECT id, name, kind, country FROM organisations ORDER BY id"), counts);
    }

    private static List<Map<String, Object>> landmarks(Connection c) throws SQLException {
        return rows(c, "SELECT id, name, latitude_deg, longitude_deg, status FROM landmarks ORDER BY id");
    }

    /**
     * Every row of {@code sql} as a map from the lower-cased column label to its value, in column
     * order: floating-point columns as {@code double}, integer columns as {@code int}, the rest as
     * text (dates as ISO text).
     */
    private static List<Map<String, Object>> rows(Connection c, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    m.put(
                            md.getColumnLabel(i).toLowerCase(Locale.ROOT),
                            switch (md.getColumnType(i)) {
                                case Types.DOUBLE, Types.FLOAT, Types.REAL -> rs.getDouble(i);
                                case Types.INTEGER -> rs.getInt(i);
                                default -> rs.getString(i);
                            });
                }
                out.add(m);
            }
        }
        return out;
    }

    /** Adds each row's chip counts (zeros where none) under {@code chips}, keyed by its {@code id}. */
    private static List<Map<String, Object>> withChips(List<Map<String, Object>> rows, Map<String, Counts> counts) {
        for (Map<String, Object> m : rows) {
            m.put(
                    "chips",
                    counts.getOrDefault((String) m.get("id"), new Counts()).json());
        }
        return rows;
    }

    /** A filter on the chip list; empty fields do not filter. */
    record ChipFilter(
            Optional<String> serialContains,
            Optional<String> siteId,
            Optional<String> licenceId,
            Optional<String> organisationId,
            Optional<ChipStatus> status) {}

    /**
     * A chip as the fleet list shows it: its registry record's fields, the site's operator, its
     * {@link ChipStatus} and its latest verdict.
     *
     * @param verdicts the latest verdict's set, comma-separated; empty when it has none
     * @param assessedAt when the latest verdict was reached; null when there is none
     * @param lastAttestedAt its last attestation; null when there is none
     */
    record ListedChip(
            String serial,
            String model,
            String registryStatus,
            String licenceId,
            String declaredSiteId,
            String organisationId,
            ChipStatus status,
            Headline headline,
            String verdicts,
            Instant assessedAt,
            Instant lastAttestedAt) {}

    /**
     * A page of the chip list.
     *
     * @param nextCursor the serial to ask for the next page after; null at the end
     */
    record ChipPage(List<ListedChip> items, String nextCursor) {}

    /**
     * Chips in serial order after {@code after}, with their status and latest verdict, filtered
     * (the serial by substring, case-insensitive).
     */
    ChipPage chips(ChipFilter f, String after, int limit) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT c.serial, c.model, c.status, c.licence_id,"
                    + " c.declared_site_id, s.operator_id, " + ChipStatusQuery.COLUMNS + " FROM chips c"
                    + " JOIN sites s ON s.id = c.declared_site_id" + ChipStatusQuery.JOINS + " WHERE c.serial > ?");
            List<String> args = new ArrayList<>();
            args.add(after);
            f.serialContains().ifPresent(p -> {
                sql.append(" AND UPPER(c.serial) LIKE ? ESCAPE '\\'");
                args.add("%" + escapeLike(p.toUpperCase(java.util.Locale.ROOT)) + "%");
            });
            f.siteId().ifPresent(s -> {
                sql.append(" AND c.declared_site_id = ?");
                args.add(s);
            });
            f.licenceId().ifPresent(s -> {
                sql.append(" AND c.licence_id = ?");
                args.add(s);
            });
            f.organisationId().ifPresent(s -> {
                sql.append(" AND s.operator_id = ?");
                args.add(s);
            });
            sql.append(" ORDER BY c.serial");
            List<ListedChip> items = new ArrayList<>();
            String next = null;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                status.bindStaleBefore(ps, 1);
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 2, args.get(i));
                }
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ChipStatus st = ChipStatusQuery.read(rs);
                        if (f.status().isPresent() && f.status().get() != st) {
                            continue;
                        }
                        if (items.size() == limit) {
                            next = items.get(limit - 1).serial();
                            break;
                        }
                        items.add(new ListedChip(
                                rs.getString("serial"),
                                rs.getString("model"),
                                rs.getString("status"),
                                rs.getString("licence_id"),
                                rs.getString("declared_site_id"),
                                rs.getString("operator_id"),
                                st,
                                Headline.of(rs.getString("verdicts")),
                                Optional.ofNullable(rs.getString("verdicts")).orElse(""),
                                Sql.getOptionalInstant(rs, "assessed_at").orElse(null),
                                Sql.getOptionalInstant(rs, "last_attested_at").orElse(null)));
                    }
                }
            }
            return new ChipPage(items, next);
        });
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
