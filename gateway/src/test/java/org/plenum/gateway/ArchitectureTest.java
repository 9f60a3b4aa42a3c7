package org.plenum.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway is an engine in plain Java with a thin Quarkus shell around it. These rules keep it so: the engine
 * knows neither Quarkus nor the shell, its packages form no cycles, and the shell reaches only the engine's public
 * packages, never the planner's or the executor's insides.
 */
class ArchitectureTest {

    private static final String ENGINE = "org.plenum.gateway.engine..";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.plenum.gateway");

    @Test
    void theEngineKnowsNeitherTheFrameworkNorTheShellNorAnyDomain() {
        noClasses().that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.vertx..", "jakarta..",
                        "org.eclipse.microprofile..", "io.smallrye.config..", "io.micrometer..", "org.plenum.speakers..",
                        "org.plenum.topics..", "org.plenum.subgraph..")
                .orShould().dependOnClassesThat().resideInAPackage("org.plenum.gateway")
                .orShould().dependOnClassesThat().resideOutsideOfPackages(ENGINE, "java..", "graphql..",
                        "io.smallrye.mutiny..", "com.github.benmanes.caffeine..", "com.fasterxml.jackson..", "org.dataloader..",
                        "org.reactivestreams..")
                .check(CLASSES);
    }

    @Test
    void theEnginesPackagesFormNoCycles() {
        slices().matching("org.plenum.gateway.engine.(*)..").should().beFreeOfCycles().check(CLASSES);
        // the root package is the facade: its subpackages never call back into it
        noClasses().that().resideInAPackage("org.plenum.gateway.engine.*..")
                .should().dependOnClassesThat().resideInAPackage("org.plenum.gateway.engine")
                .check(CLASSES);
    }

    @Test
    void theShellsPackagesFormNoCycles() {
        slices().matching("org.plenum.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theShellUsesOnlyTheEnginesPublicPackages() {
        noClasses().that().resideOutsideOfPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("org.plenum.gateway.engine.plan..",
                        "org.plenum.gateway.engine.planning..", "org.plenum.gateway.engine.execute..")
                .check(CLASSES);
    }
}
