package com.example.service.orders;

import com.example.service.platform.privacy.PersonalData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An order a customer placed: the aggregate the orders module owns. Times are kept to the microsecond, as stored. */
@Table("orders")
public class Order extends AbstractAggregateRoot<Order> {

    @Id
    private final UUID id;

    private final String customerId;

    @PersonalData
    private final @Nullable String email;

    @PersonalData
    @Embedded.Nullable(prefix = "shipping_")
    private final @Nullable ShippingAddress shippingAddress;

    @MappedCollection(idColumn = "order_id", keyColumn = "position")
    private final List<OrderLine> lines;

    private OrderStatus status;
    private final Instant placedAt;
    private @Nullable Instant cancelledAt;
    private @Nullable String paymentId;
    private @Nullable Instant paidAt;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Order(
            UUID id,
            String customerId,
            @Nullable String email,
            @Nullable ShippingAddress shippingAddress,
            List<OrderLine> lines,
            OrderStatus status,
            Instant placedAt,
            @Nullable Instant cancelledAt,
            @Nullable String paymentId,
            @Nullable Instant paidAt,
            @Nullable Long version) {
        this.id = id;
        this.customerId = customerId;
        this.email = email;
        this.shippingAddress = shippingAddress;
        this.lines = List.copyOf(lines);
        this.status = status;
        this.placedAt = placedAt;
        this.cancelledAt = cancelledAt;
        this.paymentId = paymentId;
        this.paidAt = paidAt;
        this.version = version;
    }

    static Order place(NewOrder order, Instant now) {
        Order placed = new Order(
                UUID.randomUUID(),
                order.customerId(),
                order.email(),
                order.shippingAddress(),
                order.lines(),
                OrderStatus.PLACED,
                now.truncatedTo(ChronoUnit.MICROS),
                null,
                null,
                null,
                null);
        placed.registerEvent(new OrderPlaced(
                UUID.randomUUID(),
                placed.id,
                placed.customerId,
                placed.lines.stream()
                        .map(line -> new OrderPlaced.Line(line.sku(), line.quantity()))
                        .toList(),
                placed.placedAt));
        return placed;
    }

    /** Cancels the order at the customer's request; only a placed order can be cancelled. */
    void cancel(Instant now) {
        cancel(now, OrderCancelled.Reason.CUSTOMER_REQUEST);
    }

    /** Cancels an order that stayed unpaid too long; only a placed order can expire. */
    void expire(Instant now) {
        cancel(now, OrderCancelled.Reason.EXPIRED);
    }

    private void cancel(Instant now, OrderCancelled.Reason reason) {
        if (status != OrderStatus.PLACED) {
            throw new OrderNotCancellable(id, status);
        }
        status = OrderStatus.CANCELLED;
        cancelledAt = now.truncatedTo(ChronoUnit.MICROS);
        registerEvent(new OrderCancelled(UUID.randomUUID(), id, reason, cancelledAt));
    }

    /**
     * Records the captured payment: a placed order becomes PAID. Answers {@code false}, changing nothing, when the order
     * is paid already; a cancelled order cannot be paid.
     */
    boolean pay(Payment payment) {
        if (status == OrderStatus.PAID) {
            return false;
        }
        if (status != OrderStatus.PLACED) {
            throw new OrderNotPayable(id, status);
        }
        status = OrderStatus.PAID;
        paymentId = payment.paymentId();
        paidAt = payment.capturedAt().truncatedTo(ChronoUnit.MICROS);
        registerEvent(new OrderPaid(
                UUID.randomUUID(), id, payment.paymentId(), payment.amount(), payment.currency(), paidAt));
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getCustomerId() {
        return customerId;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public @Nullable ShippingAddress getShippingAddress() {
        return shippingAddress;
    }

    public List<OrderLine> getLines() {
        return lines;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public @Nullable Instant getCancelledAt() {
        return cancelledAt;
    }

    public @Nullable String getPaymentId() {
        return paymentId;
    }

    public @Nullable Instant getPaidAt() {
        return paidAt;
    }

    @Override
    public String toString() {
        return "Order[id=" + id + ", status=" + status + ", personal data redacted]";
    }
}
