-- Creates that a client may retry carry an idempotency key. The key, who sent it and a digest of the input are kept
-- with the id of what was created, in the transaction that created it: a retry finds them and gets that result.
CREATE TABLE idempotency_key (
    caller     varchar(200) NOT NULL,
    operation  varchar(50)  NOT NULL,
    key        varchar(100) NOT NULL,
    input_hash char(64)     NOT NULL,
    result_id  bigint       NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, operation, key)
);
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
