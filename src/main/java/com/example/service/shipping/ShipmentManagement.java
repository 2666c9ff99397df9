package com.example.service.shipping;

import com.example.service.orders.OrderPaid;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/** What the rest of the service can do with shipments: find the request recorded for an order. */
@Service
public class ShipmentManagement {

    private static final Logger log = LoggerFactory.getLogger(ShipmentManagement.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Counter requested;

    ShipmentManagement(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.requested = Counter.builder("shipments.requested")
                .description("Shipment requests recorded for paid orders")
                .register(registry);
    }

    /**
     * Records a shipment request for the paid order, once: the registry redelivers an event whose listener failed,
     * and a redelivery finds the request already there.
     */
    @ApplicationModuleListener
    void on(OrderPaid paid) {
        int inserted = jdbc.sql("""
                        insert into shipment_requests (order_id, status, requested_at)
                        values (:orderId, :status, :now)
                        on conflict (order_id) do nothing
                        """)
                .param("orderId", paid.orderId())
                .param("status", ShipmentStatus.REQUESTED.name())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            requested.increment();
            log.info("Requested shipment of paid order {}", paid.orderId());
        }
    }

    public Optional<ShipmentRequest> find(UUID orderId) {
        return jdbc.sql("select order_id, status, requested_at from shipment_requests where order_id = :orderId")
                .param("orderId", orderId)
                .query((rs, row) -> new ShipmentRequest(
                        rs.getObject("order_id", UUID.class),
                        ShipmentStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("requested_at").toInstant()))
                .optional();
    }
}
