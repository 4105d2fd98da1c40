package dev.locus.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Two transactions writing the same row of the embedded database: the one that loses is told to
 * run again ({@link Sql#isRetryable}), as the ingestor does, instead of failing the client's
 * request with a 500 (seen under load as "Concurrent update in table chip_window").
 */
class RetryableConflictTest {

    @Test
    void aRowLockedByAnotherTransaction_isRetryable() throws SQLException {
        String url = "jdbc:h2:mem:retryable-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=50";
        try (Connection first = DriverManager.getConnection(url, "sa", "");
                Connection second = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = first.createStatement()) {
                s.execute("CREATE TABLE chip_window (chip VARCHAR PRIMARY KEY, rtt BIGINT)");
                s.execute("INSERT INTO chip_window VALUES ('GPU-1', 100)");
            }
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement s = first.createStatement()) {
                s.executeUpdate("UPDATE chip_window SET rtt = 90 WHERE chip = 'GPU-1'");
            }
            SQLException lost = catchThrowableOfType(SQLException.class, () -> {
                try (Statement s = second.createStatement()) {
                    s.executeUpdate("UPDATE chip_window SET rtt = 80 WHERE chip = 'GPU-1'");
                }
            });
            assertThat((Throwable) lost)
                    .as("the second writer waits for the row, then gives up")
                    .isNotNull();
            assertThat(Sql.isRetryable(lost))
                    .as(lost.getSQLState() + " " + lost.getMessage())
                    .isTrue();
            first.commit();
            second.rollback();
        }
    }

    @Test
    void aBrokenStatement_isNotRetryable() {
        assertThat(Sql.isRetryable(new SQLException("syntax", "42000"))).isFalse();
        assertThat(Sql.isRetryable(new SQLException("outer", "08000", new SQLException("inner", "40001"))))
                .isTrue();
    }
}
