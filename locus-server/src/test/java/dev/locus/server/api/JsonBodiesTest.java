package dev.locus.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming, strict JSON reader and the bounded body under it, without a server. */
class JsonBodiesTest {
    private static final BodyLimit BATCH = BodyLimit.batch(3, 100, 20);

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ErrorCode code(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("no ApiException");
    }

    @Test
    void aBatch_isHandedOverElementByElement_andASingleObjectIsABatchOfOne() {
        List<ObjectNode> seen = new ArrayList<>();
        assertThat(JsonBodies.items(in("[{\"a\":1},{\"a\":[1,2]}]"), BATCH, "x", seen::add))
                .isEqualTo(JsonBodies.Shape.ARRAY);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).path("a").size()).isEqualTo(2);
        assertThat(JsonBodies.items(in(" {\"a\":\"b\"} \n"), BATCH, "x", seen::add))
                .isEqualTo(JsonBodies.Shape.OBJECT);
    }

    @Test
    void everyLimit_isEnforcedWhileReading() {
        // one element too many: refused when it starts, before it is read
        assertThat(code(() -> JsonBodies.items(in("[{},{},{},{\"never\":"), BATCH, "x", n -> {})))
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(code(() -> JsonBodies.items(in("[{\"a\":[" + "1,".repeat(30) + "1]}]"), BATCH, "x", n -> {})))
                .as("tokens per element")
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(code(() -> JsonBodies.items(in("{\"a\":\"" + "x".repeat(101) + "\"}"), BATCH, "x", n -> {})))
                .as("string length")
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(code(() -> JsonBodies.items(in("[{\"a\":[[1]]}]"), BATCH, "x", n -> {})))
                .as("depth")
                .isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(code(() -> JsonBodies.items(in("[]"), BATCH, "x", n -> {}))).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void duplicateKeys_trailingData_andNonObjects_areRefusedNamingWhere() {
        assertThatThrownBy(() -> JsonBodies.object(in("{\"a\":1,\n\"a\":2}"), BodyLimit.record(), "x"))
                .hasMessageContaining("Duplicate field 'a'")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> JsonBodies.object(in("{\"a\":1} x"), BodyLimit.record(), "x"))
                .hasMessageContaining("unexpected data after the JSON value (line 1, column");
        assertThatThrownBy(() -> JsonBodies.object(in("{\"a\":1}}"), BodyLimit.record(), "x"))
                .hasMessageContaining("unexpected data after the JSON value");
        assertThatThrownBy(() -> JsonBodies.object(in("[{\"a\":1}]"), BodyLimit.record(), "x"))
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> JsonBodies.object(in("{\"a\":"), BodyLimit.record(), "x"))
                .isInstanceOf(ApiException.class)
                .hasMessageNotContaining("`")
                .hasMessageNotContaining("com.fasterxml");
    }

    @Test
    void aBoundedBody_endsAtItsLimit_andReturnsItsBudget() throws IOException {
        BodyBudget budget = new BodyBudget(1024 * 1024, Duration.ZERO);
        try (BodyBudget.Lease lease = budget.lease()) {
            BoundedBody exact = new BoundedBody(in("x".repeat(1000)), 1000, lease);
            assertThat(exact.readAllBytes()).hasSize(1000);
        }
        try (BodyBudget.Lease lease = budget.lease()) {
            BoundedBody over = new BoundedBody(in("x".repeat(1001)), 1000, lease);
            assertThatThrownBy(over::readAllBytes).isInstanceOf(BoundedBody.TooLarge.class);
        }
        assertThat(budget.available()).isEqualTo(budget.bytes());
    }

    @Test
    void whenTheBudgetIsTaken_anotherReaderIsRefused503_untilItIsReturned() throws IOException {
        BodyBudget budget = new BodyBudget(1024 * 1024, Duration.ZERO);
        BodyBudget.Lease first = budget.lease();
        new BoundedBody(in("x".repeat(1024 * 1024 - 1)), 2 * 1024 * 1024, first).readAllBytes();

        try (BodyBudget.Lease second = budget.lease()) {
            BoundedBody body = new BoundedBody(in("x".repeat(100_000)), 2 * 1024 * 1024, second);
            assertThatThrownBy(body::readAllBytes)
                    .isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE));
        }
        first.close();
        try (BodyBudget.Lease alone = budget.lease()) {
            BoundedBody huge = new BoundedBody(in("x".repeat(1024 * 1024 + 1)), 2 * 1024 * 1024, alone);
            assertThatThrownBy(huge::readAllBytes)
                    .as("one body larger than the whole budget")
                    .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        }
        try (BodyBudget.Lease third = budget.lease()) {
            assertThat(new BoundedBody(in("x".repeat(100_000)), 2 * 1024 * 1024, third).readAllBytes())
                    .hasSize(100_000);
        }
    }
}
