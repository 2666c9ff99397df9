-- The fingerprint of the request that claimed an idempotency key is a digest of the order's personal data: it is
-- removed together with that data at retention (OrderManagement.removeExpiredPersonalData). The key stays claimed, so
-- a late repeat creates nothing; it is answered as a reused key, since there is no request left to compare it with.
alter table order_idempotency_keys alter column request_hash drop not null;
