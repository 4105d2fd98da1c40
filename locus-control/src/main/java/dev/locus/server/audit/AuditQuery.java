package dev.locus.server.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit entries to list, in which order: every filter that is present must match.
 *
 * @param actor this actor as recorded ({@code name (token id)} or {@code system}), or every token of
 *     that name
 * @param action this action, or every action starting with it when it ends with a dot
 *     ({@code sites.} matches {@code sites.created} and {@code sites.updated})
 * @param entityType exactly this kind of subject, e.g. {@code chip}
 * @param entityId exactly this subject
 * @param from recorded at or after
 * @param to recorded before
 * @param cursor the paging cursor: only entries after this position in the listing's order
 *     (older ones when newest first); empty for the first page
 * @param newestFirst newest entry first, else oldest first
 */
public record AuditQuery(
        Optional<String> actor,
        Optional<String> action,
        Optional<String> entityType,
        Optional<String> entityId,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<Long> cursor,
        boolean newestFirst) {}
