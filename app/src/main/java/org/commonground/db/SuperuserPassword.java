package org.commonground.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's superuser password: 192 random bits made at the first start and kept in
 * {@value #FILE} of the data directory, readable by its owner only (0600). Whoever can read the
 * data directory can read the data anyway; everyone else on the machine needs this file to connect.
 */
final class SuperuserPassword {
    static final String FILE = "postgres-password";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(SuperuserPassword.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SuperuserPassword() {}

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    /** The password of this data directory, made (durably, before anyone uses it) if there is none yet. */
    static String readOrCreate(Path dataDir) throws IOException {
        Path file = file(dataDir);
        if (Files.notExists(file)) {
            return create(file);
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("{} was readable by others; restricting it to its owner (0600)", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException(file + " is empty; restore it from a backup of the data directory");
        }
        return password;
    }

    private static String create(Path file) throws IOException {
        byte[] bits = new byte[24];
        RANDOM.nextBytes(bits);
        // URL-safe Base64: no quote, backslash or newline that initdb or SQL would have to escape.
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Path partial = file.resolveSibling(FILE + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        // Flushed before the rename: after a power loss the file is whole or absent, never empty.
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            out.write(StandardCharsets.US_ASCII.encode(password));
            out.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }
}
