package dev.locus.compliance.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Chips of a site allocated to an IaaS tenant for a period (inclusive).
 *
 * @param chipCount chips allocated; at least {@code serials.size()}
 * @param serials the chips allocated, when known
 * @param userCountries ISO 3166-1 alpha-2 countries the tenant's users connect from, when known
 */
public record Allocation(
        String id,
        String tenantId,
        String siteId,
        int chipCount,
        List<String> serials,
        LocalDate validFrom,
        LocalDate validUntil,
        Purpose purpose,
        Set<String> userCountries) {
    public Allocation {
        serials = List.copyOf(serials);
        userCountries = Set.copyOf(userCountries);
    }
}
