package com.example.service.orders;

import com.example.service.platform.jobs.JobRun;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What the rest of the service can do with orders: place, find, search, cancel and pay them; and the work of its jobs,
 * expiring unpaid orders and removing the personal data of closed ones.
 */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("placedAt"), Sort.Order.desc("id"));

    private final OrderRepository orders;
    private final JdbcAggregateOperations aggregates;
    private final IdempotencyKeys idempotencyKeys;
    private final TransactionOperations transactions;
    private final OrderMetrics metrics;
    private final JdbcClient jdbc;
    private final OrdersSettings settings;
    private final Clock clock;

    OrderManagement(
            OrderRepository orders,
            JdbcAggregateOperations aggregates,
            IdempotencyKeys idempotencyKeys,
            TransactionOperations transactions,
            OrderMetrics metrics,
            JdbcClient jdbc,
            OrdersSettings settings,
            Clock clock) {
        this.orders = orders;
        this.aggregates = aggregates;
        this.idempotencyKeys = idempotencyKeys;
        this.transactions = transactions;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Places an order. With an idempotency key, a repeat of the same request returns the order the first one created
     * and creates nothing; the same key with a different request is refused with {@link IdempotencyKeyReused}.
     *
     * <p>The key is claimed in the transaction that inserts the order, with no read before: a new key (the usual case)
     * costs one insert. A key already claimed, or being claimed by a concurrent request, rolls this transaction back and
     * the request is answered as the repeat of the one that claimed it.
     */
    public Placement place(NewOrder request, @Nullable IdempotencyKey key) {
        Placement placement;
        if (key == null) {
            placement = Objects.requireNonNull(transactions.execute(status -> new Placement(insert(request), true)));
        } else {
            String fingerprint = request.fingerprint();
            Placement placed = transactions.execute(status -> {
                Order order = insert(request);
                if (idempotencyKeys.claim(key.caller(), key.value(), fingerprint, order.getId(), clock.instant())) {
                    return new Placement(order, true);
                }
                status.setRollbackOnly();
                return null;
            });
            placement = placed != null
                    ? placed
                    : Objects.requireNonNull(transactions.execute(status -> repeat(
                            idempotencyKeys
                                    .find(key.caller(), key.value())
                                    .orElseThrow(() -> new IllegalStateException(
                                            "Idempotency key " + key.value() + " was claimed but is gone")),
                            fingerprint)));
        }
        if (placement.created()) {
            metrics.placed();
            // DEBUG: one line per order is what the orders.placed meter and the OrderPlaced event already record.
            log.debug(
                    "Placed order {} for customer {} with {} line(s)",
                    placement.order().getId(),
                    placement.order().getCustomerId(),
                    placement.order().getLines().size());
        }
        return placement;
    }

    public Optional<Order> find(UUID id) {
        return orders.findById(id);
    }

    /** A page of orders, newest first, optionally only one customer's and only in one status. */
    public Page<Order> search(@Nullable String customerId, @Nullable OrderStatus status, int page, int size) {
        Criteria criteria = Criteria.empty();
        if (customerId != null) {
            criteria = criteria.and("customerId").is(customerId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        Query query = Query.query(criteria);
        Pageable pageable = PageRequest.of(page, size, NEWEST_FIRST);
        List<Order> content = aggregates.findAll(query.with(pageable), Order.class);
        return PageableExecutionUtils.getPage(content, pageable, () -> aggregates.count(query, Order.class));
    }

    /** Cancels a placed order; fails with {@link OrderNotFound} or {@link OrderNotCancellable}. */
    public Order cancel(UUID id) {
        Order cancelled = Objects.requireNonNull(transactions.execute(status -> {
            Order order = orders.findById(id).orElseThrow(() -> new OrderNotFound(id));
            order.cancel(clock.instant());
            return orders.save(order);
        }));
        metrics.cancelled();
        log.info("Cancelled order {}", id);
        return cancelled;
    }

    /**
     * Records a captured payment: a placed order becomes PAID and publishes {@link OrderPaid}, in this transaction if
     * there is one. Answers {@code false} when the order was paid already. Fails with {@link OrderNotFound} or
     * {@link OrderNotPayable}.
     */
    public boolean pay(UUID id, Payment payment) {
        boolean paid = Boolean.TRUE.equals(transactions.execute(status -> {
            Order order = orders.findById(id).orElseThrow(() -> new OrderNotFound(id));
            if (!order.pay(payment)) {
                return false;
            }
            orders.save(order);
            return true;
        }));
        if (paid) {
            metrics.paid();
            log.info("Order {} paid by payment {}", id, payment.paymentId());
        } else {
            log.info("Order {} was paid already; payment {} changes nothing", id, payment.paymentId());
        }
        return paid;
    }

    /**
     * Cancels, as {@link OrderCancelled.Reason#EXPIRED}, placed orders left unpaid longer than
     * {@code orders.jobs.expiry.unpaid-for}, oldest first, up to a batch. An order paid meanwhile is left alone.
     */
    public JobRun expireUnpaid() {
        var expiry = settings.jobs().expiry();
        List<UUID> due = jdbc.sql("""
                        select id from orders where status = 'PLACED' and placed_at < :before
                        order by placed_at limit :limit
                        """)
                .param("before", Timestamp.from(clock.instant().minus(expiry.unpaidFor())))
                .param("limit", expiry.batchSize())
                .query(UUID.class)
                .list();
        int expired = 0;
        int failed = 0;
        for (UUID id : due) {
            try {
                boolean done = Boolean.TRUE.equals(transactions.execute(status -> {
                    Order order = orders.findById(id).orElseThrow(() -> new OrderNotFound(id));
                    if (order.getStatus() != OrderStatus.PLACED) {
                        return false;
                    }
                    order.expire(clock.instant());
                    orders.save(order);
                    return true;
                }));
                if (done) {
                    expired++;
                    metrics.cancelled();
                    log.info("Expired unpaid order {}", id);
                }
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                failed++;
                log.info("Order {} changed while it was being expired; the next run looks again", id);
            }
        }
        return new JobRun(expired, failed);
    }

    /**
     * Removes the email and the address (not the country) of orders closed (paid or cancelled) longer than
     * {@code orders.jobs.retention.keep-personal-data-for}, a batch at a time. Rows another instance is working on are
     * skipped, not waited for.
     */
    public JobRun removeExpiredPersonalData() {
        var retention = settings.jobs().retention();
        Instant now = clock.instant();
        // The fingerprint of the request that placed the order (its idempotency key's) is a digest of the same data.
        int removed = jdbc.sql("""
                        with removed as (
                            update orders
                            set email = null, shipping_name = null, shipping_line1 = null, shipping_city = null,
                                shipping_postal_code = null, personal_data_removed_at = :now, version = version + 1
                            where id in (
                                select id from orders
                                where personal_data_removed_at is null and status in ('PAID', 'CANCELLED')
                                  and coalesce(paid_at, cancelled_at) < :cutoff
                                order by coalesce(paid_at, cancelled_at)
                                limit :limit
                                for update skip locked)
                            returning id),
                        fingerprints as (
                            update order_idempotency_keys set request_hash = null
                            where order_id in (select id from removed))
                        select count(*) from removed
                        """)
                .param("now", Timestamp.from(now))
                .param("cutoff", Timestamp.from(now.minus(retention.keepPersonalDataFor())))
                .param("limit", retention.batchSize())
                .query(Integer.class)
                .single();
        return new JobRun(removed, 0);
    }

    private Order insert(NewOrder request) {
        return orders.save(Order.place(request, clock.instant()));
    }

    private Placement repeat(IdempotencyKeys.Entry previous, String fingerprint) {
        // No fingerprint left (removed with the order's personal data): nothing to compare the repeat with.
        if (!fingerprint.equals(previous.requestHash())) {
            throw new IdempotencyKeyReused();
        }
        Order order = orders.findById(previous.orderId()).orElseThrow(() -> new OrderNotFound(previous.orderId()));
        return new Placement(order, false);
    }
}
