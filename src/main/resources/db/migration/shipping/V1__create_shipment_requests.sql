-- One shipment request per paid order, recorded when orders publishes OrderPaid.
create table shipment_requests (
    order_id     uuid primary key,
    status       varchar(30) not null,
    requested_at timestamptz not null
);

create index shipment_requests_status_requested_at on shipment_requests (status, requested_at);
