package org.pactbridge.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.engine.ReleaseEngine;

/** The layering of docs/design.md, stated as sentences and checked on the compiled classes. */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      // the core's test jar (conformance vectors, LabelFixtures) is on this module's test classpath;
      // DO_NOT_INCLUDE_TESTS knows test-classes folders, not test jars
      .withImportOption(location -> !location.contains("-tests.jar"))
      .importPackages("org.pactbridge");

  @Test
  void theCoreDependsOnNothingButTheJdk() {
    classes().that().resideInAPackage("org.pactbridge.core..")
        // The JDK's own XML API is allowed: STANAG 4774 labels are read with it (DTDs and external entities off).
        .should().onlyDependOnClassesThat().resideInAnyPackage("org.pactbridge.core..", "java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..")
        .because("the core is plain Java: no framework, no I/O library")
        .check(CLASSES);
  }

  @Test
  void theCoreNeitherDoesIoNorReadsTheClock() {
    classes().that().resideInAPackage("org.pactbridge.core..")
        .should().onlyDependOnClassesThat(JavaClass.Predicates.resideOutsideOfPackages("java.io..", "java.nio..", "java.net..", "java.sql..")
            // reading XML from a String in memory needs a StringReader, and the parser declares IOException
            .or(JavaClass.Predicates.equivalentTo(java.io.StringReader.class))
            .or(JavaClass.Predicates.equivalentTo(java.io.IOException.class)))
        .because("the core does no I/O")
        .check(CLASSES);
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage("org.pactbridge.core..")
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .because("instants are passed in, never read from the clock")
        .check(CLASSES);
  }

  @Test
  void outerLayersDependOnInnerOnesNeverTheReverse() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("Core").definedBy("org.pactbridge.core..")
        .layer("World").definedBy("org.pactbridge.world..")
        .layer("Geo").definedBy("org.pactbridge.geo..")
        .layer("Tdf").definedBy("org.pactbridge.tdf..")
        .layer("Store").definedBy("org.pactbridge.store..")
        .layer("Service").definedBy("org.pactbridge.service..")
        .layer("Api").definedBy("org.pactbridge.api..")
        .layer("Server").definedBy("org.pactbridge.server..")
        .layer("Cli").definedBy("org.pactbridge.cli..")
        .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("Server").mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Api").mayOnlyBeAccessedByLayers("Server", "Cli")
        .whereLayer("Service").mayOnlyBeAccessedByLayers("Server", "Cli")
        .whereLayer("Store").mayOnlyBeAccessedByLayers("Service", "Server", "Cli")
        // the ZTDF format sits on the core; the store, the service layer, the server and the CLI use it,
        // never the core or the api
        .whereLayer("Tdf").mayOnlyBeAccessedByLayers("Store", "Service", "Server", "Cli")
        .whereLayer("World").mayOnlyBeAccessedByLayers("Geo", "Store", "Service", "Api", "Server", "Cli")
        .whereLayer("Geo").mayOnlyBeAccessedByLayers("Api", "Server", "Cli")
        .check(CLASSES);
  }

  @Test
  void onlyTheServiceLayerAndTheWiringReachIntoTheStore() {
    classes().that().resideInAPackage("org.pactbridge.store..")
        .should().onlyHaveDependentClassesThat(JavaClass.Predicates.resideInAnyPackage("org.pactbridge.store..", "org.pactbridge.service..")
            .or(JavaClass.Predicates.belongToAnyOf(
                // the server's wiring opens the store (H2 protection included) and hands it to the service layer
                org.pactbridge.server.NodeServer.class, org.pactbridge.server.ServerConfig.class,
                // the command line's wiring: which database, migrations with a progress line, opening it for serve
                StoreOptions.class, TerminalProgress.class, ServeCommand.class))
            // the server's error mapping reads the store's exception to give it a status, and nothing else
            .or(JavaClass.Predicates.resideInAPackage("org.pactbridge.server").and(JavaClass.Predicates.simpleName("ExceptionProblems"))))
        .because("the use cases live in the service layer: the server and the command line call it, they do not reach into the store"
            + " themselves except to open it")
        .check(CLASSES);
  }

  @Test
  void outerModulesUseOnlyThePackagesTheCoreExports() throws Exception {
    // the list is the core's own module-info.class, read where the core's classes are on this class path
    Path core = Path.of(ReleaseEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor descriptor = ModuleFinder.of(core).find("org.pactbridge.core").orElseThrow().descriptor();
    Set<String> hidden = new TreeSet<>(descriptor.packages());
    descriptor.exports().forEach(export -> hidden.remove(export.source()));
    assertThat(hidden).as("packages the core does not export").contains("org.pactbridge.core.release.compiled");

    noClasses().that().resideOutsideOfPackage("org.pactbridge.core..")
        .should().dependOnClassesThat().resideInAnyPackage(hidden.toArray(String[]::new))
        .because("the core's module-info exports its front only; the compiled engine is reached through ReleaseEngine")
        .check(CLASSES);
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    // one slice per package, in every module: a cycle between any two packages fails
    slices().matching("org.pactbridge.(**)").should().beFreeOfCycles()
        .because("a package cycle makes two packages one, and hides where a change lands")
        .check(CLASSES);
  }
}
