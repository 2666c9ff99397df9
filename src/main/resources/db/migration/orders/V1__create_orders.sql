create table orders (
    id                   uuid primary key,
    customer_id          varchar(100) not null,
    -- personal data: cleared by retention, so nullable
    email                varchar(320),
    shipping_name        varchar(200),
    shipping_line1       varchar(200),
    shipping_city        varchar(100),
    shipping_postal_code varchar(20),
    shipping_country     char(2),
    status               varchar(20)  not null,
    placed_at            timestamptz  not null,
    cancelled_at         timestamptz,
    version              bigint       not null
);

create index orders_customer_placed_at on orders (customer_id, placed_at desc);
create index orders_status_placed_at on orders (status, placed_at desc);
create index orders_placed_at on orders (placed_at desc);

create table order_lines (
    order_id uuid        not null references orders (id) on delete cascade,
    position integer     not null,
    sku      varchar(64) not null,
    quantity integer     not null check (quantity between 1 and 1000),
    primary key (order_id, position)
);

-- Which order each caller's Idempotency-Key created, with a digest of the request that created it.
create table order_idempotency_keys (
    caller          varchar(200) not null,
    idempotency_key varchar(255) not null,
    request_hash    char(64)     not null,
    order_id        uuid         not null references orders (id),
    created_at      timestamptz  not null,
    primary key (caller, idempotency_key)
);
