package dev.locus.server.verdicts;

import dev.locus.geo.verdict.Verdict;
import dev.locus.server.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code verdicts} row format: verdict sets as sorted comma-separated names. */
/** Reads and writes the verdicts table's rows. */
public final class VerdictRows {
    private VerdictRows() {}

    static String format(Set<Verdict> verdicts) {
        return verdicts.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Verdict> parse(String text) {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        if (!text.isEmpty()) {
            Arrays.stream(text.split(",")).map(Verdict::valueOf).forEach(verdicts::add);
        }
        return verdicts;
    }

    /** A verdicts row as a stored verdict. */
    public static StoredVerdict read(ResultSet rs) throws SQLException {
        Set<Verdict> verdicts = parse(rs.getString("verdicts"));
        return new StoredVerdict(
                rs.getLong("id"),
                rs.getString("chip_serial"),
                Sql.getInstant(rs, "window_start"),
                Sql.getInstant(rs, "window_end"),
                verdicts,
                rs.getBoolean("proven"),
                rs.getString("evidence_json"),
                Sql.getInstant(rs, "assessed_at"));
    }
}
