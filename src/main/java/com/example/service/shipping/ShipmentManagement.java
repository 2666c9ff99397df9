package com.example.service.shipping;

import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderPaid;
import com.example.service.orders.ShippingAddress;
import com.example.service.platform.jobs.JobRun;
import com.example.service.shipping.carrier.BookingRequest;
import com.example.service.shipping.carrier.CarrierClient;
import com.example.service.shipping.carrier.CarrierRejected;
import com.example.service.shipping.carrier.CarrierUnavailable;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What the rest of the service can do with shipments: find one, and book pending ones with the carrier. A paid order
 * gets a shipment, booked at once if the carrier answers; otherwise it waits as {@link ShipmentStatus#PENDING_BOOKING}
 * and the retry job books it later. Nothing is lost while the carrier is down.
 */
@Service
public class ShipmentManagement {

    private static final Logger log = LoggerFactory.getLogger(ShipmentManagement.class);

    private final Shipments shipments;
    private final OrderManagement orders;
    private final CarrierClient carrier;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final ShippingSettings settings;
    private final Clock clock;
    private final MeterRegistry registry;

    ShipmentManagement(
            Shipments shipments,
            OrderManagement orders,
            CarrierClient carrier,
            ApplicationEventPublisher events,
            TransactionOperations transactions,
            ShippingSettings settings,
            Clock clock,
            MeterRegistry registry) {
        this.shipments = shipments;
        this.orders = orders;
        this.carrier = carrier;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Records a shipment for the paid order, once (the registry redelivers an event whose listener failed), then tries
     * to book it. Runs without a transaction of its own, so that no connection is held while the carrier answers.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(OrderPaid paid) {
        if (shipments.request(paid.orderId(), clock.instant())) {
            count("shipments.requested", "Shipments recorded for paid orders");
            log.info("Requested shipment of paid order {}", paid.orderId());
        }
        book(paid.orderId());
    }

    public Optional<Shipment> find(UUID orderId) {
        return shipments.find(orderId);
    }

    /**
     * Books a pending shipment with the carrier and publishes {@link ShipmentBooked}. Answers the shipment's status
     * afterwards: still {@link ShipmentStatus#PENDING_BOOKING} when the carrier is unavailable (nothing is lost; try
     * again later).
     */
    public ShipmentStatus book(UUID orderId) {
        Shipment shipment = shipments.find(orderId).orElseThrow(() -> new ShipmentNotFound(orderId));
        if (shipment.status() != ShipmentStatus.PENDING_BOOKING) {
            return shipment.status();
        }
        Optional<ShippingAddress> address = orders.find(orderId).map(order -> order.getShippingAddress());
        if (address.isEmpty()) {
            shipments.rejected(orderId, "The order has no shipping address", clock.instant());
            count("shipments.rejected", "Shipments the carrier refused or that cannot be booked");
            log.error("Cannot book shipment of order {}: the order has no shipping address", orderId);
            return ShipmentStatus.REJECTED;
        }
        try {
            var booking = carrier.book(new BookingRequest(orderId.toString(), recipient(address.get())));
            boolean first = Boolean.TRUE.equals(transactions.execute(status -> {
                var now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored
                if (!shipments.booked(orderId, booking.id(), booking.trackingNumber(), now)) {
                    return false; // another booker got there first, with the same idempotency key
                }
                events.publishEvent(
                        new ShipmentBooked(UUID.randomUUID(), orderId, booking.id(), booking.trackingNumber(), now));
                return true;
            }));
            if (first) {
                count("shipments.booked", "Shipments booked with the carrier");
                log.info("Booked shipment of order {} with the carrier as {}", orderId, booking.id());
            }
            return ShipmentStatus.BOOKED;
        } catch (CarrierRejected rejected) {
            shipments.rejected(orderId, rejected.getMessage(), clock.instant());
            count("shipments.rejected", "Shipments the carrier refused or that cannot be booked");
            log.error("The carrier refused the shipment of order {}: {}", orderId, rejected.getMessage());
            return ShipmentStatus.REJECTED;
        } catch (CarrierUnavailable | CallNotPermittedException | BulkheadFullException unavailable) {
            shipments.attemptFailed(orderId, clock.instant());
            log.warn(
                    "Shipment of order {} stays pending, the carrier is unavailable: {}",
                    orderId,
                    unavailable.getMessage());
            return ShipmentStatus.PENDING_BOOKING;
        }
    }

    /**
     * Tries again to book shipments still pending whose last attempt is older than
     * {@code shipping.jobs.booking-retry.after}, oldest first, up to a batch. Those the carrier still cannot take stay
     * pending and count as failed.
     */
    public JobRun retryPendingBookings() {
        var retry = settings.jobs().bookingRetry();
        JobRun run = JobRun.NOTHING;
        for (UUID orderId : shipments.pendingSince(clock.instant().minus(retry.after()), retry.batchSize())) {
            ShipmentStatus status = book(orderId);
            run = run.plus(status == ShipmentStatus.PENDING_BOOKING ? new JobRun(0, 1) : new JobRun(1, 0));
        }
        return run;
    }

    private void count(String name, String description) {
        Counter.builder(name).description(description).register(registry).increment();
    }

    private static BookingRequest.Recipient recipient(ShippingAddress address) {
        return new BookingRequest.Recipient(
                address.name(), address.line1(), address.city(), address.postalCode(), address.country());
    }
}
