package dev.locus.screening.list;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts OFAC writes into the SDN "Remarks" field: {@code DOB 20 Jan 1964; POB Johor,
 * Malaysia; nationality Malaysia; Passport A10472263 (Malaysia); alt. Passport ...}.
 */
final class RemarksParser {
    private static final Pattern DOB = Pattern.compile("^(?:alt\\. )?DOB (.+)$");
    private static final Pattern COUNTRY_OF = Pattern.compile("^(?:alt\\. )?(?:nationality|citizen) (.+)$");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "^(?:alt\\. )?([A-Za-z][A-Za-z .#/'()-]*?)\\s+([A-Z0-9][A-Z0-9./-]{3,})(?:\\s*\\(([^)]*)\\))?.*$");

    final List<PartialDate> datesOfBirth = new ArrayList<>();
    final Set<String> countries = new LinkedHashSet<>();
    final List<String> identifiers = new ArrayList<>();

    static RemarksParser parse(String remarks) {
        RemarksParser r = new RemarksParser();
        for (String raw : remarks.split(";")) {
            String item = raw.trim();
            if (item.endsWith(".")) {
                item = item.substring(0, item.length() - 1);
            }
            Matcher m;
            if ((m = DOB.matcher(item)).matches()) {
                for (String part : m.group(1).split(" to ")) {
                    PartialDate.parse(part).ifPresent(r.datesOfBirth::add);
                }
            } else if ((m = COUNTRY_OF.matcher(item)).matches()) {
                Countries.toIso2(m.group(1)).ifPresent(r.countries::add);
            } else if (!item.startsWith("a.k.a.")
                    && !item.startsWith("POB")
                    && (m = IDENTIFIER.matcher(item)).matches()
                    && m.group(2).chars().anyMatch(Character::isDigit)) {
                String country = m.group(3) == null ? "" : " (" + m.group(3) + ")";
                r.identifiers.add(m.group(1).trim() + " " + m.group(2) + country);
            }
        }
        return r;
    }
}
