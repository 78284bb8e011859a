package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.commonground.account.Accounts;
import org.commonground.db.Database;
import org.commonground.demo.DemoSeed;
import org.commonground.testing.ServerTest;
import org.commonground.testing.Tool;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer does with {@code /api/v1/openapi.json}: generate a Java client with the real
 * OpenAPI Generator (7.25.0, its CLI jar copied into target/ by the build), compile it, and take part
 * in the demo through it — join, vote, read the results — with no hand-written HTTP.
 */
class OpenApiClientTest extends ServerTest {
    private static final Path GENERATOR = Path.of("target/openapi-generator/openapi-generator-cli.jar");
    private static final int VOTES = 5;

    @Test
    @SuppressWarnings("unchecked")
    void aGeneratedJavaClientJoinsTheDemoVotesAndReadsItsResults() throws Exception {
        Jdbi jdbi = Database.jdbi(db.dataSource());
        long demo = new DemoSeed(jdbi, Accounts.over(jdbi)).seedIfEmpty().conversationId();
        Path work = Tool.workDir("openapi-client");
        Path doc = work.resolve("openapi.json");
        Files.writeString(doc, server.get("/api/v1/openapi.json").body());

        Path sources = generateJavaClient(doc, work.resolve("generated"));
        Path classes = compile(sources, work.resolve("classes"));
        Map<String, Object> report;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method run = loader.loadClass("DemoVoter").getMethod("run", String.class, long.class, int.class);
            report = (Map<String, Object>) run.invoke(null, server.baseUrl(), demo, VOTES);
        }

        assertThat((String) report.get("token")).startsWith("cgp_");
        assertThat(report.get("language")).isEqualTo("ko");
        assertThat((List<Long>) report.get("voted")).hasSize(VOTES).doesNotHaveDuplicates();
        assertThat((List<String>) report.get("values"))
                .containsExactly("agree", "disagree", "pass", "agree", "disagree");
        String participant = (String) report.get("participant");
        long stored = jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM current_vote v JOIN participant p ON p.id = v.participant_id
                        WHERE v.conversation_id = :c AND p.public_id = :p""")
                .bind("c", demo)
                .bind("p", participant)
                .mapTo(Long.class)
                .one());
        assertThat(stored)
                .as("votes stored for the generated client's participant")
                .isEqualTo(VOTES);
        assertThat((Integer) report.get("resultsParticipants")).isGreaterThan(300);
        assertThat((Integer) report.get("resultsGroups")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) report.get("tallyStatements")).isEqualTo(44);
        long storedVotes =
                jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM current_vote WHERE conversation_id = :c")
                        .bind("c", demo)
                        .mapTo(Long.class)
                        .one());
        assertThat((Long) report.get("tallyVotes")).isEqualTo(storedVotes);
    }

    private static Path generateJavaClient(Path doc, Path out) {
        assertThat(GENERATOR)
                .as("the build copies the generator's jar (maven-dependency-plugin in app/pom.xml)")
                .exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Tool.Run run = Tool.run(
                doc.getParent(),
                List.of(
                        java,
                        "-jar",
                        GENERATOR.toAbsolutePath().toString(),
                        "generate",
                        "-g",
                        "java",
                        "--library",
                        "native",
                        "-i",
                        doc.toString(),
                        "-o",
                        out.toString(),
                        "--additional-properties=openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true,"
                                + "invokerPackage=cg.client,apiPackage=cg.client.api,modelPackage=cg.client.model",
                        "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"));
        assertThat(run.exitCode())
                .as("openapi-generator:\n%s%s", run.stdout(), run.stderr())
                .isZero();
        assertThat(run.stdout() + run.stderr())
                .as("the generator's own spec validation")
                .doesNotContain("[error]");
        return out.resolve("src/main/java");
    }

    /** Compiles the generated client with the newcomer's program against the test's own class path (Jackson). */
    private static Path compile(Path sources, Path classes) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--release",
                "21",
                "-nowarn",
                "-proc:none",
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path")));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        Path program = classes.getParent().resolve("DemoVoter.java");
        try (var in = OpenApiClientTest.class.getResourceAsStream("/openapi-client/DemoVoter.java")) {
            Files.write(program, in.readAllBytes());
        }
        args.add(program.toString());
        var errors = new java.io.ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(String[]::new));
        assertThat(status).as("javac on the generated client:\n%s", errors).isZero();
        return classes;
    }
}
