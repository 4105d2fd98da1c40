-- A chip's X.509 device certificate (DER), checked at registration against the trusted manufacturer
-- CAs. Next to it, what ingestion compares for every receipt without parsing the certificate: its
-- SHA-256 (how receipts name it), its validity and the SHA-256 of the CA certificate that signed it.
-- device_public_key then holds the certificate's key.
ALTER TABLE chips ADD COLUMN device_certificate BYTEA;
ALTER TABLE chips ADD COLUMN device_certificate_sha256 CHAR(64);
ALTER TABLE chips ADD COLUMN device_certificate_not_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE chips ADD COLUMN device_certificate_not_after TIMESTAMP WITH TIME ZONE;
ALTER TABLE chips ADD COLUMN device_certificate_ca_sha256 CHAR(64);
ALTER TABLE chips ADD CONSTRAINT chips_device_certificate_complete CHECK (
    (device_certificate IS NULL AND device_certificate_sha256 IS NULL AND device_certificate_not_before IS NULL
        AND device_certificate_not_after IS NULL AND device_certificate_ca_sha256 IS NULL)
    OR (device_certificate IS NOT NULL AND device_certificate_sha256 IS NOT NULL
        AND device_certificate_not_before IS NOT NULL AND device_certificate_not_after IS NOT NULL
        AND device_certificate_ca_sha256 IS NOT NULL AND device_public_key IS NOT NULL));
