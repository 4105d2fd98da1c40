package dev.locus.server.dashboard;

import dev.locus.server.LocusServerException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the dashboard's files from the classpath ({@code dev/locus/dashboard/static/} in the
 * locus-dashboard jar) at {@code /}. These files, and only these, are public: they hold no data, and
 * every figure on the page comes from the authenticated API. Paths are checked against a strict
 * pattern, so nothing outside the static folder can be named; any other path is left to the API. Each file is read once and then served from memory with a strong
 * ETag. Thread-safe.
 */
final class StaticAssets {
    static final String ROOT = "/dev/locus/dashboard/static";
    private static final Pattern SAFE_PATH = Pattern.compile("^(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "json", "application/json",
            "md", "text/plain; charset=utf-8",
            "ico", "image/x-icon");
    /**
     * The page loads scripts, styles and images from this origin only, and talks to this origin's
     * API only; no third party, no tile server, no inline script, no inline style (the page sets
     * styles through CSSOM only), so stored text that reached the DOM as markup could run nothing.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                    + " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
                    + " form-action 'self'";

    private record Asset(byte[] body, String type, String etag) {}

    /** Files found so far; misses are not remembered, so unknown paths cannot grow this map. */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** True for the paths this class answers: GET or HEAD outside the API, health and metrics. */
    static boolean handles(Context ctx) {
        HandlerType m = ctx.method();
        if (m != HandlerType.GET && m != HandlerType.HEAD) {
            return false;
        }
        String p = ctx.path();
        return !(p.startsWith("/api/") || p.equals("/api") || p.equals("/health") || p.equals("/metrics"));
    }

    /**
     * Writes the file when the static folder has one at this path and returns true; the caller
     * then skips the API's handlers. Returns false, writing nothing, for any other path, which
     * then meets the API's authentication like every unknown path.
     */
    boolean serve(Context ctx) {
        String path = ctx.path().equals("/") || ctx.path().isEmpty() ? "/index.html" : ctx.path();
        Optional<Asset> asset = Optional.empty();
        if (SAFE_PATH.matcher(path).matches()) {
            asset = Optional.ofNullable(cache.get(path)).or(() -> load(path));
            asset.ifPresent(a -> cache.putIfAbsent(path, a));
        }
        if (asset.isEmpty()) {
            return false;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        Asset a = asset.get();
        ctx.header("ETag", a.etag());
        ctx.header("Cache-Control", "no-cache");
        if (a.type().startsWith("text/html")) {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return true;
        }
        ctx.status(200).contentType(a.type());
        if (ctx.method() == HandlerType.GET) {
            ctx.result(a.body());
        } else {
            ctx.header("Content-Length", Integer.toString(a.body().length));
        }
        return true;
    }

    private static Optional<Asset> load(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(ext);
        if (type == null || path.lastIndexOf('.') < 0) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            return Optional.of(new Asset(body, type, etag(body)));
        } catch (IOException e) {
            throw new LocusServerException("cannot read dashboard file " + path + ": " + e.getMessage(), e);
        }
    }

    static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
