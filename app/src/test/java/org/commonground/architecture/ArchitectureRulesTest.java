package org.commonground.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The architecture rules catch what they are for: each is shown failing on a planted fixture. */
class ArchitectureRulesTest {
    private static final String FIXTURE = "fixture.architecture";

    private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void aPlantedPackageCycleFailsTheCycleRule() {
        EvaluationResult result = ArchitectureRules.noCycles(FIXTURE + ".cycle").evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("Cycle detected")
                .contains("CycleStart")
                .contains("CycleEnd");
    }

    @Test
    void plumbingImportingAFeatureFailsTheLayering() {
        EvaluationResult result = ArchitectureRules.layered(FIXTURE + ".layers", List.of("web", "report"))
                .evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("PlantedPlumbing")
                .contains("PlantedReport");
    }

    @Test
    void aSubpackageBelongsToItsLayer() {
        // As forum.planning is part of forum: web.deep sits with web, report.planning with report.
        EvaluationResult result = ArchitectureRules.layered(FIXTURE + ".layers", List.of("web", "report"))
                .evaluate(fixtures);

        assertThat(result.getFailureReport().toString())
                .contains("PlantedDeepPlumbing")
                .contains("PlantedSolver");
    }

    @Test
    void theLayeringAllowsDependenciesDownwards() {
        EvaluationResult result = ArchitectureRules.layered(FIXTURE + ".layers", List.of("report", "web"))
                .evaluate(fixtures);

        assertThat(result.hasViolation()).isFalse();
    }

    @Test
    void sqlOutsideAStoreFailsTheStoreRule() {
        EvaluationResult result =
                ArchitectureRules.sqlOnlyInStores(FIXTURE, Set.of()).evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("PlantedPlumbing")
                .contains("org.jdbi");
    }
}
