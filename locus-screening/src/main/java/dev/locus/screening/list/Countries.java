package dev.locus.screening.list;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country names and codes as lists and queries write them, to ISO 3166-1 alpha-2. Knows every
 * English name the JDK knows, the alpha-3 codes, and the UN's and lists' own spellings.
 */
public final class Countries {

    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale l = Locale.of("", code);
            BY_KEY.put(key(code), code);
            BY_KEY.put(key(l.getISO3Country()), code);
            BY_KEY.put(key(l.getDisplayCountry(Locale.ENGLISH)), code);
        }
        String[][] aliases = {
            {"Iran (Islamic Republic of)", "IR"},
            {"Iran", "IR"},
            {"Syrian Arab Republic", "SY"},
            {"Syria", "SY"},
            {"Russian Federation", "RU"},
            {"Russia", "RU"},
            {"Democratic People's Republic of Korea", "KP"},
            {"North Korea", "KP"},
            {"Korea, North", "KP"},
            {"Republic of Korea", "KR"},
            {"South Korea", "KR"},
            {"Korea, South", "KR"},
            {"Democratic Republic of the Congo", "CD"},
            {"Congo, Democratic Republic of the", "CD"},
            {"State of Palestine", "PS"},
            {"Palestinian", "PS"},
            {"Türkiye", "TR"},
            {"Turkey", "TR"},
            {"United Kingdom of Great Britain and Northern Ireland", "GB"},
            {"United Kingdom", "GB"},
            {"UK", "GB"},
            {"United Republic of Tanzania", "TZ"},
            {"Tanzania", "TZ"},
            {"United States of America", "US"},
            {"United States", "US"},
            {"USA", "US"},
            {"Viet Nam", "VN"},
            {"Vietnam", "VN"},
            {"Laos", "LA"},
            {"Lao People's Democratic Republic", "LA"},
            {"Ivory Coast", "CI"},
            {"Cote d'Ivoire", "CI"},
            {"East Timor", "TL"},
            {"Timor-Leste", "TL"},
            {"Czech Republic", "CZ"},
            {"Czechia", "CZ"},
            {"Brunei", "BN"},
            {"Brunei Darussalam", "BN"},
            {"Bolivia", "BO"},
            {"Venezuela", "VE"},
            {"China, Hong Kong Special Administrative Region", "HK"},
            {"Hong Kong", "HK"},
            {"Macau", "MO"},
            {"Taiwan", "TW"},
            {"Burma", "MM"},
            {"Myanmar", "MM"},
            {"British Virgin Islands", "VG"},
            {"Moldova", "MD"},
            {"Republic of Moldova", "MD"},
            {"North Macedonia", "MK"},
            {"Micronesia", "FM"},
            {"Gaza", "PS"},
            {"West Bank", "PS"},
            {"Crimea", "UA"},
            {"Kosovo", "XK"}
        };
        for (String[] a : aliases) {
            BY_KEY.put(key(a[0]), a[1]);
        }
    }

    private Countries() {}

    /** ISO alpha-2 of a code (alpha-2/alpha-3, any case) or an English name; empty when unknown. */
    public static Optional<String> toIso2(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key(nameOrCode)));
    }

    private static String key(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
