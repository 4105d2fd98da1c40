package dev.locus.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locus.server.EachEngine;
import dev.locus.server.Fixtures;
import dev.locus.server.MutableClock;
import dev.locus.server.audit.AuditVerification;
import dev.locus.server.audit.AuditVerifier;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Database;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issue 9, item 9: tokens with a lifetime, and rotation with a bounded grace period. */
class TokenServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    @EachEngine
    void anExpiringToken_authenticatesUntilItsExpiry_evenWhenCached(Database db) {
        MutableClock clock = new MutableClock(T0);
        TokenService tokens = new TokenService(Fixtures.store(db, clock), new SecureRandom());
        IssuedToken t =
                tokens.issue(TokenRequest.unbound("auditor", Role.AUDITOR).expiringAt(T0.plusSeconds(10)), "admin");

        assertThat(tokens.authenticate(t.secret())).contains(t.principal());
        clock.advance(Duration.ofSeconds(9));
        assertThat(tokens.authenticate(t.secret())).as("cached, still valid").contains(t.principal());
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.authenticate(t.secret()))
                .as("expired inside the cache period")
                .isEmpty();
        assertThat(tokens.list())
                .singleElement()
                .satisfies(m -> assertThat(m).containsEntry("expires_at", Optional.of(T0.plusSeconds(10))));
    }

    @EachEngine
    void anExpiryInThePastOrTooFarAhead_isRefused(Database db) {
        MutableClock clock = new MutableClock(T0);
        TokenService tokens = new TokenService(Fixtures.store(db, clock), new SecureRandom());
        for (Instant bad : List.of(
                T0, T0.minusSeconds(1), T0.plus(TokenService.MAX_LIFETIME).plusSeconds(1))) {
            assertThatThrownBy(() ->
                            tokens.issue(TokenRequest.unbound("x", Role.AUDITOR).expiringAt(bad), "admin"))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .singleElement()
                            .satisfies(p -> assertThat(p.field()).isEqualTo("expires_at")));
        }
    }

    @EachEngine
    void rotation_issuesANewSecret_andTheOldOneLivesOnlyForTheGracePeriod(Database db) {
        MutableClock clock = new MutableClock(T0);
        TokenService tokens = new TokenService(Fixtures.store(db, clock), new SecureRandom());
        IssuedToken old = tokens.issue(
                TokenRequest.unbound("auditor", Role.AUDITOR).expiringAt(T0.plus(Duration.ofDays(30))), "admin");
        assertThat(tokens.authenticate(old.secret())).isPresent();

        clock.advance(Duration.ofDays(1));
        TokenService.Rotation rot = tokens.rotate(
                        old.principal().tokenId(), Optional.empty(), Duration.ofMinutes(5), "admin")
                .orElseThrow();

        Principal fresh = rot.token().principal();
        assertThat(fresh.tokenId()).isNotEqualTo(old.principal().tokenId());
        assertThat(fresh.role()).isEqualTo(Role.AUDITOR);
        assertThat(fresh.name()).isEqualTo("auditor");
        assertThat(rot.expiresAt())
                .as("the old token's lifetime again")
                .contains(clock.instant().plus(Duration.ofDays(30)));
        assertThat(rot.previousValidUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(tokens.authenticate(rot.token().secret())).contains(fresh);
        assertThat(tokens.authenticate(old.secret()))
                .as("within the grace period")
                .isPresent();
        clock.advance(Duration.ofMinutes(5));
        assertThat(tokens.authenticate(old.secret()))
                .as("after the grace period")
                .isEmpty();
        assertThat(tokens.authenticate(rot.token().secret())).isPresent();
        assertThat(tokens.rotate(old.principal().tokenId(), Optional.empty(), Duration.ZERO, "admin"))
                .as("an expired token cannot be rotated")
                .isEmpty();
        assertThat(tokens.list())
                .filteredOn(m -> m.get("id").equals(fresh.tokenId()))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .containsEntry(
                                "rotated_from", Optional.of(old.principal().tokenId())));
        assertThat(db.read(AuditVerifier::verify)).isInstanceOf(AuditVerification.Intact.class);
    }

    @EachEngine
    void rotationWithoutGrace_revokesTheOldTokenAtOnce_andKeepsTheBinding(Database db) {
        MutableClock clock = new MutableClock(T0);
        dev.locus.server.registry.RegistryService registry = dev.locus.server.Fixtures.registry(db, clock);
        dev.locus.server.Fixtures.populate(registry, dev.locus.server.Fixtures.ed25519());
        TokenService tokens = new TokenService(Fixtures.store(db, clock), new SecureRandom());
        IssuedToken old = tokens.issue(TokenRequest.boundTo("agent", Role.AGENT, "GPU-1"), "admin");
        assertThat(tokens.authenticate(old.secret())).isPresent();

        TokenService.Rotation rot = tokens.rotate(old.principal().tokenId(), Optional.empty(), Duration.ZERO, "admin")
                .orElseThrow();

        assertThat(tokens.authenticate(old.secret()))
                .as("revoked at once, cache included")
                .isEmpty();
        assertThat(rot.token().principal().boundSubject()).contains("GPU-1");
        assertThat(rot.expiresAt()).as("no expiry when the old token had none").isEmpty();
        assertThat(tokens.authenticate(rot.token().secret()))
                .contains(rot.token().principal());
        assertThat(tokens.list())
                .filteredOn(m -> m.get("id").equals(old.principal().tokenId()))
                .singleElement()
                .satisfies(m -> assertThat((Optional<?>) m.get("revoked_at")).isPresent());
        assertThatThrownBy(() ->
                        tokens.rotate(rot.token().principal().tokenId(), Optional.empty(), Duration.ofDays(8), "admin"))
                .isInstanceOf(InvalidInputException.class);
    }
}
