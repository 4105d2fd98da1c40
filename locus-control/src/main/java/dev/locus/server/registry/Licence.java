package dev.locus.server.registry;

import java.time.Instant;
import java.time.LocalDate;

/** An export licence: who may use how many chips where, between two dates (inclusive). */
public record Licence(
        String id,
        String exporterId,
        String endUserId,
        String siteId,
        int chipCount,
        String conditions,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant createdAt) {}
