package dev.locus.compliance.parties;

import com.fasterxml.jackson.databind.JsonNode;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.FieldReader;
import dev.locus.server.common.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A party as a person sends it (a JSON object), validated strictly: unknown fields, wrong types,
 * too many or too long names are refused with every problem named. Immutable.
 *
 * @param details what the party is, as it will be saved
 * @param expectedRevision on an update, the revision the sender last read (a stale one is a conflict)
 */
public record PartyInput(String id, PartyDetails details, OptionalInt expectedRevision) {

    static final int MAX_NAMES = 20;
    static final int MAX_ALIASES = 50;
    static final int MAX_REGISTRATION_NUMBERS = 20;
    static final int MAX_ADDRESSES = 10;
    static final int MAX_NAME_CHARS = 300;
    static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_ADDRESS_CHARS = 1000;

    private static final List<String> LISTS = List.of("names", "aliases", "registration_numbers", "addresses");
    private static final List<String> FIELDS = List.of(
            "id",
            "kind",
            "names",
            "aliases",
            "registration_numbers",
            "addresses",
            "country_of_incorporation",
            "headquarters_country",
            "incorporated_on",
            "revision");

    /**
     * A new party from a JSON object carrying its {@code id}.
     *
     * @throws InvalidInputException naming every bad field
     */
    public static PartyInput forCreate(JsonNode body) {
        return read(body, "");
    }

    /**
     * A party's new version, for the party {@code id} named by the request's path (a body may repeat
     * the id but not name another).
     *
     * @throws InvalidInputException naming every bad field
     */
    public static PartyInput forUpdate(String id, JsonNode body) {
        return read(body, id);
    }

    private static PartyInput read(JsonNode body, String pathId) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> scalars = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            JsonNode v = e.getValue();
            if (!FIELDS.contains(e.getKey())) {
                problems.add(new FieldProblem(
                        0, e.getKey(), abbreviated(v), "is not a field of a party; allowed: " + FIELDS));
            } else if (LISTS.contains(e.getKey())) {
                if (!v.isArray() && !v.isNull()) {
                    problems.add(new FieldProblem(0, e.getKey(), abbreviated(v), "must be an array of strings"));
                }
            } else if (v.isContainerNode()) {
                problems.add(new FieldProblem(0, e.getKey(), abbreviated(v), "must be a string or number"));
            } else if (!v.isNull()) {
                scalars.put(e.getKey(), v.asText());
            }
        }
        if (!pathId.isEmpty()) {
            scalars.putIfAbsent("id", pathId);
        }
        FieldReader r = new FieldReader(scalars, 0, problems);
        String id = r.id("id");
        if (!pathId.isEmpty() && !id.equals(pathId)) {
            r.problem("id", "must be the id in the path, '" + pathId + "'");
        }
        PartyKind kind = r.enumValue("kind", PartyKind.class, PartyKind.COMPANY);
        List<String> names = strings(body, "names", MAX_NAMES, MAX_NAME_CHARS, problems);
        if (names.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("names"))) {
            problems.add(new FieldProblem(0, "names", "", "is required: at least one name"));
        }
        List<String> aliases = strings(body, "aliases", MAX_ALIASES, MAX_NAME_CHARS, problems);
        List<String> numbers =
                strings(body, "registration_numbers", MAX_REGISTRATION_NUMBERS, MAX_NUMBER_CHARS, problems);
        List<String> addresses = strings(body, "addresses", MAX_ADDRESSES, MAX_ADDRESS_CHARS, problems);
        Optional<String> incorporation = optionalCountry(r, scalars, "country_of_incorporation");
        Optional<String> headquarters = optionalCountry(r, scalars, "headquarters_country");
        Optional<LocalDate> incorporatedOn =
                scalars.containsKey("incorporated_on") ? Optional.of(r.date("incorporated_on")) : Optional.empty();
        OptionalInt revision = scalars.containsKey("revision")
                ? OptionalInt.of(r.integer("revision", 1, Integer.MAX_VALUE))
                : OptionalInt.empty();
        if (kind.person() && incorporatedOn.isPresent()) {
            r.problem("incorporated_on", "a person is not incorporated; leave it out for kind PERSON");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PartyInput(
                id,
                new PartyDetails(kind, names, aliases, numbers, addresses, incorporation, headquarters, incorporatedOn),
                revision);
    }

    private static Optional<String> optionalCountry(FieldReader r, Map<String, String> scalars, String field) {
        String v = scalars.get(field);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(r.country(field));
    }

    private static List<String> strings(
            JsonNode body, String field, int maxItems, int maxChars, List<FieldProblem> problems) {
        JsonNode a = body.get(field);
        if (a == null || !a.isArray()) {
            return List.of();
        }
        if (a.size() > maxItems) {
            problems.add(new FieldProblem(0, field, a.size() + " items", "must hold at most " + maxItems + " items"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode v = a.get(i);
            String where = field + "[" + i + "]";
            if (!v.isTextual()) {
                problems.add(new FieldProblem(0, where, abbreviated(v), "must be a string"));
            } else if (v.asText().isBlank()) {
                problems.add(new FieldProblem(0, where, "", "must not be blank"));
            } else if (v.asText().strip().length() > maxChars) {
                problems.add(new FieldProblem(0, where, abbreviated(v), "must be at most " + maxChars + " characters"));
            } else if (out.contains(v.asText().strip())) {
                problems.add(new FieldProblem(0, where, v.asText(), "is given twice"));
            } else {
                out.add(v.asText().strip());
            }
        }
        return out;
    }

    private static String abbreviated(JsonNode v) {
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
