package dev.locus.compliance.redflags;

import dev.locus.compliance.record.AddressKind;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.Shipment;
import java.util.ArrayList;
import java.util.List;

/** A shipment of the buyer's order goes to a freight forwarder or a residential address. */
public final class ShipToForwarderRule extends BaseRule {
    public static final String ID = "SHIP_TO_FORWARDER_OR_RESIDENCE";

    public ShipToForwarderRule() {
        super(ID, Source.BIS_SUPP3_PART732, Subject.Type.PARTY);
    }

    @Override
    public List<Finding> evaluate(Subject buyer, RecordView record, RedFlagPolicy policy) {
        List<Finding> out = new ArrayList<>();
        for (Order o : record.find(Lookup.ORDERS_BY_BUYER, buyer.id())) {
            for (Shipment s : record.find(Lookup.SHIPMENTS_OF_ORDER, o.id())) {
                boolean forwarder = s.addressKind() == AddressKind.FORWARDER
                        || s.forwarderId()
                                .flatMap(record::party)
                                .map(p -> p.roles().contains(PartyRole.FREIGHT_FORWARDER))
                                .orElse(false);
                if (!forwarder && s.addressKind() != AddressKind.RESIDENTIAL) {
                    continue;
                }
                String what = forwarder ? "a freight forwarder" : "a residential address";
                out.add(finding(
                        buyer,
                        s.id(),
                        Severity.WARNING,
                        "Shipment " + s.id() + " of order " + o.id() + " (" + s.chipCount() + " chips) ships to " + what
                                + " in " + s.shipToCountry(),
                        Evidence.of("order", o.id())
                                .and("shipment", s.id())
                                .and("ship_to", s.shipToAddress())
                                .and("ship_to_country", s.shipToCountry())
                                .and("address_kind", s.addressKind().name())
                                .and("forwarder", s.forwarderId().orElse(""))
                                .and("chips", s.chipCount())));
            }
        }
        return out;
    }
}
