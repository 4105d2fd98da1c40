package dev.locus.server.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads one row of a query's result into a value. */
@FunctionalInterface
public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;

    /** Runs {@code query} (its parameters set) and reads every row it returns, in order. */
    default List<T> all(PreparedStatement query) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }
}
