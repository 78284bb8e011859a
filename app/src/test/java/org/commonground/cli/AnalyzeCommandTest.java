package org.commonground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.commonground.Main;
import org.commonground.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code analyze --polis-export}: the JSON contract of issue 3 §6 on a folder written here and on real Pol.is data. */
class AnalyzeCommandTest {
    static final List<String> CONTRACT_KEYS = List.of(
            "participants",
            "statements",
            "votes",
            "groups",
            "projection",
            "consensus",
            "groupInformedConsensus",
            "bridging",
            "cohorts",
            "commonGround",
            "divides",
            "convergence",
            "seconds");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Ten voters in two camps of five (JP agrees with 0–2, KR with 3–5), one rejected comment, one changed vote. */
    private Path twoCampFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("two-camps"));
        StringBuilder comments =
                new StringBuilder("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
        for (int c = 0; c <= 6; c++) {
            comments.append(1_000 + c)
                    .append(",x,")
                    .append(c)
                    .append(",100,0,0,")
                    .append(c == 6 ? -1 : 1)
                    .append(",Statement ")
                    .append(c)
                    .append('\n');
        }
        StringBuilder votes = new StringBuilder("timestamp,datetime,comment-id,voter-id,vote\n");
        StringBuilder participants = new StringBuilder("participant,country\n");
        votes.append("5000,x,0,100,-1\n"); // changed to agree below: the latest vote counts
        for (int voter = 100; voter < 110; voter++) {
            boolean firstCamp = voter < 105;
            participants
                    .append(voter)
                    .append(',')
                    .append(firstCamp ? "JP" : "KR")
                    .append('\n');
            for (int c = 0; c <= 6; c++) {
                int value = (c < 3) == firstCamp ? 1 : -1;
                votes.append(10_000 + voter * 10 + c)
                        .append(",x,")
                        .append(c)
                        .append(',')
                        .append(voter)
                        .append(',')
                        .append(value)
                        .append('\n');
            }
        }
        Files.writeString(folder.resolve("comments.csv"), comments);
        Files.writeString(folder.resolve("votes.csv"), votes);
        Files.writeString(folder.resolve("participants.csv"), participants);
        return folder;
    }

    @Test
    void writesTheJsonContractWithTheFolderIdsAndCohorts() throws IOException {
        Path out = dir.resolve("out/result.json");

        Run run = analyze("--polis-export", twoCampFolder().toString(), "--seed", "7", "--out", out.toString());

        assertThat(run.exit).as(run.err).isZero();
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(fieldNames(json)).containsAll(CONTRACT_KEYS);
        assertThat(json.get("participants").asInt()).isEqualTo(10);
        assertThat(json.get("statements").asInt())
                .as("the rejected comment 6 is out of the math")
                .isEqualTo(6);
        assertThat(json.get("votes").asInt()).isEqualTo(60);
        assertThat(fieldNames(json.get("projection")))
                .containsExactlyInAnyOrder("100", "101", "102", "103", "104", "105", "106", "107", "108", "109");
        assertThat(json.get("groups")).hasSize(2);
        List<List<Integer>> groups = new ArrayList<>();
        json.get("groups")
                .forEach(g ->
                        groups.add(StreamSupport.stream(g.get("participants").spliterator(), false)
                                .map(JsonNode::asInt)
                                .toList()));
        assertThat(groups)
                .containsExactlyInAnyOrder(List.of(100, 101, 102, 103, 104), List.of(105, 106, 107, 108, 109));
        JsonNode jpOnStatement0 = json.at("/cohorts/country/JP/0");
        assertThat(jpOnStatement0.get("agree").asInt())
                .as("voter 100's later agree replaced the disagree")
                .isEqualTo(5);
        assertThat(jpOnStatement0.get("disagree").asInt()).isZero();
        assertThat(json.at("/cohorts/country/KR/0/disagree").asInt()).isEqualTo(5);
        assertThat(json.at("/cohorts/country/JP/6").isMissingNode()).isTrue();
        assertThat(json.at("/seconds/load").isNumber()).isTrue();
        assertThat(json.at("/seconds/analysis").isNumber()).isTrue();
        json.get("groups")
                .forEach(g -> g.get("representative")
                        .forEach(r -> assertThat(r.get("direction").asText()).isIn("agree", "disagree")));
        assertThat(run.out).contains("10 participants in the map");
    }

    @Test
    void sameSeedGivesTheSameResult() throws IOException {
        Path folder = twoCampFolder();
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        analyze("--polis-export", folder.toString(), "--out", first.toString());
        analyze("--polis-export", folder.toString(), "--out", second.toString());

        JsonNode a = JSON.readTree(first.toFile());
        JsonNode b = JSON.readTree(second.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("seconds");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("seconds");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void refusesAMalformedFolderNamingTheFileAndLine() throws IOException {
        Path folder = twoCampFolder();
        Files.writeString(
                folder.resolve("votes.csv"),
                "timestamp,datetime,comment-id,voter-id,vote\n5000,x,0,100,1\n5001,x,zero,101,1\n");
        Path out = dir.resolve("never.json");

        Run run = analyze("--polis-export", folder.toString(), "--out", out.toString());

        assertThat(run.exit).isNotZero();
        assertThat(run.err).contains("votes.csv:3");
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesAMissingFolder() {
        Run run = analyze(
                "--polis-export",
                dir.resolve("nowhere").toString(),
                "--out",
                dir.resolve("x.json").toString());

        assertThat(run.exit).isNotZero();
        assertThat(run.err).contains("nowhere").contains("not a folder");
    }

    /**
     * Ten voters on the six comments in the math and on the rejected comment 6; voter 110 voted on
     * five of the six and on both rejected comments 6 and 7.
     */
    private Path moderatedOutFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("moderated-out"));
        StringBuilder comments =
                new StringBuilder("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
        for (int c = 0; c <= 7; c++) {
            comments.append(1_000 + c)
                    .append(",x,")
                    .append(c)
                    .append(",100,0,0,")
                    .append(c >= 6 ? -1 : 1)
                    .append(",Statement ")
                    .append(c)
                    .append('\n');
        }
        StringBuilder votes = new StringBuilder("timestamp,datetime,comment-id,voter-id,vote\n");
        for (int voter = 100; voter <= 110; voter++) {
            for (int c = 0; c <= 7; c++) {
                boolean votes110 = c != 5;
                if (voter == 110 ? votes110 : c < 7) {
                    int value = (c < 3) == (voter < 105) ? 1 : -1;
                    votes.append(10_000 + voter * 10 + c)
                            .append(",x,")
                            .append(c)
                            .append(',')
                            .append(voter)
                            .append(',')
                            .append(value)
                            .append('\n');
                }
            }
        }
        Files.writeString(folder.resolve("comments.csv"), comments);
        Files.writeString(folder.resolve("votes.csv"), votes);
        return folder;
    }

    @Test
    void thePolisMethodAdmitsAVoterWhoseVotesOnModeratedOutCommentsMakeUpTheThreshold() throws IOException {
        Path folder = moderatedOutFolder();
        Path ours = dir.resolve("default.json");
        Path polis = dir.resolve("polis.json");

        Run byDefault = analyze("--polis-export", folder.toString(), "--out", ours.toString());
        Run byPolis = analyze("--polis-export", folder.toString(), "--method", "polis", "--out", polis.toString());

        assertThat(byDefault.exit).as(byDefault.err).isZero();
        assertThat(byPolis.exit).as(byPolis.err).isZero();
        // Default: min(7, 6 statements) = 6 votes in the math; voter 110 has 5. Pol.is: min(7, 6 + 2 zeroed
        // columns) = 7 votes on any statement; the others have 6 + 1, voter 110 has 5 + 2.
        assertThat(JSON.readTree(ours.toFile()).get("projection").has("110")).isFalse();
        JsonNode json = JSON.readTree(polis.toFile());
        assertThat(json.get("projection").has("110")).isTrue();
        assertThat(json.get("participants").asInt()).isEqualTo(11);
        assertThat(json.get("statements").asInt())
                .as("moderated-out comments stay out of every statistic")
                .isEqualTo(6);
    }

    @Test
    void refusesAnUnknownMethod() {
        Run run = analyze(
                "--polis-export",
                dir.toString(),
                "--method",
                "louvain",
                "--out",
                dir.resolve("x.json").toString());

        assertThat(run.exit).isNotZero();
        assertThat(run.err).contains("default or polis");
    }

    @Test
    void analysesARealPolisExportLikePolis() throws IOException {
        Path folder = SharedData.polisDataset("vtaiwan.uberx");
        Path out = dir.resolve("vtaiwan.json");

        Run run = analyze("--polis-export", folder.toString(), "--method", "polis", "--out", out.toString());

        assertThat(run.exit).as(run.err).isZero();
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(fieldNames(json)).containsAll(CONTRACT_KEYS);
        // Pol.is's own result: 1,219 participants with a group-id, in 2 groups. 119 of the 197 comments
        // are not moderated out; 49,348 of the 49,443 latest votes are on those.
        assertThat(json.get("participants").asInt()).isBetween(1_207, 1_231);
        assertThat(json.get("groups")).hasSize(2);
        assertThat(json.get("statements").asInt()).isEqualTo(119);
        assertThat(json.get("votes").asInt()).isEqualTo(49_348);
        assertThat(json.get("projection").size())
                .isEqualTo(json.get("participants").asInt());
        assertThat(json.get("bridging")).hasSize(119);
        assertThat(json.at("/groups/0/participants/0").isIntegralNumber()).isTrue();
        assertThat(json.at("/consensus/0/statement").isIntegralNumber()).isTrue();
        assertThat(json.get("convergence").size()).isPositive();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    record Run(int exit, String out, String err) {}

    static Run analyze(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "analyze";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cli.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }
}
