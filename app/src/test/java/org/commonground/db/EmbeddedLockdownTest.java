package org.commonground.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets in only who has the password kept in the data directory, only
 * from loopback; a data directory of an older version, which trusted every local connection, is
 * converted at start without losing data.
 */
class EmbeddedLockdownTest {
    @TempDir
    Path dataDir;

    @Test
    void aNewDataDirectoryRefusesConnectionsWithoutItsPassword() throws Exception {
        try (Database db = Database.embedded(dataDir)) {
            String url = jdbcUrl(db);
            String password = Files.readString(dataDir.resolve(SuperuserPassword.FILE));

            assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(url, "postgres"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            try (Connection c = connect(url, password)) {
                assertThat(setting(c, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(setting(c, "unix_socket_directories")).isEmpty();
                assertThat(setting(c, "password_encryption")).isEqualTo("scram-sha-256");
            }
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(SuperuserPassword.FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            assertNoTrustLine(dataDir.resolve("postgres/pg_hba.conf"));
        }
    }

    @Test
    void aDataDirectoryOfAnOlderVersionIsConvertedAndKeepsItsData() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        // What Database.embedded did before: the launcher's defaults, initdb -A trust.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(EmbeddedServer.binaries().toFile())
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = old.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            Database.migrate(old.getPostgresDatabase());
            s.execute("CREATE TABLE older_data (n int)");
            s.execute("INSERT INTO older_data SELECT generate_series(1, 1000)");
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).containsPattern("(?m)^host\\s.*trust\\s*$");

        try (Database db = Database.embedded(dataDir)) {
            String url = jdbcUrl(db);
            String password = Files.readString(dataDir.resolve(SuperuserPassword.FILE));

            assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class);
            try (Connection c = connect(url, password);
                    Statement s = c.createStatement();
                    var rows = s.executeQuery("SELECT count(*), sum(n) FROM older_data")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1000);
                assertThat(rows.getLong(2)).isEqualTo(500_500);
            }
            assertNoTrustLine(pgData.resolve("pg_hba.conf"));
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(SuperuserPassword.FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }

        try (Database again = Database.embedded(dataDir)) {
            long rows = Database.jdbi(again.dataSource())
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM older_data")
                            .mapTo(Long.class)
                            .one());
            assertThat(rows).isEqualTo(1000);
        }
    }

    @Test
    void aLostPasswordFileIsReplacedByANewPassword() throws Exception {
        try (Database db = Database.embedded(dataDir)) {
            Database.jdbi(db.dataSource()).useHandle(h -> h.execute("CREATE TABLE kept (n int)"));
        }
        String lost = Files.readString(dataDir.resolve(SuperuserPassword.FILE));
        Files.delete(dataDir.resolve(SuperuserPassword.FILE));

        try (Database db = Database.embedded(dataDir)) {
            String url = jdbcUrl(db);
            String replaced = Files.readString(dataDir.resolve(SuperuserPassword.FILE));

            assertThat(replaced).isNotEqualTo(lost);
            assertThatThrownBy(() -> connect(url, lost)).isInstanceOf(SQLException.class);
            try (Connection c = connect(url, replaced);
                    Statement s = c.createStatement()) {
                s.executeQuery("SELECT count(*) FROM kept").close();
            }
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() {
        try (Database first = Database.embedded(dataDir)) {
            assertThatThrownBy(() -> Database.embedded(dataDir)).hasMessageContaining("Another Common Ground server");
            assertThat(Outages.answers(first.dataSource(), java.time.Duration.ofSeconds(2)))
                    .isTrue();
        }
    }

    static String jdbcUrl(Database db) {
        return ((HikariDataSource) db.dataSource()).getJdbcUrl();
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties p = new Properties();
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertNoTrustLine(Path hba) throws Exception {
        assertThat(Files.readAllLines(hba))
                .filteredOn(l -> !l.strip().startsWith("#") && !l.isBlank())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).endsWith("scram-sha-256").doesNotContain("trust"));
    }
}
