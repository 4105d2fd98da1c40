package dev.locus.compliance.redflags;

/** The published source a red-flag rule cites: every finding names the one its rule applies. */
public enum Source {
    CSA_4A2_A("Chip Security Act §4(a)(2)(A): credible information that a covered chip is located"
            + " away from the location its export licence names"),
    CSA_4A2_B("Chip Security Act §4(a)(2)(B): credible information that a covered chip is used by"
            + " a party other than the licence allows"),
    CSA_4A2_C("Chip Security Act §4(a)(2)(C): credible information of tampering with or evasion of"
            + " the chip's location verification"),
    CSA_LOCATION_VERIFICATION(
            "Chip Security Act: location verification of covered chips (only a" + " proven location counts)"),
    BIS_SUPP3_PART732("15 CFR Part 732, Supplement No. 3: BIS \"Know Your Customer\" guidance and red" + " flags"),
    BIS_2025_05_ADVANCED_IC(
            "BIS, May 13 2025: industry guidance to prevent diversion of advanced" + " computing integrated circuits"),
    BIS_2025_05_IAAS("BIS, May 13 2025: policy statement on controlled chips used to train AI models"
            + " for parties headquartered in, or whose users are in, Country Group D:5 or Macau");

    private final String citation;

    Source(String citation) {
        this.citation = citation;
    }

    /** The citation in words, as a report shows it. */
    public String citation() {
        return citation;
    }
}
