package dev.locus.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run on one connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
