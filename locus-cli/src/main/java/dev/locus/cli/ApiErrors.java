package dev.locus.cli;

import dev.locus.wire.ApiError;
import dev.locus.wire.LocusClient;
import java.util.List;

/**
 * Turns a control plane error reply ({@code {"error":{"code","message","problems"}}}) into lines a
 * person can act on: the stable code and HTTP status first, then one line per problem naming the
 * line (for imports), field, value and what is allowed.
 */
final class ApiErrors {
    private ApiErrors() {}

    /** The reply's error as lines; a body that is not the API's error format is shown as it came. */
    static List<String> describe(LocusClient.Reply reply) {
        return ApiError.describe(reply.status(), reply.body());
    }
}
