-- Landmarks carry a trust domain and a position uncertainty (issue 10, ADR 0009).
-- operator: landmarks of one operator count as one when verdicts tolerate lying landmarks; NULL
-- reads as the landmark's own id (independent). position_uncertainty_km enlarges every disc the
-- landmark measures.
ALTER TABLE landmarks ADD COLUMN operator VARCHAR(100);
ALTER TABLE landmarks ADD COLUMN position_uncertainty_km DOUBLE PRECISION NOT NULL DEFAULT 0
    CHECK (position_uncertainty_km >= 0 AND position_uncertainty_km <= 1000);
