package dev.locus.compliance.redflags;

import dev.locus.compliance.record.AddressKind;
import dev.locus.compliance.record.Shipment;
import java.util.List;
import java.util.Optional;

/** A shipment of the buyer's order goes to a freight forwarder or a residential address. */
public final class ShipToForwarderRule extends BaseRule {
    public ShipToForwarderRule() {
        super("SHIP_TO_FORWARDER_OR_RESIDENCE", Source.BIS_SUPP3_PART732, Subject.Type.PARTY);
    }

    @Override
    public List<Finding> evaluate(Subject buyer, RecordView record, RedFlagPolicy policy) {
        return record.shipmentsOfBuyer(buyer.id()).stream()
                .flatMap(s -> unusualDestination(s, record).map(what -> finding(buyer, s, what)).stream())
                .toList();
    }

    /** "a freight forwarder" or "a residential address" where the shipment goes to one. */
    private static Optional<String> unusualDestination(Shipment s, RecordView record) {
        boolean forwarder = s.addressKind() == AddressKind.FORWARDER
                || s.forwarderId()
                        .flatMap(record::party)
                        .map(p -> p.roles().contains(PartyRole.FREIGHT_FORWARDER))
                        .orElse(false);
        if (forwarder) {
            return Optional.of("a freight forwarder");
        }
        return s.addressKind() == AddressKind.RESIDENTIAL ? Optional.of("a residential address") : Optional.empty();
    }

    private Finding finding(Subject buyer, Shipment s, String what) {
        return finding(
                buyer,
                s.id(),
                Severity.WARNING,
                "Shipment " + s.id() + " of order " + s.orderId() + " (" + s.chipCount() + " chips) ships to " + what
                        + " in " + s.shipToCountry(),
                Evidence.of("order", s.orderId())
                        .and("shipment", s.id())
                        .and("ship_to", s.shipToAddress())
                        .and("ship_to_country", s.shipToCountry())
                        .and("address_kind", s.addressKind().name())
                        .and("forwarder", s.forwarderId().orElse(""))
                        .and("chips", s.chipCount()));
    }
}
