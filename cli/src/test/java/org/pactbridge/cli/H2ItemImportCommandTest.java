package org.pactbridge.cli;

import java.nio.file.Path;

/** {@link ItemImportCommandContract} on an embedded H2 file. */
class H2ItemImportCommandTest extends ItemImportCommandContract {
  @Override
  String newDatabase(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge");
  }

  @Override
  void dropDatabase() {}
}
