/**
 * Notifications of raised alerts: subscriptions (per rule and minimum severity, by webhook or
 * e-mail), a transactional outbox written in the transaction that raises the alert, and a
 * dispatcher that delivers each outbox row with retries and exponential backoff, records every
 * attempt and marks it delivered once. Webhooks are signed with HMAC-SHA256 and carry the delivery
 * id as idempotency key, so delivery is at least once and, for a receiver that drops repeated ids,
 * effectively once (ADR 0018).
 */
package dev.locus.server.notify;
