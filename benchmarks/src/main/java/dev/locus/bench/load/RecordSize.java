package dev.locus.bench.load;

/**
 * The size of the seeded record the red-flag benches build ({@link RedFlagBench} in memory, {@link
 * StoredRedFlagBench} in the database): parties, chips and orders, and a tenth as many sites as
 * parties.
 *
 * @param chips chips, each at a site
 * @param parties parties, the exporter not counted
 * @param orders orders, each with one shipment of two serials
 */
public record RecordSize(int chips, int parties, int orders) {
    /** Sites: a tenth of the parties, at least one. */
    public int sites() {
        return Math.max(1, parties / 10);
    }
}
