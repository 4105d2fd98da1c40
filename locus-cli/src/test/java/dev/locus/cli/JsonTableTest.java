package dev.locus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonTableTest {
    private static String print(String page, String what) throws Exception {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            JsonTable.printPage(new ObjectMapper().readTree(page), what, out);
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void columnsFollowTheFirstItem_alignedOverThePage_withDashForNullAndJsonForArrays() throws Exception {
        String page = """
                {"items": [
                  {"id": "o1", "buyer_id": "lion-gate", "serials": ["A", "B"], "site": null},
                  {"id": "order-22", "buyer_id": "x", "serials": [], "site": "dc\\nnorth"}
                ], "next_cursor": "o9"}
                """;
        assertThat(print(page, "row")).isEqualTo("""
                        ID        BUYER_ID   SERIALS    SITE
                        o1        lion-gate  ["A","B"]  -
                        order-22  x          []         dc north
                        2 row(s); more with --after o9
                        """);
    }

    @Test
    void anEmptyPage_isJustItsCount() throws Exception {
        assertThat(print("{\"items\": [], \"next_cursor\": null}", "finding")).isEqualTo("0 finding(s)\n");
    }
}
