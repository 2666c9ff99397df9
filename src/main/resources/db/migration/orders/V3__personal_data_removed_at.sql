-- Data retention: when the personal data of a closed order was removed (email and address, not the country).
alter table orders add column personal_data_removed_at timestamptz;

create index orders_closed_with_personal_data on orders (status, coalesce(paid_at, cancelled_at))
    where personal_data_removed_at is null;
