-- The JDBC job store's schema (io.github.camelpixazo.store.JdbcJobStore), for PostgreSQL and H2.
-- JdbcJobStore runs these statements at start unless createSchema=false; a DBA may run them instead,
-- with ${jobs} and ${spend} replaced by the table names (defaults pixazo_jobs and pixazo_spend).
-- Times are epoch milliseconds (BIGINT, UTC); amounts are NUMERIC(30,10).

CREATE TABLE IF NOT EXISTS ${jobs} (
    request_id          VARCHAR(200)   NOT NULL PRIMARY KEY,  -- the gateway's request id
    gateway             VARCHAR(40)    NOT NULL,              -- pixazo, pixapi, evolink
    base_url            VARCHAR(500),                         -- the origin submitted to (never a key)
    model               VARCHAR(100)   NOT NULL,              -- gpt-image-2, ...
    operation           VARCHAR(40)    NOT NULL,              -- generate, edit
    image_count         INTEGER,                              -- requested n, NULL = gateway default
    image_format        VARCHAR(40),                          -- requested output format
    submitted_at        BIGINT         NOT NULL,
    carried_headers     TEXT           NOT NULL,              -- JSON object: header name -> string/number/boolean/null
    webhook_token_hash  VARCHAR(64),                          -- SHA-256 hex of the job's webhook token
    estimated_cost      NUMERIC(30,10),
    cost_currency       VARCHAR(20),
    next_poll_at        BIGINT         NOT NULL,              -- due time of the next status poll
    poll_interval_ms    BIGINT         NOT NULL,              -- the job's own backoff
    polls               INTEGER        NOT NULL,
    last_status         VARCHAR(40)    NOT NULL,              -- QUEUED, PROCESSING, COMPLETED, FAILED, ERROR, ...
    last_error          TEXT,
    lease_owner         VARCHAR(200),                         -- the instance working on the job, NULL = free
    lease_until         BIGINT,                               -- lease expiry
    problem             VARCHAR(1000)                         -- set when the row is unreadable: skipped until cleared
);

CREATE INDEX IF NOT EXISTS ${jobs}_due ON ${jobs} (next_poll_at);

CREATE UNIQUE INDEX IF NOT EXISTS ${jobs}_token ON ${jobs} (webhook_token_hash);

CREATE TABLE IF NOT EXISTS ${spend} (
    spent_at            BIGINT         NOT NULL,
    amount              NUMERIC(30,10) NOT NULL,
    currency            VARCHAR(20)    NOT NULL,
    scope               VARCHAR(200)   NOT NULL
);

CREATE INDEX IF NOT EXISTS ${spend}_scope ON ${spend} (scope, currency, spent_at);
