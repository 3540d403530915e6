package org.pactbridge.cli;

import java.nio.file.Path;

/** {@link ItemImportCommandContract} on the test PostgreSQL, in a schema of its own. */
class PostgresItemImportCommandTest extends ItemImportCommandContract {
  @Override
  String newDatabase(Path dir) throws Exception {
    return ImportFixtures.newSchema("itemimport");
  }

  @Override
  void dropDatabase() throws Exception {
    ImportFixtures.dropSchema(db);
  }
}
