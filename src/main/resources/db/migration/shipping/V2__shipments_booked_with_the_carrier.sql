-- A shipment request becomes a shipment booked with the carrier: PENDING_BOOKING until the carrier answers with a
-- tracking number (BOOKED), or refuses it (REJECTED).
alter table shipment_requests rename to shipments;
alter index shipment_requests_status_requested_at rename to shipments_status_requested_at;
update shipments set status = 'PENDING_BOOKING' where status = 'REQUESTED';
alter table shipments
    add column booking_attempts    integer not null default 0,
    add column last_attempt_at     timestamptz,
    add column carrier_shipment_id varchar(100),
    add column tracking_number     varchar(100),
    add column booked_at           timestamptz,
    add column rejection           varchar(500);
