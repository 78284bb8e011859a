package org.commonground.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's structure, enforced (docs/architecture.md): packages free of cycles, layered one way
 * with the plumbing ({@code problem}, {@code web}, {@code db}) importing no feature, and SQL only
 * in stores. Run alone with {@code mvn -q -pl app test -Dtest=ArchitectureTest}.
 */
class ArchitectureTest {
    static final String ROOT = "org.commonground";

    /** Low → high. A package may use the ones before it, never one after it. */
    static final List<String> LAYERS = List.of(
            "problem",
            "web",
            "db",
            "mail",
            "account",
            "conversation",
            "statement",
            "translation",
            "moderation",
            "text",
            "participation",
            "embed",
            "integrity",
            "results",
            "privacy",
            "report",
            "forum",
            "dialogue",
            "team",
            "reminder",
            "polis",
            "demo",
            "cli");

    /**
     * Classes that run SQL outside a store: none any more. The Pol.is import and export, the last
     * ones, go through each table owner's bulk methods on one transaction's handle.
     */
    static final Set<String> SQL_OUTSIDE_STORES = Set.of();

    static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/gg/jte/"))
                .importPackages(ROOT);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchitectureRules.noCycles(ROOT).check(app);
    }

    @Test
    void dependenciesRunOneWayAndPlumbingImportsNoFeature() {
        ArchitectureRules.layered(ROOT, LAYERS).check(app);
    }

    @Test
    void onlyStoresRunSql() {
        ArchitectureRules.sqlOnlyInStores(ROOT, SQL_OUTSIDE_STORES).check(app);
    }

    @Test
    void storesUseFluentJdbiOnly() {
        ArchitectureRules.fluentJdbiOnly(ROOT).check(app);
    }

    @Test
    void storesArePackagePrivate() {
        ArchitectureRules.storesArePackagePrivate(ROOT).check(app);
    }

    @Test
    void pagesAndRoutesHoldNoDatabase() {
        ArchitectureRules.noDatabaseInPagesOrRoutes(ROOT).check(app);
    }

    @Test
    void featurePagesAndRoutesArePackagePrivate() {
        ArchitectureRules.pagesAndRoutesArePackagePrivate(ROOT).check(app);
    }
}
