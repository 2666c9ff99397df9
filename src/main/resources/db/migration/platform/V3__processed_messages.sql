-- The inbox: which consumer has already processed which message (by CloudEvents id). Written in the same
-- transaction as the state change the message causes, so a redelivered message changes nothing.
create table processed_messages (
    consumer     varchar(200) not null,
    message_id   varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (consumer, message_id)
);

create index processed_messages_processed_at on processed_messages (processed_at);
