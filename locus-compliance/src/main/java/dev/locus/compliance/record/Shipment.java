package dev.locus.compliance.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A shipment of chips against an order.
 *
 * @param shipToCountry ISO 3166-1 alpha-2
 * @param forwarderId the freight forwarder party, when one handles the shipment
 * @param chipCount chips in the shipment; at least {@code serials.size()}
 * @param serials the chip serials shipped, when known
 */
public record Shipment(
        String id,
        String orderId,
        String consigneeId,
        String shipToAddress,
        String shipToCountry,
        AddressKind addressKind,
        Optional<String> forwarderId,
        String declaredContents,
        int chipCount,
        List<String> serials,
        LocalDate shippedOn) {
    public Shipment {
        serials = List.copyOf(serials);
    }
}
