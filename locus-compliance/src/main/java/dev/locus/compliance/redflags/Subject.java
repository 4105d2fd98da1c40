package dev.locus.compliance.redflags;

/** What a finding is about: one party, site, chip or billing country. */
public record Subject(Type type, String id) {
    public enum Type {
        PARTY,
        SITE,
        CHIP,
        COUNTRY
    }

    public static Subject party(String id) {
        return new Subject(Type.PARTY, id);
    }

    public static Subject site(String id) {
        return new Subject(Type.SITE, id);
    }

    public static Subject chip(String serial) {
        return new Subject(Type.CHIP, serial);
    }

    public static Subject country(String isoCode) {
        return new Subject(Type.COUNTRY, isoCode);
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
