-- V6 (issue 9): rejected receipts accounted for without unbounded growth, token lifetime and
-- rotation, and look-alike chip serials refused.

-- Every rejected receipt is counted here, per submitting token, reason and hour; only the first
-- few of each (token, reason, hour) are also stored as rows of receipts (the sample), so one token
-- cannot grow the database without bound. stored <= rejected.
CREATE TABLE receipt_rejections (
    submitter_token_id VARCHAR(32)  NOT NULL,
    submitted_by       VARCHAR(100) NOT NULL,
    reason             VARCHAR(32)  NOT NULL,
    window_start       TIMESTAMP WITH TIME ZONE NOT NULL,
    rejected           BIGINT       NOT NULL,
    stored             BIGINT       NOT NULL,
    last_received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (submitter_token_id, reason, window_start)
);
CREATE INDEX receipt_rejections_window ON receipt_rejections (window_start);

-- A token may expire; a rotated token names the token it replaced.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_tokens ADD COLUMN rotated_from VARCHAR(32);

-- The look-alike key of each serial (SerialKeys.key: 'l' read as '1', upper case, separators
-- - _ . : dropped, 'O' read as '0', 'I' as '1'), unique so two look-alikes can never both be
-- registered. Serials registered before V6 that already look alike keep their own key (the key
-- suffixed with '~' and the serial), so the migration never fails and later look-alikes of
-- either are still refused.
ALTER TABLE chips ADD COLUMN serial_key VARCHAR(140);
UPDATE chips SET serial_key = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
    UPPER(REPLACE(serial, 'l', '1')), '-', ''), '_', ''), '.', ''), ':', ''), 'O', '0'), 'I', '1');
CREATE INDEX chips_serial_key_lookup ON chips (serial_key);
UPDATE chips SET serial_key = serial_key || '~' || serial
    WHERE EXISTS (SELECT 1 FROM chips d WHERE d.serial_key = chips.serial_key AND d.serial < chips.serial);
DROP INDEX chips_serial_key_lookup;
CREATE UNIQUE INDEX chips_serial_key ON chips (serial_key);
