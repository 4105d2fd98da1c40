package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a report names the audit log's head as it was when the report was made: an entry of
 * the log with that very hash, no older than a head read before asking. Work after commit (the
 * compliance module's red-flag evaluation, alert rules) may append entries at any moment, so a
 * test never compares a report's head with a head read at another moment.
 */
final class RecordedAuditHead {
    private static final Pattern IN_TEXT =
            Pattern.compile("entry (\\d+), SHA-256 (?:<span class=\"audit\">)?([0-9a-f]{64})");

    private RecordedAuditHead() {}

    /** The head named in a rendered report (PDF text or HTML), checked against the log. */
    static long assertNamedIn(ApiClient api, String admin, String report, long seqBefore) {
        Matcher m = IN_TEXT.matcher(report);
        assertThat(m.find()).as("the report names the audit head").isTrue();
        long seq = Long.parseLong(m.group(1));
        assertRecorded(api, admin, seq, m.group(2), seqBefore);
        return seq;
    }

    /** The entry {@code seq} of the log has {@code hash}, and is no older than {@code seqBefore}. */
    static void assertRecorded(ApiClient api, String admin, long seq, String hash, long seqBefore) {
        assertThat(seq).isGreaterThanOrEqualTo(seqBefore);
        JsonNode entry = api.get("/api/v1/audit?after=" + (seq - 1) + "&limit=1", Optional.of(admin))
                .body()
                .path("items")
                .path(0);
        assertThat(entry.path("seq").asLong()).isEqualTo(seq);
        assertThat(entry.path("hash").asText()).isEqualTo(hash);
    }

    /** The head's entry number now. */
    static long seqNow(ApiClient api, String admin) {
        return api.get("/api/v1/audit/head", Optional.of(admin))
                .body()
                .path("seq")
                .asLong();
    }
}
