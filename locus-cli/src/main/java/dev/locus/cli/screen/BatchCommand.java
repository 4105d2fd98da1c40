package dev.locus.cli.screen;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locus.screening.eval.EvalSet;
import dev.locus.screening.match.Screener;
import dev.locus.screening.match.ScreeningJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Screens every row of a CSV file and writes one result per row, with its row number, as a",
            "JSON array: [{\"row\":1, \"query\":..., \"matches\":[...]}, ...]. The CSV needs a header with",
            "full_name; date_of_birth and nationality are used when present (the columns of the",
            "evaluation files: full_name,first_name,middle_name,last_name,gender,date_of_birth,",
            "place_of_birth,nationality). Progress on stderr."
        })
final class BatchCommand implements Callable<Integer> {
    @Option(names = "--queries", required = true, paramLabel = "FILE.csv", description = "the parties to screen")
    Path queries;

    @Option(names = "--json", required = true, paramLabel = "OUT", description = "where to write the results")
    Path out;

    @Mixin
    ListsOption lists;

    @Override
    public Integer call() throws Exception {
        List<EvalSet.Row> rows = EvalSet.read(queries);
        Screener screener = Screener.of(lists.load());
        long start = System.nanoTime();
        int withMatches = 0;
        try (JsonGenerator g = ScreeningJson.mapper().getFactory().createGenerator(out.toFile(), JsonEncoding.UTF8)) {
            g.writeStartArray();
            int done = 0;
            for (EvalSet.Row row : rows) {
                var matches = screener.screen(row.query());
                withMatches += matches.isEmpty() ? 0 : 1;
                ObjectNode result = ScreeningJson.mapper().createObjectNode();
                result.put("row", row.row());
                result.setAll(ScreeningJson.result(row.query(), matches));
                g.writeTree(result);
                if (++done % 10_000 == 0) {
                    System.err.printf("locus screen batch: %d/%d rows%n", done, rows.size());
                }
            }
            g.writeEndArray();
        }
        System.err.printf(
                java.util.Locale.ROOT,
                "locus screen batch: %d rows, %d with candidates, %.1f s -> %s%n",
                rows.size(),
                withMatches,
                (System.nanoTime() - start) / 1e9,
                out);
        return 0;
    }
}
