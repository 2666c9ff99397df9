-- Orders become PAID when the payments team's payment-captured event arrives.
alter table orders
    add column payment_id varchar(100),
    add column paid_at    timestamptz;
