-- Which steps of an alert's life a subscription hears of: comma-separated of OPENED,
-- ACKNOWLEDGED, RESOLVED. Existing subscriptions keep hearing of opened alerts only.
ALTER TABLE notification_subscriptions ADD COLUMN events VARCHAR(100) DEFAULT 'OPENED' NOT NULL;
