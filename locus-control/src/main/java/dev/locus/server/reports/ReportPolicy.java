package dev.locus.server.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Content-Security-Policy of a self-contained HTML report: the page loads nothing, runs no
 * script, and applies only its own style element, named by its SHA-256 (no 'unsafe-inline', so a
 * style attribute or a style element smuggled in through stored text would not apply either).
 */
final class ReportPolicy {
    private ReportPolicy() {}

    static String forStyle(String styleElementText) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(styleElementText.getBytes(StandardCharsets.UTF_8));
            return "default-src 'none'; style-src 'sha256-"
                    + Base64.getEncoder().encodeToString(digest)
                    + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
