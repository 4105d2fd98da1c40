package dev.locus.compliance.redflags;

import dev.locus.compliance.record.Allocation;
import dev.locus.compliance.record.Order;
import dev.locus.compliance.record.RecordKind;
import dev.locus.compliance.record.RecordService;
import dev.locus.compliance.record.Shipment;
import dev.locus.compliance.record.SiteCapacity;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A way the rules look commercial rows up: the rows of one kind whose {@code column} holds a
 * value, in the order they were recorded. {@code key} reads that column from a row (empty where
 * the row leaves it blank).
 */
public record Lookup<T>(RecordKind<T> kind, String column, Function<T, Optional<String>> key) {
    public static final Lookup<Order> ORDERS_BY_BUYER =
            new Lookup<>(RecordService.ORDERS, "buyer_id", o -> Optional.of(o.buyerId()));
    public static final Lookup<Order> ORDERS_BY_SELLER =
            new Lookup<>(RecordService.ORDERS, "seller_id", o -> Optional.of(o.sellerId()));
    /** Orders by declared destination site. */
    public static final Lookup<Order> ORDERS_FOR_SITE =
            new Lookup<>(RecordService.ORDERS, "destination_site_id", Order::destinationSiteId);

    public static final Lookup<Shipment> SHIPMENTS_OF_ORDER =
            new Lookup<>(RecordService.SHIPMENTS, "order_id", s -> Optional.of(s.orderId()));
    public static final Lookup<Allocation> ALLOCATIONS_OF_TENANT =
            new Lookup<>(RecordService.ALLOCATIONS, "tenant_id", a -> Optional.of(a.tenantId()));
    /** Declared capacities of the sites in a country. */
    public static final Lookup<SiteCapacity> CAPACITIES_IN_COUNTRY =
            new Lookup<>(RecordService.SITE_CAPACITY, "country", c -> Optional.of(c.country()));
    /** Declared capacities of the sites a party operates. */
    public static final Lookup<SiteCapacity> CAPACITIES_OF_OPERATOR =
            new Lookup<>(RecordService.SITE_CAPACITY, "operator_id", c -> Optional.of(c.operatorId()));

    /** Every lookup, for views that index rows as they are added. */
    public static final List<Lookup<?>> ALL = List.of(
            ORDERS_BY_BUYER,
            ORDERS_BY_SELLER,
            ORDERS_FOR_SITE,
            SHIPMENTS_OF_ORDER,
            ALLOCATIONS_OF_TENANT,
            CAPACITIES_IN_COUNTRY,
            CAPACITIES_OF_OPERATOR);
}
