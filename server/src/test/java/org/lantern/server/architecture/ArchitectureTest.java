package org.lantern.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies point one way: engines (the {@code policy} and {@code monitor} modules, later
 * {@code filter}) and the {@code activity} log's store know nothing of the server or of Spring; server features do not form cycles;
 * identity, the base every feature stands on, depends on no other feature but the audit chain,
 * which depends on nothing.
 */
class ArchitectureTest {

    private static JavaClasses lantern;

    @BeforeAll
    static void importClasses() {
        lantern = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lantern");
    }

    @Test
    void policyEngineIsPlainJava() {
        noClasses().that().resideInAPackage("org.lantern.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.lantern.server..", "jakarta..")
                .check(lantern);
    }

    @Test
    void activityLogIsPlainJavaBelowTheServer() {
        noClasses().that().resideInAPackage("org.lantern.activity..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.lantern.server..", "org.lantern.proxy..", "jakarta..")
                .check(lantern);
    }

    @Test
    void monitorEngineIsPlainJavaBelowTheServerCliAndProxy() {
        noClasses().that().resideInAPackage("org.lantern.monitor..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "org.lantern.server..", "org.lantern.cli..",
                        "org.lantern.proxy..", "org.lantern.filter..", "org.lantern.activity..")
                .check(lantern);
    }

    @Test
    void serverFeaturesAreFreeOfCycles() {
        slices().matching("org.lantern.server.(*)..").should().beFreeOfCycles().check(lantern);
    }

    @Test
    void identityDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("org.lantern.server.identity..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.lantern.server.people..", "org.lantern.server.policy..", "org.lantern.server.web..")
                .check(lantern);
    }

    @Test
    void featuresDoNotReachIntoTheWebLayer() {
        noClasses().that().resideInAnyPackage("org.lantern.server.people..", "org.lantern.server.policy..")
                .should().dependOnClassesThat().resideInAPackage("org.lantern.server.web..")
                .check(lantern);
    }

    @Test
    void everyCsvFileIsWrittenByTheOneWriterThatDisarmsFormulas() {
        noClasses().that().doNotHaveFullyQualifiedName("org.lantern.server.http.SafeCsv")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
                .because("a spreadsheet runs formulas typed into any cell; SafeCsv disarms them all")
                .check(lantern);
    }
}
