-- What the steps hand to each other. Every table is keyed by the run (the job instance id), so a
-- step that reruns from scratch replaces its own rows and never duplicates them; the values of
-- every past run stay queryable. CACHED tables keep large stagings off the heap.

CREATE CACHED TABLE IF NOT EXISTS input_file (
    run_id        BIGINT        NOT NULL,
    file          VARCHAR(300)  NOT NULL,
    present       BOOLEAN       NOT NULL,
    sha256        VARCHAR(64),
    dialect       VARCHAR(100),
    rows_read     BIGINT        DEFAULT 0 NOT NULL,
    rows_rejected BIGINT        DEFAULT 0 NOT NULL,
    rows_outside  BIGINT        DEFAULT 0 NOT NULL,
    PRIMARY KEY (run_id, file)
);
-- The format's parts, so the workbook says it in its language; dialect keeps the English words.
-- (Runs made before these columns existed have them empty.)
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS charset VARCHAR(40);
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS bom BOOLEAN;
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS separator CHAR(1);
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS decimal_comma BOOLEAN;
-- The file as the run hashed it (csv/FileStamp): the imports check they read that same file.
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS size_bytes BIGINT;
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS modified_ns BIGINT;
ALTER TABLE input_file ADD COLUMN IF NOT EXISTS file_key VARCHAR(300);

CREATE CACHED TABLE IF NOT EXISTS place (
    run_id   BIGINT        NOT NULL,
    code     VARCHAR(40)   NOT NULL,
    name_fr  VARCHAR(200),
    name_en  VARCHAR(200),
    level    VARCHAR(40)   NOT NULL,
    parent   VARCHAR(40),
    line     BIGINT        NOT NULL,
    PRIMARY KEY (run_id, code)
);

-- What the import steps sum rows into: one row per output cell (period, place, breakdown, and
-- whether the rows were the place's own, "direct", or finer places', "rollup"), holding the sums
-- of every measure of the dataset and how many rows left each empty, in the order of `measures`.
-- One row for all measures, not one per measure: five times fewer statements per chunk.
CREATE CACHED TABLE IF NOT EXISTS staged_cell (
    run_id   BIGINT        NOT NULL,
    dataset  VARCHAR(60)   NOT NULL,
    period   VARCHAR(10)   NOT NULL,
    geo      VARCHAR(40)   NOT NULL,
    origin   VARCHAR(10)   NOT NULL,
    dims     VARCHAR(400)  NOT NULL,
    measures VARCHAR(60) ARRAY[100] NOT NULL,
    totals   DOUBLE ARRAY[100] NOT NULL,
    missing  BIGINT ARRAY[100] NOT NULL,
    source   VARCHAR(4000),
    PRIMARY KEY (run_id, dataset, period, geo, origin, dims)
);

-- Which places a "rollup" cell's rows came from, as a sum of their fingerprints (GeoReference.coverOf):
-- a region is summed from finer places only when they cover it whole, once. (Cells staged before
-- this column existed have it empty, and are summed as then.)
ALTER TABLE staged_cell ADD COLUMN IF NOT EXISTS cover BIGINT;

-- The staged cells one measure per row, for queries. (A database made before staged_cell existed
-- keeps its table of that name, with the runs made then.)
CREATE VIEW IF NOT EXISTS cell AS
    SELECT c.run_id, c.dataset, c.period, c.geo, c.origin, c.dims, m.measure, m.total, m.missing, c.source
    FROM staged_cell c, UNNEST(c.measures, c.totals, c.missing) AS m(measure, total, missing);

CREATE CACHED TABLE IF NOT EXISTS row_problem (
    run_id   BIGINT        NOT NULL,
    kind     VARCHAR(10)   NOT NULL,
    file     VARCHAR(300)  NOT NULL,
    line     BIGINT        NOT NULL,
    col      VARCHAR(200),
    val      VARCHAR(1000),
    reason   VARCHAR(2000) NOT NULL
);
CREATE INDEX IF NOT EXISTS row_problem_run ON row_problem (run_id, file);
-- The reason as a message key and its arguments, so the workbook says it in its language; reason
-- keeps the English words. (Rows of runs made before these columns existed have them empty.)
ALTER TABLE row_problem ADD COLUMN IF NOT EXISTS reason_key VARCHAR(100);
ALTER TABLE row_problem ADD COLUMN IF NOT EXISTS reason_args VARCHAR(1000) ARRAY[8];

CREATE CACHED TABLE IF NOT EXISTS published (
    run_id     BIGINT        NOT NULL,
    indicator  VARCHAR(100)  NOT NULL,
    period     VARCHAR(10)   NOT NULL,
    geo        VARCHAR(40)   NOT NULL,
    breakdown  VARCHAR(400)  NOT NULL,
    val        DOUBLE,
    unit       VARCHAR(40)   NOT NULL,
    source     VARCHAR(4000) NOT NULL,
    line       BIGINT        NOT NULL,
    PRIMARY KEY (run_id, indicator, period, geo, breakdown)
);
-- The digits typed after the value's decimal separator: Data quality shows the figure so, and says
-- when a rate's difference is within the rounding of one typed "14". (Figures staged before this
-- column existed have it empty.)
ALTER TABLE published ADD COLUMN IF NOT EXISTS decimals INT;

-- Indicator values, one row per series: the periods of an indicator for one place, breakdown,
-- unit, basis and source, with their values (NULL where not available) in two arrays of the same
-- length. A million values at commune grain are ten thousand rows. The view below shows them one
-- value per row.
CREATE CACHED TABLE IF NOT EXISTS indicator_series (
    run_id     BIGINT        NOT NULL,
    domain     VARCHAR(20)   NOT NULL,
    series     INT           NOT NULL,
    indicator  VARCHAR(100)  NOT NULL,
    geo        VARCHAR(40)   NOT NULL,
    breakdown  VARCHAR(400)  NOT NULL,
    unit       VARCHAR(40)   NOT NULL,
    basis      VARCHAR(10)   NOT NULL,
    source     VARCHAR(4000),
    periods    VARCHAR(10) ARRAY[1000] NOT NULL,
    vals       DOUBLE ARRAY[1000] NOT NULL,
    PRIMARY KEY (run_id, domain, series)
);

-- Every value of every run, one per row, for queries: SELECT * FROM indicator_value WHERE run_id = 12.
-- (A database made before indicator_series existed keeps its table of that name, with the runs
-- made then.)
CREATE VIEW IF NOT EXISTS indicator_value AS
    SELECT s.run_id, s.domain, s.indicator, v.period, s.geo, s.breakdown, v.val, s.unit, s.basis, s.source
    FROM indicator_series s, UNNEST(s.periods, s.vals) AS v(period, val);

CREATE CACHED TABLE IF NOT EXISTS reconciliation (
    run_id     BIGINT        NOT NULL,
    domain     VARCHAR(20)   NOT NULL,
    indicator  VARCHAR(100)  NOT NULL,
    period     VARCHAR(10)   NOT NULL,
    geo        VARCHAR(40)   NOT NULL,
    breakdown  VARCHAR(400)  NOT NULL,
    computed   DOUBLE        NOT NULL,
    published  DOUBLE        NOT NULL,
    unit       VARCHAR(40)   NOT NULL,
    flagged    BOOLEAN       NOT NULL,
    line       BIGINT        NOT NULL,
    PRIMARY KEY (run_id, indicator, period, geo, breakdown)
);

CREATE CACHED TABLE IF NOT EXISTS target (
    run_id          BIGINT        NOT NULL,
    indicator       VARCHAR(100)  NOT NULL,
    geo             VARCHAR(40)   NOT NULL,
    target_period   VARCHAR(10)   NOT NULL,
    target_value    DOUBLE        NOT NULL,
    unit            VARCHAR(40)   NOT NULL,
    baseline_period VARCHAR(10),
    baseline_value  DOUBLE,
    source          VARCHAR(4000),
    line            BIGINT        NOT NULL,
    PRIMARY KEY (run_id, indicator, geo, target_period)
);

CREATE CACHED TABLE IF NOT EXISTS relocation_event (
    run_id              BIGINT        NOT NULL,
    line                BIGINT        NOT NULL,
    announced_on        DATE          NOT NULL,
    effective_on        DATE,
    client              VARCHAR(300),
    provider            VARCHAR(300),
    origin_country      VARCHAR(2)    NOT NULL,
    destination_country VARCHAR(2)    NOT NULL,
    jobs                DOUBLE,
    status              VARCHAR(20)   NOT NULL,
    origin_city         VARCHAR(200),
    destination_city    VARCHAR(200),
    language            VARCHAR(40),
    source              VARCHAR(4000),
    PRIMARY KEY (run_id, line)
);

CREATE CACHED TABLE IF NOT EXISTS regulation (
    run_id            BIGINT        NOT NULL,
    id                VARCHAR(100)  NOT NULL,
    country           VARCHAR(2)    NOT NULL,
    title             VARCHAR(1000) NOT NULL,
    effective_on      DATE          NOT NULL,
    segment           VARCHAR(20)   NOT NULL,
    client_country    VARCHAR(10)   NOT NULL,
    activity          VARCHAR(20)   NOT NULL,
    adopted_on        DATE,
    loss_rate_low     DOUBLE,
    loss_rate_central DOUBLE,
    loss_rate_high    DOUBLE,
    source            VARCHAR(4000),
    line              BIGINT        NOT NULL,
    PRIMARY KEY (run_id, id)
);

-- Operations (issue #5): which process is running which range right now. A second run of the same
-- range is refused while the row is there; a row whose process has died marks a run to recover.
-- Removed when the run ends; small, hence a MEMORY table.
CREATE TABLE IF NOT EXISTS run_claim (
    range_key     VARCHAR(40)   NOT NULL,
    pid           BIGINT        NOT NULL,
    process_start VARCHAR(40)   NOT NULL,
    role          VARCHAR(20)   NOT NULL,
    claimed_at    TIMESTAMP     NOT NULL,
    execution_id  BIGINT,
    PRIMARY KEY (range_key)
);

-- The version of these tables (run/SchemaVersion.CURRENT), raised with every table or column added
-- above. A run beside the scheduler uses the tables as the scheduler made them when it started: it
-- is refused, before it begins, when the scheduler was started by an earlier version.
CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL);
DELETE FROM schema_version WHERE version < 1;
INSERT INTO schema_version SELECT 1 FROM (VALUES (0)) AS one(x) WHERE NOT EXISTS (SELECT 1 FROM schema_version);
