package dev.locus.screening.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Legal forms across languages and the lists' own abbreviations, as token phrases (after case
 * folding, transliteration and punctuation removal) mapped to one canonical form. Legal forms are
 * kept apart from a name's distinctive tokens; abbreviations are expanded in place.
 */
final class LegalForms {

    /** phrase (space-separated tokens) → canonical legal form, e.g. "youxian gongsi" → "co-ltd". */
    private static final Map<String, String> FORMS = new HashMap<>();
    /** The first word of every phrase, so most tokens skip the phrase lookup. */
    private static final java.util.Set<String> FIRST_WORDS = new java.util.HashSet<>();
    /** token → expansion, e.g. "shpg" → "shipping". */
    private static final Map<String, String> ABBREVIATIONS = new HashMap<>();
    /** Words that carry nothing for matching. */
    private static final java.util.Set<String> STOP = java.util.Set.of("the", "and", "of", "for");

    static final int MAX_PHRASE = 7;

    static {
        form(
                "co-ltd",
                "co ltd",
                "company limited",
                "co limited",
                "company ltd",
                "youxian gongsi",
                "you xian gong si",
                "youxiangongsi",
                "yu xian gong si",
                "youxian zeren gongsi",
                "you xian ze ren gong si",
                "gufen youxian gongsi",
                "gu fen you xian gong si",
                "yugen kaisha",
                "yuhan hoesa");
        form("co", "co", "company", "companies", "cie", "compania", "compagnie", "gongsi", "gong si", "kongsi");
        form("ltd", "ltd", "limited", "ltda", "limitada");
        form("pte-ltd", "pte ltd", "private limited", "pvt ltd", "pte limited", "private ltd", "(pte) ltd");
        form("pte", "pte", "pvt", "private");
        form("sdn-bhd", "sdn bhd", "sendirian berhad", "sdn berhad");
        form("bhd", "bhd", "berhad");
        form("gmbh", "gmbh", "gesellschaft mit beschrankter haftung", "ges m b h", "g m b h");
        form("ag", "ag", "aktiengesellschaft");
        form(
                "jsc",
                "jsc",
                "ojsc",
                "cjsc",
                "pjsc",
                "ao",
                "oao",
                "zao",
                "pao",
                "jtsc",
                "joint stock company",
                "joint stock co",
                "open joint stock company",
                "closed joint stock company",
                "public joint stock company",
                "aktsionernoe obshchestvo",
                "aktsionernoye obshchestvo",
                "otkrytoe aktsionernoe obshchestvo",
                "zakrytoe aktsionernoe obshchestvo",
                "publichnoe aktsionernoe obshchestvo",
                "stock company",
                "joint stock",
                "ad",
                "a d",
                "dd",
                "d d");
        form(
                "llc",
                "llc",
                "l l c",
                "limited liability company",
                "limited liability co",
                "ooo",
                "too",
                "obshchestvo s ogranichennoi otvetstvennostyu",
                "obshchestvo s ogranichennoy otvetstvennostyu",
                "tovarishchestvo s ogranichennoy otvetstvennostyu");
        form("corp", "corp", "corporation", "inc", "incorporated", "incorporation", "corpn");
        form("plc", "plc", "public limited company", "p l c");
        form(
                "sa",
                "sa",
                "s a",
                "sociedad anonima",
                "societe anonyme",
                "sa de cv",
                "s a de c v",
                "sa de c v",
                "sapi de cv",
                "sas",
                "s a s",
                "saal",
                "sal",
                "s a l",
                "sae",
                "s a e");
        form(
                "srl",
                "srl",
                "s r l",
                "sarl",
                "s a r l",
                "sociedad de responsabilidad limitada",
                "s de rl",
                "s de rl de cv",
                "s de r l de c v");
        form("bv", "bv", "b v", "besloten vennootschap");
        form("nv", "nv", "n v", "naamloze vennootschap");
        form("spa", "spa", "s p a", "societa per azioni");
        form("kk", "kk", "kabushiki kaisha", "kabushiki gaisha");
        form("fze", "fze", "fzco", "fzc", "fz llc", "fzllc", "dmcc");
        form("llp", "llp", "lp", "l p", "limited partnership", "limited liability partnership");
        form("pty", "pty", "proprietary");
        form("ab", "ab", "aktiebolag", "as", "a s", "aktieselskab", "asa", "oy", "oyj");
        form("tic", "tic", "ticaret", "ve ticaret", "san ve tic", "sanayi ve ticaret", "as", "anonim sirketi");
        form("est", "est", "establishment", "trading est");

        abbreviate("shpg", "shipping");
        abbreviate("shpng", "shipping");
        abbreviate("intl", "international");
        abbreviate("int'l", "international");
        abbreviate("mfg", "manufacturing");
        abbreviate("mfrs", "manufacturers");
        abbreviate("mgmt", "management");
        abbreviate("svcs", "services");
        abbreviate("svc", "service");
        abbreviate("engg", "engineering");
        abbreviate("eng", "engineering");
        abbreviate("inds", "industries");
        abbreviate("ind", "industrial");
        abbreviate("indus", "industrial");
        abbreviate("grp", "group");
        abbreviate("hldgs", "holdings");
        abbreviate("hldg", "holding");
        abbreviate("natl", "national");
        abbreviate("assn", "association");
        abbreviate("assoc", "association");
        abbreviate("bros", "brothers");
        abbreviate("dept", "department");
        abbreviate("dev", "development");
        abbreviate("devt", "development");
        abbreviate("equip", "equipment");
        abbreviate("trdg", "trading");
        abbreviate("tdg", "trading");
        abbreviate("univ", "university");
        abbreviate("ctr", "center");
        abbreviate("centre", "center");
        abbreviate("mach", "machinery");
        abbreviate("tech", "technology");
        abbreviate("technologies", "technology");
        abbreviate("techs", "technology");
        abbreviate("sci", "science");
        abbreviate("elec", "electronic");
        abbreviate("electronics", "electronic");
        abbreviate("invest", "investment");
        abbreviate("investments", "investment");
        abbreviate("petrochem", "petrochemical");
        abbreviate("chem", "chemical");
        abbreviate("gen", "general");
        abbreviate("mgt", "management");
        abbreviate("transp", "transport");
        abbreviate("imp", "import");
        abbreviate("exp", "export");
        abbreviate("sys", "systems");
        abbreviate("system", "systems");
        abbreviate("acad", "academy");
        abbreviate("inst", "institute");
        abbreviate("lab", "laboratory");
        abbreviate("labs", "laboratory");
        abbreviate("laboratories", "laboratory");
        abbreviate("aero", "aerospace");
        abbreviate("mil", "military");
        abbreviate("st", "saint");
        abbreviate("mt", "mount");
        abbreviate("mohd", "mohammed");
        abbreviate("muhd", "muhammad");
    }

    private LegalForms() {}

    private static void form(String canonical, String... phrases) {
        for (String p : phrases) {
            String phrase = p.replaceAll("[()]", "");
            FORMS.put(phrase, canonical);
            FIRST_WORDS.add(phrase.split(" ")[0]);
        }
    }

    private static void abbreviate(String abbreviation, String expansion) {
        ABBREVIATIONS.put(abbreviation.replace("'", ""), expansion);
    }

    static String expand(String token) {
        return ABBREVIATIONS.getOrDefault(token, token);
    }

    static boolean isStopWord(String token) {
        return STOP.contains(token);
    }

    /**
     * Splits tokens into distinctive tokens and legal forms, longest phrase first; when nothing
     * distinctive would remain, the canonical legal forms become the tokens.
     */
    static void split(List<String> tokens, List<String> core, List<String> forms) {
        List<String> c = new ArrayList<>();
        List<String> f = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int len = FIRST_WORDS.contains(tokens.get(i)) ? Math.min(MAX_PHRASE, tokens.size() - i) : 0;
                    len >= 1;
                    len--) {
                String phrase = len == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + len));
                String canonical = FORMS.get(phrase);
                if (canonical != null) {
                    f.add(canonical);
                    matched = len;
                    break;
                }
            }
            if (matched == 0) {
                String t = tokens.get(i);
                if (!isStopWord(t)) {
                    c.add(t);
                }
                i++;
            } else {
                i += matched;
            }
        }
        if (c.isEmpty()) {
            core.addAll(f.isEmpty() ? tokens : f);
        } else {
            core.addAll(c);
            forms.addAll(f);
        }
    }
}
