package org.commonground.polis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.commonground.db.Database;
import org.commonground.testing.SharedData;
import org.commonground.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Import → export → import keeps everything, for every real Pol.is conversation we have, on both databases. */
@ParameterizedClass
@EnumSource(TestDatabase.Kind.class)
class PolisRoundTripTest {
    static TestDatabase db;
    static Jdbi jdbi;

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path tmp;

    @BeforeParameterizedClassInvocation
    static void open(TestDatabase.Kind kind) {
        db = TestDatabase.fresh(kind);
        jdbi = Database.jdbi(db.dataSource());
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    static Stream<Path> datasets() {
        return SharedData.polisDatasets().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void importExportImportKeepsEveryStatementVoteAndCohort(Path dataset) {
        PolisExport original = PolisExport.read(dataset);

        PolisExport once = roundTrip(jdbi, original, tmp.resolve("once"));
        PolisExport twice = roundTrip(jdbi, once, tmp.resolve("twice"));

        Fingerprint expected = Fingerprint.of(original);
        assertThat(Fingerprint.of(once)).isEqualTo(expected);
        assertThat(Fingerprint.of(twice)).isEqualTo(expected);
        assertThat(once.summary().topic()).isEqualTo(original.summary().topic());
    }

    /** Into the database, out as a folder, and read back from that folder. */
    static PolisExport roundTrip(Jdbi jdbi, PolisExport export, Path folder) {
        var result = new PolisImport(jdbi)
                .run(export, ImportedConversation.imported(export, null, "round-trip"), ImportProgress.NONE);
        new ConversationExport(jdbi).load(result.conversationId()).write(folder);
        return PolisExport.read(folder);
    }
}
