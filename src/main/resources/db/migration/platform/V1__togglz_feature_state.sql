-- Feature flag state for Togglz's JDBCStateRepository, shared by every instance.
create table togglz (
    feature_name    varchar(100) primary key,
    feature_enabled integer,
    strategy_id     varchar(200),
    strategy_params varchar(2000)
);
