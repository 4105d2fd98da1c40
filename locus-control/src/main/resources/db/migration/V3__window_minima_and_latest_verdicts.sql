-- Verdicts kept current at thousands of receipts per second: ingestion keeps, per chip and
-- landmark, the accepted receipt with the shortest round trip (the only one that bounds the chip's
-- region), so an assessment reads a handful of rows instead of every receipt of the window; and the
-- verdict engine keeps each chip's latest verdict in one row, so readers never scan verdicts.

-- Shortest accepted round trip per chip and landmark. A row older than the measurement window is
-- recomputed from receipts by the verdict engine (the window minimum may be a longer receipt that
-- ingestion did not keep), or deleted when the landmark measured the chip no more in the window.
CREATE TABLE chip_window (
    chip_serial    VARCHAR(64) NOT NULL REFERENCES chips (serial),
    landmark_id    VARCHAR(64) NOT NULL,
    receipt_id     BIGINT      NOT NULL,
    rtt_min_nanos  BIGINT      NOT NULL,
    measured_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (chip_serial, landmark_id)
);
CREATE INDEX chip_window_landmark ON chip_window (landmark_id);

INSERT INTO chip_window (chip_serial, landmark_id, receipt_id, rtt_min_nanos, measured_at, updated_at)
SELECT chip_serial, landmark_id, id, rtt_min_nanos, measured_at, received_at FROM (
    SELECT r.chip_serial, r.landmark_id, r.id, r.rtt_min_nanos, r.measured_at, r.received_at,
           ROW_NUMBER() OVER (PARTITION BY r.chip_serial, r.landmark_id
                              ORDER BY r.rtt_min_nanos, r.measured_at DESC, r.id DESC) AS rn
    FROM receipts r JOIN chips c ON c.serial = r.chip_serial
    WHERE r.status = 'ACCEPTED') best
WHERE rn = 1;

-- Each chip's latest verdict. valid_until: when the verdict must be re-derived even without new
-- receipts (the first of its minimum receipts leaves the window, or the periodic refresh that keeps
-- proven verdicts fresh); last_proven_at: when a verdict last proved the chip where it may be;
-- bounding_discs: the verdict's bounding discs and speed as compact JSON (for the MOVED test
-- without reading the evidence; NULL for rows migrated here, whose evidence is read instead);
-- window_key: SHA-256 of everything the verdict was derived from (window receipts and round trips,
-- landmark positions, declared site and zone, policy). A re-assessment with the same key would
-- derive the same verdict from the same receipts: it is recorded as a confirmation (assessed_at,
-- last_proven_at, valid_until move on) instead of a new verdict row.
CREATE TABLE chip_verdicts (
    chip_serial     VARCHAR(64)  PRIMARY KEY REFERENCES chips (serial),
    verdict_id      BIGINT       NOT NULL REFERENCES verdicts (id),
    verdicts        VARCHAR(200) NOT NULL,
    proven          BOOLEAN      NOT NULL,
    assessed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_proven_at  TIMESTAMP WITH TIME ZONE,
    valid_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    bounding_discs  VARCHAR(100000),
    window_key      CHAR(64)
);
CREATE INDEX chip_verdicts_due ON chip_verdicts (valid_until);
CREATE INDEX chip_verdicts_proven ON chip_verdicts (last_proven_at);

-- Existing installations: the latest verdict per chip, due for re-assessment at once.
INSERT INTO chip_verdicts (chip_serial, verdict_id, verdicts, proven, assessed_at, last_proven_at, valid_until)
SELECT v.chip_serial, v.id, v.verdicts, v.proven, v.assessed_at,
       (SELECT MAX(p.assessed_at) FROM verdicts p WHERE p.chip_serial = v.chip_serial AND p.proven = TRUE),
       v.assessed_at
FROM verdicts v
WHERE v.id = (SELECT MAX(x.id) FROM verdicts x WHERE x.chip_serial = v.chip_serial);
