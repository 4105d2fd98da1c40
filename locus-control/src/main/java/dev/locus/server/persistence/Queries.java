package dev.locus.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Running one query and reading its rows: the statement, parameter and result-set loop, written once. */
public final class Queries {
    private Queries() {}

    /**
     * The rows of {@code sql}, with its parameters set by {@code parameters}, each read by {@code
     * reader}, in the order the query returns them.
     *
     * @throws SQLException as the query or the reader throws it
     */
    public static <T> List<T> list(Connection c, String sql, Sql.Parameters parameters, IdPages.RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        }
    }
}
