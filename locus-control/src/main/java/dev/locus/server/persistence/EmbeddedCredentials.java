package dev.locus.server.persistence;

import dev.locus.server.LocusServerException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded database's two passwords, random per installation and kept in {@code
 * <data-dir>/database-credentials} (mode 600): the owner's ({@value #OWNER}, admin: runs the
 * migrations and checkpoints) and the application's ({@value #APP}, no admin rights: only reads
 * and writes rows). Never logged.
 *
 * @param ownerPassword password of {@value #OWNER}
 * @param appPassword password of {@value #APP}
 */
record EmbeddedCredentials(String ownerPassword, String appPassword) {
    static final String FILE = "database-credentials";
    static final String OWNER = "locus";
    static final String APP = "locus_app";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String toString() {
        return "EmbeddedCredentials[***]";
    }

    /** Reads the credentials file, or writes a fresh one with two random 256-bit passwords. */
    static EmbeddedCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(Files.readString(file)));
            } catch (IOException e) {
                throw new LocusServerException("cannot read " + file + ": " + e.getMessage(), e);
            }
            String owner = p.getProperty("owner_password", "");
            String app = p.getProperty("app_password", "");
            if (owner.isEmpty() || app.isEmpty()) {
                throw new LocusServerException(file + " must hold owner_password and app_password; it does not"
                        + " (restore it from a backup of the data directory)");
            }
            return new EmbeddedCredentials(owner, app);
        }
        EmbeddedCredentials fresh = new EmbeddedCredentials(randomPassword(), randomPassword());
        Properties p = new Properties();
        p.setProperty("owner_password", fresh.ownerPassword);
        p.setProperty("app_password", fresh.appPassword);
        StringWriter w = new StringWriter();
        try {
            p.store(w, "Locus embedded database passwords (generated; keep with the database files)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        DataDirectory.writePrivate(file, w.toString());
        return fresh;
    }

    /** 256 random bits, base64url (letters, digits, '-' and '_': safe inside an SQL string literal). */
    static String randomPassword() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
