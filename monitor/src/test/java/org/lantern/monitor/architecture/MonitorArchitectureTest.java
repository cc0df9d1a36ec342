package org.lantern.monitor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitor engine is plain Java beneath everything else: the server, the CLI and the proxy
 * call it, never the other way round, so it runs the same in a unit test, a benchmark and any of
 * them. It may use the policy engine and its three libraries (ICU, the automaton, CSV), nothing
 * else. The server's ArchitectureTest checks the same from the server's side.
 */
class MonitorArchitectureTest {

    private static JavaClasses monitor;

    @BeforeAll
    static void importClasses() {
        monitor = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.lantern.monitor");
    }

    @Test
    void dependsOnNothingButThePolicyEngineAndItsLibraries() {
        classes().that().resideInAPackage("org.lantern.monitor..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.lantern.monitor..", "org.lantern.policy..", "java..",
                        "com.ibm.icu..", "com.hankcs.algorithm..", "org.apache.commons.csv..")
                .check(monitor);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.lantern.monitor.(*)..").should().beFreeOfCycles().check(monitor);
    }
}
