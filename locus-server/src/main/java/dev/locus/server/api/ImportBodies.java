package dev.locus.server.api;

import dev.locus.server.common.FieldProblem;
import dev.locus.server.registry.ImportResult;
import dev.locus.server.registry.Row;
import dev.locus.server.registry.RowSource;
import io.javalin.http.Context;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a bulk import: CSV with a header row or a JSON array of flat objects, chosen by
 * {@code ?format=} or the Content-Type, read strictly into rows numbered for error messages; and
 * the answer to an all-or-nothing import. Shared by the registry's and the commercial record's
 * imports.
 */
final class ImportBodies {
    private ImportBodies() {}

    /**
     * The rows of an import and its text (for the audit log's hash).
     *
     * @param text the body as UTF-8 text
     */
    record Body(List<Row> rows, String text) {}

    static Body read(Context ctx) {
        String mediaType = RequestBody.mediaType(ctx);
        String format = Optional.ofNullable(ctx.queryParam("format"))
                .map(f -> f.toLowerCase(java.util.Locale.ROOT))
                .orElse(
                        mediaType.equals("text/csv")
                                ? "csv"
                                : RequestBody.isJson(mediaType) ? "json" : mediaType.isEmpty() ? "none" : mediaType);
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "send text/csv or application/json (or ?format=csv|json), got '"
                            + (format.length() > 100 ? format.substring(0, 100) + "..." : format) + "'");
        }
        RequestBody body = RequestBody.of(ctx);
        byte[] raw = body.bytes();
        List<Row> rows = format.equals("csv") ? csvRows(raw) : jsonRows(raw, body.limit());
        return new Body(rows, new String(raw, StandardCharsets.UTF_8));
    }

    /** 201 with the count, or 422 IMPORT_REJECTED listing every problem. */
    static void answer(Context ctx, ImportResult result) {
        switch (result) {
            case ImportResult.Imported ok -> ctx.status(201).json(Map.of("kind", ok.kind(), "imported", ok.count()));
            case ImportResult.Rejected rej ->
                throw new ApiException(
                        ErrorCode.IMPORT_REJECTED,
                        rej.problems().size() + " problem(s) in " + rej.rows() + " " + rej.kind()
                                + " row(s); nothing was imported",
                        rej.problems());
        }
    }

    private static List<Row> csvRows(byte[] raw) {
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return RowSource.csv(
                    new StringReader(utf8.decode(ByteBuffer.wrap(raw)).toString()));
        } catch (CharacterCodingException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "CSV files must be UTF-8; this one is not");
        }
    }

    /** A JSON array of flat objects, read strictly; each row's line is its 1-based position. */
    private static List<Row> jsonRows(byte[] raw, BodyLimit limit) {
        List<Row> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        JsonBodies.Shape shape = JsonBodies.items(
                new java.io.ByteArrayInputStream(raw),
                limit,
                "a JSON array of objects",
                n -> rows.add(new Row(rows.size() + 1, RowSource.flatten(n, rows.size() + 1, problems))));
        if (shape != JsonBodies.Shape.ARRAY) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "a JSON import must be an array of objects");
        }
        Requests.requireNone(problems);
        return rows;
    }
}
