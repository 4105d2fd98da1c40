package dev.locus.screening.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The result shape shared by {@code locus screen} and the control plane's screening API:
 * {@code {"query":{...}, "matches":[{"source","entry_id","name","score","decision","explanation":[...]}]}}.
 */
public final class ScreeningJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScreeningJson() {}

    public static ObjectNode result(Query query, List<ScreeningMatch> matches) {
        ObjectNode out = MAPPER.createObjectNode();
        ObjectNode q = out.putObject("query");
        q.put("name", query.name());
        query.country().ifPresent(c -> q.put("country", c));
        query.dateOfBirth().ifPresent(d -> q.put("date_of_birth", d.toString()));
        ArrayNode ms = out.putArray("matches");
        for (ScreeningMatch m : matches) {
            ObjectNode j = ms.addObject();
            j.put("source", m.entry().source());
            j.put("entry_id", m.entry().entryId());
            j.put("name", m.entry().primaryName());
            if (!m.matchedName().equals(m.entry().primaryName())) {
                j.put("matched_name", m.matchedName());
            }
            j.put("score", Math.round(m.score() * 1000) / 1000.0);
            j.put("decision", m.decision() == null ? null : m.decision().name());
            ArrayNode why = j.putArray("explanation");
            for (Feature f : m.explanation()) {
                ObjectNode fj = why.addObject();
                fj.put("feature", f.feature());
                fj.put("contribution", Math.round(f.contribution() * 1000) / 1000.0);
                fj.put("detail", f.detail());
            }
        }
        return out;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
