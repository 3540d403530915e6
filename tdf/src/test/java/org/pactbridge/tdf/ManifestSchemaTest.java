package org.pactbridge.tdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.tdf.TdfFixtures.*;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every manifest Pactbridge writes validates against the OpenTDF 4.3.0 JSON schema (test resource, Clear BSD). */
class ManifestSchemaTest {
  private static final Schema SCHEMA = load();

  private static Schema load() {
    try (InputStream in = ManifestSchemaTest.class.getResourceAsStream("/opentdf/manifest.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String manifest(byte[] archive) {
    return new String(entries(archive).get(TdfWriter.MANIFEST_ENTRY), StandardCharsets.UTF_8);
  }

  @Test
  void aWrittenManifestValidates() {
    List<Error> errors = SCHEMA.validate(manifest(write(writer(), randomBytes(5000, 1))), InputFormat.JSON);
    assertThat(errors).isEmpty();
  }

  @Test
  void aManifestWithSeveralKasesAndNoTitleValidates() {
    TdfWriter writer = TdfWriter.of(List.of(new KasKey(KAS_URL, "kas-1", KAS.getPublic()),
        new KasKey(OTHER_KAS_URL, "kor-7", OTHER_KAS.getPublic())), new SigningKey("assert-1", ASSERTION.getPrivate()));
    var out = new java.io.ByteArrayOutputStream();
    writer.write(content(org.pactbridge.core.item.ItemTitle.NONE), new java.io.ByteArrayInputStream(new byte[0]), out);
    assertThat(SCHEMA.validate(manifest(out.toByteArray()), InputFormat.JSON)).isEmpty();
  }

  @Test
  void theSchemaIsNotVacuous() {
    // the legacy form lacks payload.tdf_spec_version, which the 4.3.0 schema requires
    List<Error> errors = SCHEMA.validate(manifest(write(writer().withForm(TdfForm.LEGACY), randomBytes(10, 2))), InputFormat.JSON);
    assertThat(errors).isNotEmpty();
    assertThat(errors.toString()).contains("tdf_spec_version");
  }
}
