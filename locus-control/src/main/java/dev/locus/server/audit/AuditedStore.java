package dev.locus.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What a service that keeps audited rows is built on, passed as one value: the database, the audit
 * log each write is recorded in (in the write's own transaction), the clock that dates the rows,
 * and the JSON mapper for JSON columns. Immutable; its parts are thread-safe.
 */
public record AuditedStore(Database db, AuditLog audit, InstantSource clock, ObjectMapper json) {
    public AuditedStore {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(json, "json");
    }

    /** Now on the clock, to the microsecond (what a timestamp column keeps). */
    public Instant now() {
        return Sql.micros(clock.instant());
    }

    /** Today in UTC, on the clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
