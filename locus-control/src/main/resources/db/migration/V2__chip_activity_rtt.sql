-- The clone rule compares each new sighting with the chip's previous one, which needs its round trip.
-- Rows written before this column existed get 10 s, the largest round trip accepted: a disc that
-- covers the Earth, so such a sighting can never make two sightings look incompatible.
ALTER TABLE chip_activity ADD COLUMN last_rtt_min_nanos BIGINT NOT NULL DEFAULT 10000000000;
