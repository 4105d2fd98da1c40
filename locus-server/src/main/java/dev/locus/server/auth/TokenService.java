package dev.locus.server.auth;

import dev.locus.server.audit.AuditLog;
import dev.locus.server.common.FieldProblem;
import dev.locus.server.common.InvalidInputException;
import dev.locus.server.persistence.Database;
import dev.locus.server.persistence.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Issues, authenticates and revokes bearer tokens. Tokens carry 256 random bits, so a single
 * SHA-256 is a sufficient one-way hash (no password stretching needed); only the hash is stored.
 * Successful look-ups are cached for {@link #CACHE_TTL}; revocation clears the cache of this
 * process at once. Thread-safe.
 */
public final class TokenService {
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final Pattern FORMAT = Pattern.compile("lct_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");

    private final Database db;
    private final AuditLog audit;
    private final InstantSource clock;
    private final SecureRandom random;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Principal principal, Instant until) {}

    public TokenService(Database db, AuditLog audit, InstantSource clock, SecureRandom random) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Issues a token.
     *
     * @param boundSubject required for LANDMARK (landmark id) and AGENT (chip serial), refused for others
     * @throws InvalidInputException when the binding does not fit the role or names nothing registered
     */
    public IssuedToken issue(String name, Role role, Optional<String> boundSubject, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isBlank() || name.length() > 100) {
            problems.add(new FieldProblem(0, "name", name, "must be 1 to 100 characters"));
        }
        if (role.bound() && boundSubject.isEmpty()) {
            problems.add(new FieldProblem(
                    0,
                    "bound_subject",
                    "",
                    "is required for role " + role + " (the landmark id or chip serial the token may submit for)"));
        }
        if (!role.bound() && boundSubject.isPresent()) {
            problems.add(new FieldProblem(
                    0, "bound_subject", boundSubject.get(), "is only allowed for roles LANDMARK and AGENT"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String id = randomId();
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret =
                "lct_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Principal principal = new Principal(id, name, role, boundSubject);
        db.inTransaction(c -> {
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
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (id, name, role, token_hash,"
                    + " bound_subject, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, role.name());
                ps.setBytes(4, hash(secret));
                Sql.setOptionalString(ps, 5, boundSubject);
                Sql.setInstant(ps, 6, clock.instant());
                ps.executeUpdate();
            }
            audit.append(
                    c,
                    actor,
                    "token.issued",
                    "token",
                    id,
                    Map.of("name", name, "role", role.name(), "bound_subject", boundSubject.orElse("")));
            return null;
        });
        return new IssuedToken(principal, secret);
    }

    /** True when no unrevoked admin token exists (a fresh installation). */
    public boolean noActiveAdmin() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT COUNT(*) FROM api_tokens WHERE role = 'ADMIN' AND revoked_at IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /** The principal of a bearer token, or empty when it is malformed, unknown or revoked. */
    public Optional<Principal> authenticate(String secret) {
        if (!FORMAT.matcher(secret).matches()) {
            return Optional.empty();
        }
        String key = HexFormat.of().formatHex(hash(secret));
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.principal());
        }
        Optional<Principal> found = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, role, bound_subject FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setBytes(1, hash(secret));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Principal(
                            rs.getString("id"),
                            rs.getString("name"),
                            Role.valueOf(rs.getString("role")),
                            Sql.getOptionalString(rs, "bound_subject")));
                }
            }
        });
        found.ifPresentOrElse(p -> cache.put(key, new Cached(p, now.plus(CACHE_TTL))), () -> cache.remove(key));
        return found;
    }

    /**
     * Revokes a token by id.
     *
     * @return false when no unrevoked token has that id
     */
    public boolean revoke(String tokenId, String actor) {
        boolean revoked = db.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                Sql.setInstant(ps, 1, clock.instant());
                ps.setString(2, tokenId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.append(c, actor, "token.revoked", "token", tokenId, Map.of());
            return true;
        });
        if (revoked) {
            cache.clear();
        }
        return revoked;
    }

    /** Token metadata (never secrets or hashes), oldest first. */
    public List<Map<String, Object>> list() {
        return db.read(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM api_tokens ORDER BY created_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("id", rs.getString("id"));
                    m.put("name", rs.getString("name"));
                    m.put("role", rs.getString("role"));
                    m.put("bound_subject", Sql.getOptionalString(rs, "bound_subject"));
                    m.put("created_at", Sql.getInstant(rs, "created_at"));
                    m.put("revoked_at", Sql.getOptionalInstant(rs, "revoked_at"));
                    out.add(m);
                }
            }
            return out;
        });
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
