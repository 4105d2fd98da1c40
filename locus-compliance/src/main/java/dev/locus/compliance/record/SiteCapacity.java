package dev.locus.compliance.record;

import java.time.LocalDate;

/**
 * What a data centre declares it can power and house. The site need not be a registered (proven)
 * site: a buyer's declared data centre is recorded here too.
 *
 * @param country ISO 3166-1 alpha-2
 * @param powerMw declared IT power in megawatts
 */
public record SiteCapacity(
        String siteId, String operatorId, String country, double powerMw, int racks, LocalDate declaredOn) {}
