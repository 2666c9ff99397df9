package com.example.service.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which order each caller's idempotency key created, and a fingerprint of the request that created it. */
@Repository
class IdempotencyKeys {

    /** {@code requestHash} is null once the order's personal data, and with it the fingerprint, was removed. */
    record Entry(@Nullable String requestHash, UUID orderId) {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String caller, String key) {
        return jdbc.sql(
                        "select request_hash, order_id from order_idempotency_keys where caller = ? and idempotency_key = ?")
                .params(caller, key)
                .query((rs, row) -> new Entry(rs.getString("request_hash"), rs.getObject("order_id", UUID.class)))
                .optional();
    }

    /**
     * Claims the key for the order; answers {@code false} when another request claimed it first. A claim in flight in
     * another transaction is waited for: if it commits, this one answers {@code false}.
     */
    boolean claim(String caller, String key, String requestHash, UUID orderId, Instant now) {
        return jdbc.sql("""
                        insert into order_idempotency_keys (caller, idempotency_key, request_hash, order_id, created_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (caller, idempotency_key) do nothing
                        """)
                        .params(caller, key, requestHash, orderId, Timestamp.from(now))
                        .update()
                == 1;
    }
}
