package com.example.service.shipping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code shipments} table. Every change of status is guarded by the status it leaves, so racing bookers agree. */
@Component
class Shipments {

    private static final String COLUMNS =
            "order_id, status, requested_at, booking_attempts, last_attempt_at, carrier_shipment_id, tracking_number,"
                    + " booked_at, rejection";

    private final JdbcClient jdbc;

    Shipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a pending shipment for the order; {@code false} if there is one already. */
    boolean request(UUID orderId, Instant now) {
        return jdbc.sql("""
                        insert into shipments (order_id, status, requested_at, booking_attempts)
                        values (:orderId, 'PENDING_BOOKING', :now, 0)
                        on conflict (order_id) do nothing
                        """)
                        .param("orderId", orderId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    Optional<Shipment> find(UUID orderId) {
        return jdbc.sql("select " + COLUMNS + " from shipments where order_id = :orderId")
                .param("orderId", orderId)
                .query(Shipments::map)
                .optional();
    }

    /** Pending shipments whose last attempt is older than {@code before}, oldest first. */
    List<UUID> pendingSince(Instant before, int limit) {
        return jdbc.sql("""
                        select order_id from shipments
                        where status = 'PENDING_BOOKING' and coalesce(last_attempt_at, requested_at) < :before
                        order by requested_at limit :limit
                        """)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    boolean booked(UUID orderId, String carrierShipmentId, String trackingNumber, Instant now) {
        return jdbc.sql("""
                        update shipments set status = 'BOOKED', carrier_shipment_id = :id, tracking_number = :tracking,
                               booked_at = :now, booking_attempts = booking_attempts + 1, last_attempt_at = :now
                        where order_id = :orderId and status = 'PENDING_BOOKING'
                        """)
                        .param("orderId", orderId)
                        .param("id", carrierShipmentId)
                        .param("tracking", trackingNumber)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void attemptFailed(UUID orderId, Instant now) {
        jdbc.sql("""
                        update shipments set booking_attempts = booking_attempts + 1, last_attempt_at = :now
                        where order_id = :orderId and status = 'PENDING_BOOKING'
                        """)
                .param("orderId", orderId)
                .param("now", Timestamp.from(now))
                .update();
    }

    void rejected(UUID orderId, String reason, Instant now) {
        jdbc.sql("""
                        update shipments set status = 'REJECTED', rejection = :reason,
                               booking_attempts = booking_attempts + 1, last_attempt_at = :now
                        where order_id = :orderId and status = 'PENDING_BOOKING'
                        """)
                .param("orderId", orderId)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Shipment map(ResultSet rs, int row) throws SQLException {
        return new Shipment(
                rs.getObject("order_id", UUID.class),
                ShipmentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getInt("booking_attempts"),
                instant(rs.getTimestamp("last_attempt_at")),
                rs.getString("carrier_shipment_id"),
                rs.getString("tracking_number"),
                instant(rs.getTimestamp("booked_at")),
                rs.getString("rejection"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
