package dev.locus.compliance.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An order or invoice for controlled chips.
 *
 * @param billingCountry ISO 3166-1 alpha-2 country the invoice is billed to
 * @param destinationSiteId the data centre the buyer declared the chips are for, when declared
 * @param valueUsd invoiced value in US dollars
 */
public record Order(
        String id,
        String sellerId,
        String buyerId,
        String billingPartyId,
        String billingCountry,
        String model,
        int quantity,
        BigDecimal valueUsd,
        LocalDate orderedOn,
        Optional<String> destinationSiteId) {}
