package dev.locus.cli;

import java.io.PrintWriter;

/**
 * The password protecting PKCS#12 key stores: the environment variable {@value #ENV}, or a
 * documented demo default with a warning (never for production keys).
 */
final class KeyPasswords {
    static final String ENV = "LOCUS_KEY_PASSWORD";
    static final String DEMO_DEFAULT = "locus-demo";

    private KeyPasswords() {}

    static char[] get(PrintWriter err) {
        String v = System.getenv(ENV);
        if (v == null || v.isEmpty()) {
            err.println("locus: warning: " + ENV + " is not set; key stores use the demo password '" + DEMO_DEFAULT
                    + "'. Set " + ENV + " for real keys.");
            return DEMO_DEFAULT.toCharArray();
        }
        return v.toCharArray();
    }
}
