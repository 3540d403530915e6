package org.pactbridge.geo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The geo module sits just outside the core: it knows the core and its libraries, nothing further out. */
class GeoLayeringTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.pactbridge.geo");

  @Test
  void geoDependsOnTheCoreAndItsGeometryLibrariesOnly() {
    classes().that().resideInAPackage("org.pactbridge.geo..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "org.pactbridge.geo..", "org.pactbridge.core..", "org.locationtech.jts..", "org.locationtech.proj4j..",
            "com.fasterxml.jackson..", "java..")
        .because("area tests need geometry, not the world loader, the store or any interface")
        .check(CLASSES);
  }
}
