package org.commonground.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The habits of the app's structure as ArchUnit rules, parameterised by the root package so that
 * {@code ArchitectureRulesTest} can show each of them failing on planted fixtures.
 */
final class ArchitectureRules {
    private ArchitectureRules() {}

    /** No two packages under {@code root} depend on each other, directly or round about. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * Each package depends only on the ones before it in {@code lowToHigh} (packages not listed,
     * such as the engine, are not constrained here).
     */
    static ArchRule layered(String root, List<String> lowToHigh) {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < lowToHigh.size() - 1; i++) {
            String[] higher = lowToHigh.subList(i + 1, lowToHigh.size()).stream()
                    .map(p -> root + "." + p + "..")
                    .toArray(String[]::new);
            rules.add(noClasses()
                    .that()
                    .resideInAPackage(root + "." + lowToHigh.get(i) + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(higher)
                    .because(lowToHigh.get(i) + " sits below "
                            + String.join(", ", lowToHigh.subList(i + 1, lowToHigh.size())))
                    .allowEmptyShould(true)); // a layer may be listed before its package arrives
        }
        return CompositeArchRule.of(rules);
    }

    /**
     * Only stores run SQL: nothing else calls Jdbi or JDBC. {@code exempt} names (simple names) the
     * classes allowed besides classes named {@code …Store} and the {@code db} plumbing.
     */
    static ArchRule sqlOnlyInStores(String root, Set<String> exempt) {
        DescribedPredicate<JavaClass> notAStore = DescribedPredicate.describe(
                "are not stores",
                c -> !topLevelName(c).endsWith("Store")
                        && !c.getPackageName().startsWith(root + ".db")
                        && !exempt.contains(topLevelName(c)));
        // Reading an error's SQLSTATE (to answer 503 on an outage) classifies a failure; it runs no SQL.
        DescribedPredicate<JavaAccess<?>> toDatabase = DescribedPredicate.describe(
                "Jdbi or JDBC",
                a -> (a.getTargetOwner().getPackageName().startsWith("org.jdbi")
                                || a.getTargetOwner().getPackageName().startsWith("java.sql"))
                        && !a.getTargetOwner().isAssignableTo(java.sql.SQLException.class));
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and(notAStore)
                .should()
                .accessTargetWhere(toDatabase)
                .because("SQL lives in stores, one owner per table");
    }

    /**
     * One data-access style: fluent Jdbi (a {@code Handle} and text-block SQL). Only {@code db}
     * may name Jdbi's SqlObject, to install its plugin for callers outside the app.
     */
    static ArchRule fluentJdbiOnly(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".db..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jdbi.v3.sqlobject..")
                .because("stores use fluent Jdbi, one data-access style");
    }

    /** The simple name of the top-level class {@code c} is or sits in (a store's nested helpers are the store's). */
    static String topLevelName(JavaClass c) {
        String name = c.getName()
                .substring(c.getPackageName().isEmpty() ? 0 : c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** Pages and routes take what they need from stores; they never hold a Jdbi or a JDBC type. */
    static ArchRule noDatabaseInPagesOrRoutes(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".db..")
                .and()
                .haveSimpleNameEndingWith("Pages")
                .or()
                .haveSimpleNameEndingWith("Routes")
                .and()
                .resideOutsideOfPackage(root + ".db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jdbi..", "java.sql..");
    }

    /**
     * A feature's stores are its own: other features, tools and tests ask it through its entry and
     * the narrow interfaces the stores implement ({@code account.Accounts}, {@code participation.Votes}, …).
     */
    static ArchRule storesArePackagePrivate(String root) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .haveSimpleNameEndingWith("Store")
                .should()
                .notBePublic()
                .because("other features ask a feature through its entry, never its stores");
    }

    /** A feature's routes and pages are its own: reached through its entry, never imported. */
    static ArchRule pagesAndRoutesArePackagePrivate(String root) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".db..")
                .and()
                .haveSimpleNameEndingWith("Pages")
                .or()
                .haveSimpleNameEndingWith("Routes")
                .and()
                .resideOutsideOfPackage(root + ".db..")
                .and()
                .resideOutsideOfPackage(root + ".web..")
                .should()
                .notBePublic();
    }
}
