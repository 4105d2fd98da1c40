package dev.locus.server.auth;

import dev.locus.server.audit.AuditedStore;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Issues, authenticates, rotates and revokes bearer tokens. Tokens carry 256 random bits, so a
 * single SHA-256 is a sufficient one-way hash (no password stretching needed); only the hash is
 * stored. A token may carry an expiry ({@code expires_at}); past it the token authenticates no one.
 * Rotation issues a new secret for the same holder, role and binding and lets the old one live on
 * for a grace period at most. Successful look-ups are cached for {@link #CACHE_TTL}, never past a
 * token's expiry; revocation and rotation clear the cache of this process at once. Thread-safe.
 */
public final class TokenService {
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);
    /** The longest lifetime a token may be given. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(3660);
    /** The longest grace period a rotated token's predecessor may keep. */
    public static final Duration MAX_ROTATION_GRACE = Duration.ofDays(7);

    private static final Pattern FORMAT = Pattern.compile("lct_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");

    private final AuditedStore store;
    private final SecureRandom random;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Principal principal, Instant until) {}

    public TokenService(AuditedStore store, SecureRandom random) {
        this.store = store;
        this.random = random;
    }

    /**
     * Issues the token {@code request} asks for.
     *
     * @throws InvalidInputException when the binding does not fit the role or names nothing
     *     registered, or the expiry is not in the future within {@link #MAX_LIFETIME}
     */
    public IssuedToken issue(TokenRequest request, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        checkExpiry(request.expiresAt(), problems);
        problems.addAll(request.problems());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Role role = request.role();
        Optional<String> boundSubject = request.boundSubject();
        Optional<Instant> expiresAt = request.expiresAt();
        String id = randomId();
        String secret = newSecret(id);
        Principal principal = new Principal(id, request.name(), role, boundSubject);
        store.db().inTransaction(c -> {
            if (boundSubject.isPresent()) {
                String table = role == Role.LANDMARK ? "landmarks" : "chips";
                String column = role == Role.LANDMARK ? "id" : "serial";
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + column + " = ?")) {
                    ps.setString(1, boundSubject.get());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new InvalidInputException(List.of(new FieldProblem(
                                    0,
                                    "bound_subject",
                                    boundSubject.get(),
                                    "must name a registered " + (role == Role.LANDMARK ? "landmark" : "chip"))));
                        }
                    }
                }
            }
            insert(c, principal, secret, expiresAt, Optional.empty());
            store.audit()
                    .append(
                            c,
                            actor,
                            "token.issued",
                            "token",
                            id,
                            Map.of(
                                    "name",
                                    request.name(),
                                    "role",
                                    role.name(),
                                    "bound_subject",
                                    boundSubject.orElse(""),
                                    "expires_at",
                                    expiresAt.map(Instant::toString).orElse("")));
            return null;
        });
        return new IssuedToken(principal, secret);
    }

    /** A rotated token: the new one, and until when its predecessor still authenticates. */
    public record Rotation(IssuedToken token, Optional<Instant> expiresAt, Instant previousValidUntil) {}

    /**
     * Rotates a token: a new secret for the same holder, role and binding (a new token id that names
     * the old one as {@code rotated_from}), while the old token stops authenticating after
     * {@code previousValidFor} (at once when zero; never later than its own expiry).
     *
     * @param expiresAt the new token's expiry; when empty, the old token's lifetime again from now
     *     (no expiry when the old token had none)
     * @return empty when no active, unexpired token has that id
     * @throws InvalidInputException when the expiry or grace period is out of range
     */
    public Optional<Rotation> rotate(
            String tokenId, Optional<Instant> expiresAt, Duration previousValidFor, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        checkExpiry(expiresAt, problems);
        if (previousValidFor.isNegative() || previousValidFor.compareTo(MAX_ROTATION_GRACE) > 0) {
            problems.add(new FieldProblem(
                    0,
                    "previous_valid_for_seconds",
                    Long.toString(previousValidFor.toSeconds()),
                    "must be 0 to " + MAX_ROTATION_GRACE.toSeconds()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = store.clock().instant();
        Optional<Rotation> out = store.db().inTransaction(c -> {
            Principal old;
            Instant created;
            Optional<Instant> oldExpiry;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, bound_subject, created_at,"
                    + " expires_at FROM api_tokens WHERE id = ? AND revoked_at IS NULL FOR UPDATE")) {
                ps.setString(1, tokenId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Rotation>empty();
                    }
                    old = principal(rs);
                    created = Sql.getInstant(rs, "created_at");
                    oldExpiry = Sql.getOptionalInstant(rs, "expires_at");
                }
            }
            if (oldExpiry.isPresent() && !oldExpiry.get().isAfter(now)) {
                return Optional.<Rotation>empty();
            }
            Optional<Instant> newExpiry =
                    expiresAt.isPresent() ? expiresAt : oldExpiry.map(e -> now.plus(Duration.between(created, e)));
            Instant previousUntil = now.plus(previousValidFor);
            if (oldExpiry.isPresent() && oldExpiry.get().isBefore(previousUntil)) {
                previousUntil = oldExpiry.get();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    previousValidFor.isZero()
                            ? "UPDATE api_tokens SET revoked_at = ? WHERE id = ?"
                            : "UPDATE api_tokens SET expires_at = ? WHERE id = ?")) {
                Sql.setInstant(ps, 1, previousValidFor.isZero() ? now : previousUntil);
                ps.setString(2, tokenId);
                ps.executeUpdate();
            }
            String id = randomId();
            String secret = newSecret(id);
            Principal fresh = new Principal(id, old.name(), old.role(), old.boundSubject());
            insert(c, fresh, secret, newExpiry, Optional.of(tokenId));
            store.audit()
                    .append(
                            c,
                            actor,
                            "token.rotated",
                            "token",
                            tokenId,
                            Map.of(
                                    "new_token_id",
                                    id,
                                    "expires_at",
                                    newExpiry.map(Instant::toString).orElse(""),
                                    "previous_valid_until",
                                    previousUntil.toString()));
            return Optional.of(new Rotation(new IssuedToken(fresh, secret), newExpiry, previousUntil));
        });
        if (out.isPresent()) {
            cache.clear();
        }
        return out;
    }

    private void checkExpiry(Optional<Instant> expiresAt, List<FieldProblem> problems) {
        if (expiresAt.isEmpty()) {
            return;
        }
        Instant now = store.clock().instant();
        if (!expiresAt.get().isAfter(now) || expiresAt.get().isAfter(now.plus(MAX_LIFETIME))) {
            problems.add(new FieldProblem(
                    0,
                    "expires_at",
                    expiresAt.get().toString(),
                    "must be in the future and at most " + MAX_LIFETIME.toDays() + " days ahead"));
        }
    }

    private void insert(
            java.sql.Connection c,
            Principal p,
            String secret,
            Optional<Instant> expiresAt,
            Optional<String> rotatedFrom)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (id, name, role, token_hash,"
                + " bound_subject, created_at, expires_at, rotated_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.tokenId());
            ps.setString(2, p.name());
            ps.setString(3, p.role().name());
            ps.setBytes(4, hash(secret));
            Sql.setOptionalString(ps, 5, p.boundSubject());
            Sql.setInstant(ps, 6, store.clock().instant());
            Sql.setOptionalInstant(ps, 7, expiresAt);
            Sql.setOptionalString(ps, 8, rotatedFrom);
            ps.executeUpdate();
        }
    }

    private String newSecret(String id) {
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        return "lct_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    }

    private static Principal principal(ResultSet rs) throws java.sql.SQLException {
        return new Principal(
                rs.getString("id"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                Sql.getOptionalString(rs, "bound_subject"));
    }

    /** True when no unrevoked admin token exists (a fresh installation). */
    public boolean noActiveAdmin() {
        return store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT COUNT(*) FROM api_tokens WHERE role = 'ADMIN' AND revoked_at IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /** The principal of a bearer token, or empty when it is malformed, unknown, revoked or expired. */
    public Optional<Principal> authenticate(String secret) {
        if (!FORMAT.matcher(secret).matches()) {
            return Optional.empty();
        }
        String key = HexFormat.of().formatHex(hash(secret));
        Instant now = store.clock().instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.principal());
        }
        Optional<Cached> found = store.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, bound_subject, expires_at"
                    + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setBytes(1, hash(secret));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Optional<Instant> expires = Sql.getOptionalInstant(rs, "expires_at");
                    if (expires.isPresent() && !expires.get().isAfter(now)) {
                        return Optional.empty();
                    }
                    Instant until = now.plus(CACHE_TTL);
                    if (expires.isPresent() && expires.get().isBefore(until)) {
                        until = expires.get();
                    }
                    return Optional.of(new Cached(principal(rs), until));
                }
            }
        });
        found.ifPresentOrElse(f -> cache.put(key, f), () -> cache.remove(key));
        return found.map(Cached::principal);
    }

    /**
     * Revokes a token by id.
     *
     * @return false when no unrevoked token has that id
     */
    public boolean revoke(String tokenId, String actor) {
        boolean revoked = store.db().inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                Sql.setInstant(ps, 1, store.clock().instant());
                ps.setString(2, tokenId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            store.audit().append(c, actor, "token.revoked", "token", tokenId, Map.of());
            return true;
        });
        if (revoked) {
            cache.clear();
        }
        return revoked;
    }

    /** Token metadata (never secrets or hashes), oldest first. */
    public List<Map<String, Object>> list() {
        return store.db()
                .read(c -> Sql.query(c, "SELECT * FROM api_tokens ORDER BY created_at, id", ps -> {}, rs -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    Sql.copyText(rs, m, "id", "name", "role");
                    m.put("bound_subject", Sql.getOptionalString(rs, "bound_subject"));
                    m.put("created_at", Sql.getInstant(rs, "created_at"));
                    m.put("revoked_at", Sql.getOptionalInstant(rs, "revoked_at"));
                    m.put("expires_at", Sql.getOptionalInstant(rs, "expires_at"));
                    m.put("rotated_from", Sql.getOptionalString(rs, "rotated_from"));
                    return m;
                }));
    }

    private String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
