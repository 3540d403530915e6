package org.pactbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.label.marking.PartyDirectory;
import org.pactbridge.core.label.stanag.Stanag4774;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.service.ItemArchives;
import org.pactbridge.service.KasRefusal;
import org.pactbridge.service.KeyAccessService;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.service.ServiceException;
import org.pactbridge.tdf.AlternativeLabel;
import org.pactbridge.tdf.KeyAccess;
import org.pactbridge.tdf.PolicyLabel;
import org.pactbridge.tdf.RewrapToken;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfException;
import org.pactbridge.tdf.TdfPolicy;
import org.pactbridge.tdf.TdfWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pactbridge tdf export|inspect|import|decrypt}: items as ZTDF archives (docs/ztdf.md). Export decides
 * now on the node's clock and writes only on a PERMIT (exit 3 otherwise, with the reasons); inspect shows an
 * archive without decrypting it; import checks an archive written for this node's KAS and registers its
 * item; decrypt opens an archive through a key access service, which decides first (exit 3 when it
 * refuses). An archive that fails a check exits 4, naming the part. Output never carries content or title.
 *
 * <p>Over 400 lines: the four subcommands share the exit statuses, the node's options and the error
 * handling, and decrypt's local and remote key access are small classes beside it.
 */
@Command(name = "tdf", mixinStandardHelpOptions = true,
    description = "Items as ZTDF archives (ACP-240): export an item for a recipient, inspect an archive, import one, decrypt one"
        + " through a key access service that decides first.",
    subcommands = {TdfCommand.Export.class, TdfCommand.Inspect.class, TdfCommand.Import.class, TdfCommand.Decrypt.class})
final class TdfCommand implements Runnable {
  /** Exit status of an export the decision refuses (DENY or CONSENT_REQUIRED): nothing was written. */
  static final int REFUSED = 3;
  /** Exit status of an archive that fails an integrity check (zip, manifest, segment, binding): the line names the part. */
  static final int INTEGRITY = 4;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options of the commands that act as the node: its nation and its KAS URL. */
  static final class NodeOptions {
    @Option(names = "--party", paramLabel = "PARTY", description = "The nation this node serves, as serve's --party (default: ${DEFAULT-VALUE}).")
    String party = "KOR";

    @Option(names = "--kas-url", paramLabel = "URL",
        description = "This node's KAS URL as archives name it (default: the URL serve recorded in the store).")
    String kasUrl;

    PartyCode party(Registry registry) {
      return registry.requireParty(party).code();
    }
  }

  /** A refusal of the service layer is bad input with its message (exit 2). */
  static BadInputException badInput(ServiceException e) {
    return new BadInputException(e.getMessage());
  }

  /** An archive that fails a check: one line naming the reason and the part, exit 4. */
  static int integrity(PrintWriter err, TdfException e) {
    err.println("pactbridge: " + e.getMessage());
    err.flush();
    return INTEGRITY;
  }

  /** Reads an RSA public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
  static PublicKey readPublicKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new BadInputException("no such file: " + file);
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    String begin = "-----BEGIN PUBLIC KEY-----";
    String end = "-----END PUBLIC KEY-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new BadInputException(file + " is not a PEM public key (" + begin + ")");
    }
    PublicKey key = RewrapToken.parsePem(text.substring(from, to + end.length()));
    if (key == null) {
      throw new BadInputException(file + " does not hold an RSA public key");
    }
    return key;
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Export an item as a ZTDF archive for a recipient nation.",
          "Decides now, on this node's clock, releasing from the node's nation: a PERMIT records the release and the recipient's holding"
              + " (audited) and writes the archive (exit 0); DENY or CONSENT_REQUIRED writes nothing and prints the reasons (exit 3)."
              + " The archive is written to a temporary file beside FILE and moved into place when complete."})
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Mixin NodeOptions node = new NodeOptions();

    @Mixin RemoteNode remote = new RemoteNode();

    @Option(names = "--item", paramLabel = "ID", required = true, description = "The item's id (as item add printed it).")
    String item;

    @Option(names = "--to", paramLabel = "PARTY", required = true, description = "The recipient nation.")
    String to;

    @Option(names = "--out", paramLabel = "FILE.tdf", required = true, description = "Where to write the archive.")
    Path out;

    @Override
    public Integer call() {
      Path target = out.toAbsolutePath();
      Path folder = target.getParent();
      if (folder == null || !Files.isDirectory(folder)) {
        throw new BadInputException("--out " + out + ": the folder " + folder + " does not exist");
      }
      if (Files.isDirectory(target)) {
        throw new BadInputException("--out " + out + " is a folder; give a file name");
      }
      PrintWriter stdout = spec.commandLine().getOut();
      if (remote.given()) {
        return exportThroughNode(remote.client(store), target, stdout);
      }
      try (OperatorServices opened = store.open(spec.commandLine().getErr(), true)) {
        Registry registry = ItemCommand.registryOf(opened);
        PartyCode recipient = registry.requireParty(to).code();
        ItemArchives archives = opened.itemArchives(registry, node.party(registry), Clock.systemUTC());
        Path temporary = temporaryBeside(target);
        try {
          ItemArchives.Export export;
          try (OutputStream stream = Files.newOutputStream(temporary)) {
            export = archives.exportAsOperator(StoreOptions.operator(), item, recipient, Optional.ofNullable(node.kasUrl), stream);
          } catch (ServiceException e) {
            throw badInput(e);
          }
          var decision = export.decided().decision();
          if (!export.permitted()) {
            stdout.printf("%s  item %s -> %s at %s: nothing written%n", decision.outcome(), item, recipient, DateSpec.format(decision.at()));
            for (Reason reason : decision.reasons()) {
              stdout.printf("  %-28s %s%n", reason.code(), reason.message());
            }
            return REFUSED;
          }
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          TdfWriter.Written written = export.written().orElseThrow();
          stdout.printf("PERMIT  item %s -> %s at %s, under %s at %s: wrote %s (%d segments, %d bytes of content, policy %s)%n", item, recipient,
              DateSpec.format(decision.at()), String.join(", ", decision.agreements().stream().map(Object::toString).toList()),
              decision.recipientLevel().map(level -> level.qualified()).orElse("?"), out, written.segments(), written.plaintextBytes(),
              written.policyUuid());
          return 0;
        } catch (IOException e) {
          throw new BadInputException("cannot write " + out + ": " + e.getClass().getSimpleName());
        } finally {
          deleteQuietly(temporary);
        }
      }
    }

    /**
     * {@code tdf export --node URL}: {@code POST /api/v1/items/{id}/exports} as the token's user (an
     * originator or disclosure officer), who decides and records as the node does; the archive names the
     * node's own KAS. A refusal prints the outcome and reasons and writes nothing (exit 3).
     */
    private int exportThroughNode(RemoteNode.Client client, Path target, PrintWriter stdout) {
      if (node.kasUrl != null) {
        throw new BadInputException("--kas-url is for a local export; through --node the archive names the node's own KAS");
      }
      if (!item.matches("[0-9A-Za-z-]{1,64}")) {
        throw new BadInputException("--item " + item + " is not an item id");
      }
      com.fasterxml.jackson.databind.node.ObjectNode body = org.pactbridge.api.json.Json.MAPPER.createObjectNode().put("to", to);
      RemoteNode.Answer answer = client.postJsonAnswer("/api/v1/items/" + item + "/exports", body);
      if (answer.isProblem()) {
        com.fasterxml.jackson.databind.JsonNode problem = answer.json();
        String code = problem.path("code").asText();
        if (answer.status() == 403 && (code.equals("DENY") || code.equals("CONSENT_REQUIRED"))) {
          com.fasterxml.jackson.databind.JsonNode decision = problem.path("decision");
          stdout.printf("%s  item %s -> %s at %s: nothing written%n", code, item, decision.path("recipient").asText(to),
              decision.path("at").asText());
          for (com.fasterxml.jackson.databind.JsonNode reason : decision.path("reasons")) {
            stdout.printf("  %-28s %s%n", reason.path("code").asText(), reason.path("message").asText());
          }
          return REFUSED;
        }
        throw new BadInputException("the node refused (" + answer.status() + " " + code + "): " + problem.path("detail").asText(""));
      }
      Path temporary = temporaryBeside(target);
      try {
        Files.write(temporary, answer.body());
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new BadInputException("cannot write " + out + ": " + e.getClass().getSimpleName());
      } finally {
        deleteQuietly(temporary);
      }
      stdout.printf("PERMIT  item %s -> %s through the node at %s: wrote %s (%d bytes)%n", item, to, client.base(), out, answer.body().length);
      return 0;
    }

    private static Path temporaryBeside(Path target) {
      try {
        return Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
      } catch (AccessDeniedException e) {
        throw new BadInputException("cannot write in " + target.getParent() + ": permission denied");
      } catch (IOException e) {
        throw new BadInputException("cannot write in " + target.getParent() + ": " + e.getClass().getSimpleName());
      }
    }

    private static void deleteQuietly(Path file) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind is named .FILE…part beside the target; nothing else depends on it
      }
    }
  }

  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = {"Show a ZTDF archive without decrypting it: its manifest, both labels, its key access objects, and whether each"
          + " assertion verifies.",
          "Assertions are verified with this node's assertion keys (from the store), or with --signer-key. Exit 4 when the archive or an"
              + " assertion fails a check, naming the part."})
  static final class Inspect implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Parameters(paramLabel = "FILE.tdf", description = "The archive.")
    Path file;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--signer-key", paramLabel = "PEM", description = "A peer's assertion public key (PEM) to verify the assertions with.")
    Path signerKey;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(file)) {
        throw new BadInputException("no such file: " + file);
      }
      Optional<PublicKey> signer = Optional.ofNullable(signerKey).map(TdfCommand::readPublicKey);
      PrintWriter out = spec.commandLine().getOut();
      try (OperatorServices opened = store.open(spec.commandLine().getErr()); TdfArchive archive = TdfArchive.open(file)) {
        Registry registry = ItemCommand.registryOf(opened);
        TdfArchive.AssertionKeys keys = signer.<TdfArchive.AssertionKeys>map(key -> (id, kid) -> Optional.of(key))
            .orElseGet(() -> opened.assertionKeys());
        ObjectNode summary = summary(archive, registry, keys);
        if (json) {
          out.println(Json.write(summary, true));
        } else {
          printText(out, summary);
        }
        out.flush();
        for (var assertion : summary.path("assertions")) {
          if (!assertion.path("verified").asBoolean()) {
            spec.commandLine().getErr().println("pactbridge: " + assertion.path("reason").asText() + " (assertion " + assertion.path("id").asText()
                + "): " + assertion.path("detail").asText());
            spec.commandLine().getErr().flush();
            return INTEGRITY;
          }
        }
        return 0;
      } catch (TdfException e) {
        return integrity(spec.commandLine().getErr(), e);
      }
    }

    static ObjectNode summary(TdfArchive archive, Registry registry, TdfArchive.AssertionKeys keys) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("form", archive.form().name());
      node.put("specVersion", archive.specVersion().orElse(null));
      node.put("mimeType", archive.mimeType());
      node.put("segments", archive.segmentCount());
      node.put("plaintextBytes", archive.plaintextSize());
      TdfPolicy policy = archive.policy();
      ObjectNode policyNode = node.putObject("policy");
      policyNode.put("uuid", policy.uuid());
      policy.label().ifPresentOrElse(label -> labelJson(policyNode.putObject("label"), label), () -> policyNode.putNull("label"));
      ArrayNode dissem = policyNode.putArray("dissem");
      policy.dissem().forEach(dissem::add);
      ArrayNode others = policyNode.putArray("otherAttributes");
      policy.otherAttributes().forEach(others::add);
      ArrayNode keyAccess = node.putArray("keyAccess");
      for (KeyAccess object : archive.keyAccess()) {
        ObjectNode entry = keyAccess.addObject();
        entry.put("index", object.index()).put("type", object.type()).put("url", object.url()).put("kid", object.kid()).put("sid", object.sid())
            .put("policyBindingAlg", object.bindingAlg()).put("encryptedMetadata", object.encryptedMetadata() != null);
      }
      ObjectNode labels = node.putObject("labels");
      ObjectNode originator = labels.putObject("originator");
      Optional<String> originatorXml = archive.findStatement(TdfWriter.ORIGINATOR_LABEL_ID);
      originator.put("present", originatorXml.isPresent());
      originatorXml.ifPresent(xml -> {
        try {
          Stanag4774 stanag = new Stanag4774(PartyDirectory.of(registry));
          originator.put("marking", stanag.displayMarking(stanag.read(xml)));
        } catch (RuntimeException e) {
          originator.put("marking", (String) null).put("error", "the label is not one this node reads");
        }
        originator.put("xml", xml);
      });
      ObjectNode alternative = labels.putObject("alternative");
      try {
        Optional<AlternativeLabel> label = archive.findAlternativeLabel();
        alternative.put("present", label.isPresent());
        label.ifPresent(value -> alternative.put("recipient", value.recipient().value()).put("level", value.level().toString())
            .put("agreement", value.agreement().value()).put("decidedAt", DateSpec.format(value.decidedAt())));
      } catch (TdfException e) {
        alternative.put("present", true).put("error", e.reason().name());
      }
      ArrayNode assertions = node.putArray("assertions");
      for (TdfArchive.AssertionStatus status : archive.assertionStatus(keys, null)) {
        ObjectNode entry = assertions.addObject();
        entry.put("id", status.id()).put("verified", status.verified()).put("reason", status.reason().map(Enum::name).orElse(null))
            .put("detail", status.detail());
      }
      return node;
    }

    private static void labelJson(ObjectNode node, PolicyLabel label) {
      ArrayNode originators = node.putArray("originators");
      label.originators().forEach(party -> originators.add(party.value()));
      node.put("classification", label.classification().toString());
      node.put("releasability", label.releasability().toString());
      node.put("orcon", label.orcon());
      ArrayNode topics = node.putArray("topics");
      label.topics().forEach(topic -> topics.add(topic.slug()));
    }

    private static void printText(PrintWriter out, ObjectNode summary) {
      out.printf("ZTDF %s (%s), %d segments, %d bytes of plaintext, %s%n", summary.path("specVersion").asText("legacy"),
          summary.path("form").asText(), summary.path("segments").asInt(), summary.path("plaintextBytes").asLong(), summary.path("mimeType").asText());
      var policy = summary.path("policy");
      var label = policy.path("label");
      if (label.isObject()) {
        out.printf("policy %s: %s %s%s, originators %s, topics %s, dissem %s%n", policy.path("uuid").asText(), label.path("classification").asText(),
            label.path("releasability").asText(), label.path("orcon").asBoolean() ? " ORCON" : "", join(label.path("originators")),
            join(label.path("topics")), policy.path("dissem").isEmpty() ? "(any entity the label admits)" : join(policy.path("dissem")));
      } else {
        out.printf("policy %s: no Pactbridge label%n", policy.path("uuid").asText());
      }
      for (var object : summary.path("keyAccess")) {
        out.printf("key access %d: %s for %s, kid %s%s, binding %s%s%n", object.path("index").asInt(), object.path("type").asText(),
            object.path("url").asText(), object.path("kid").asText("-"), object.path("sid").isTextual() ? ", split " + object.path("sid").asText() : "",
            object.path("policyBindingAlg").asText(), object.path("encryptedMetadata").asBoolean() ? ", title encrypted" : "");
      }
      var originator = summary.path("labels").path("originator");
      out.printf("originator label: %s%n", !originator.path("present").asBoolean() ? "none"
          : originator.path("marking").isTextual() ? originator.path("marking").asText() : originator.path("error").asText());
      var alternative = summary.path("labels").path("alternative");
      out.printf("alternative label: %s%n", !alternative.path("present").asBoolean() ? "none" : alternative.has("error")
          ? alternative.path("error").asText() : alternative.path("recipient").asText() + " " + alternative.path("level").asText() + " under "
          + alternative.path("agreement").asText() + ", decided " + alternative.path("decidedAt").asText());
      for (var assertion : summary.path("assertions")) {
        out.printf("assertion %s: %s%n", assertion.path("id").asText(), assertion.path("verified").asBoolean() ? "verified"
            : "NOT VERIFIED (" + assertion.path("reason").asText() + ")");
      }
    }

    private static String join(com.fasterxml.jackson.databind.JsonNode array) {
      List<String> values = new java.util.ArrayList<>();
      array.forEach(value -> values.add(value.asText()));
      return values.isEmpty() ? "none" : String.join(",", values);
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Import a ZTDF archive written for this node's KAS: register its item with its label, title and this node's holding.",
          "Checks the zip, the manifest, the key access object (this node's KAS and keys, the policy binding), the assertions and their"
              + " signer (this node's assertion keys, or --signer-key), every segment and the root signature, before anything is stored."
              + " Exit 4 when a check fails, naming the part; nothing is stored."})
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Mixin NodeOptions node = new NodeOptions();

    @Mixin RemoteNode remote = new RemoteNode();

    @Parameters(paramLabel = "FILE.tdf", description = "The archive.")
    Path file;

    @Option(names = "--signer-key", paramLabel = "PEM",
        description = "The assertion public key (PEM) of the node that wrote the archive, until federation brings peers' keys.")
    Path signerKey;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(file)) {
        throw new BadInputException("no such file: " + file);
      }
      if (remote.given()) {
        return importThroughNode(remote.client(store));
      }
      Optional<PublicKey> signer = Optional.ofNullable(signerKey).map(TdfCommand::readPublicKey);
      try (OperatorServices opened = store.open(spec.commandLine().getErr(), true)) {
        Registry registry = ItemCommand.registryOf(opened);
        ItemArchives archives = opened.itemArchives(registry, node.party(registry), Clock.systemUTC());
        ItemArchives.Imported imported;
        try {
          imported = archives.importArchive(file, Optional.ofNullable(node.kasUrl), signer, StoreOptions.operator());
        } catch (ServiceException e) {
          throw badInput(e);
        }
        var item = imported.item();
        var record = imported.archive();
        spec.commandLine().getOut().printf("imported item %s: %s %s%s, sha256 %s, policy %s%s; assertions %s%n", item.id(), item.level().qualified(),
            item.releasability(), item.orcon() ? " ORCON" : "", item.contentSha256(), record.policyUuid(),
            record.agreement().map(agreement -> ", received under " + agreement).orElse(""),
            String.join(", ", record.assertions().stream().map(check -> check.id() + " " + check.status().toLowerCase(java.util.Locale.ROOT)).toList()));
        return 0;
      } catch (TdfException e) {
        return integrity(spec.commandLine().getErr(), e);
      }
    }

    /**
     * {@code tdf import --node URL}: {@code POST /api/v1/items/imports} with the archive as {@code
     * application/zip} (at most the node's body limit), as the token's user; the node checks it whole.
     * A failed check is exit 4 naming the part, as locally.
     */
    private int importThroughNode(RemoteNode.Client client) {
      if (signerKey != null || node.kasUrl != null) {
        throw new BadInputException("--signer-key and --kas-url are for a local import; through --node the node uses its own keys");
      }
      byte[] archive;
      try {
        archive = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new BadInputException("cannot read " + file + ": " + e.getClass().getSimpleName());
      }
      RemoteNode.Answer answer = client.postBytesAnswer("/api/v1/items/imports", "application/zip", archive);
      if (answer.isProblem()) {
        com.fasterxml.jackson.databind.JsonNode problem = answer.json();
        if (answer.status() == 422) {
          spec.commandLine().getErr().printf("archive refused: %s (%s): %s%n", problem.path("code").asText(), problem.path("part").asText(),
              problem.path("detail").asText());
          return INTEGRITY;
        }
        throw new BadInputException("the node refused (" + answer.status() + " " + problem.path("code").asText() + "): "
            + problem.path("detail").asText(""));
      }
      com.fasterxml.jackson.databind.JsonNode item = answer.json();
      com.fasterxml.jackson.databind.JsonNode record = item.path("archive");
      List<String> assertions = new java.util.ArrayList<>();
      record.path("assertions").forEach(check -> assertions.add(check.path("id").asText() + " "
          + check.path("status").asText().toLowerCase(java.util.Locale.ROOT)));
      String agreement = record.path("alternative").path("agreement").asText("");
      spec.commandLine().getOut().printf("imported item %s: %s %s%s, sha256 %s, policy %s%s; assertions %s%n", item.path("id").asText(),
          item.path("level").asText(), ItemCommand.releasability(item), item.path("orcon").asBoolean() ? " ORCON" : "",
          item.path("contentSha256").asText(), record.path("policyUuid").asText(), agreement.isEmpty() || agreement.equals("null") ? ""
              : ", received under " + agreement, String.join(", ", assertions));
      return 0;
    }
  }

  /**
   * Decrypts an archive to a file. Without {@code --kas}: on the node's own store, as its operator, through
   * the same key access service, engine and audit as a rewrap, the node's party the requester. With {@code
   * --kas URL}: a real HTTP client of that service, authenticated by the user's token ({@code
   * PACTBRIDGE_TOKEN} or {@code --token-file}, never a flag value), proving an ephemeral RSA key. The
   * plaintext is written to a temporary file beside {@code --out} and moved into place only when every
   * segment has verified. Exit 0, 3 refused (reasons printed), 4 integrity (the part named), 2 bad input.
   */
  @Command(name = "decrypt", mixinStandardHelpOptions = true,
      description = "Decrypt an archive through a key access service (exit 0, 3 when refused, 4 when the archive fails integrity).")
  static final class Decrypt implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Parameters(paramLabel = "FILE.tdf", description = "The archive.")
    Path archive;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where the plaintext goes (written only on success).")
    Path out;

    @Option(names = "--kas", paramLabel = "URL",
        description = "A key access service to ask over HTTP(S) (e.g. https://node.example/kas); without it, this node's own store decides.")
    String kas;

    @Option(names = "--party", paramLabel = "PARTY", description = "Without --kas: this node's party, the requester (e.g. KOR).")
    String party;

    @Option(names = "--token-file", paramLabel = "FILE", description = "With --kas: a file holding the API token (else PACTBRIDGE_TOKEN).")
    Path tokenFile;

    @Option(names = "--trust-store", paramLabel = "FILE",
        description = "With --kas: a PKCS#12 trust store for the service's certificate (password in PACTBRIDGE_TRUST_PASSWORD); else the JDK's.")
    Path trustStore;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isRegularFile(archive)) {
        throw new BadInputException("no such file: " + archive);
      }
      Path target = out.toAbsolutePath();
      Path folder = target.getParent();
      if (folder == null || !Files.isDirectory(folder)) {
        throw new BadInputException("--out: no folder " + folder);
      }
      Path temp = null;
      try (TdfArchive opened = TdfArchive.open(archive)) {
        byte[] key;
        String basis;
        if (kas == null) {
          if (party == null) {
            throw new BadInputException("without --kas, give --party: this node's party, which asks its own key access service");
          }
          Local local = new Local(PartyCode.of(party));
          try (OperatorServices services = store.open(err)) {
            Registry registry = ItemCommand.registryOf(services);
            local.kas = services.keyAccess(registry, registry.requireParty(party).code(), StoreOptions.operator());
            key = opened.payloadKey(local::unwrap);
          }
          basis = String.join(",", local.reasons);
        } else {
          Remote remote = new Remote(URI.create(kas.endsWith("/") ? kas.substring(0, kas.length() - 1) : kas), token(), httpClient(), opened);
          key = opened.payloadKey(remote::unwrap);
          basis = String.join(",", remote.reasons);
        }
        temp = Files.createTempFile(folder, ".pactbridge-decrypt-", ".part");
        long bytes;
        try (OutputStream sink = Files.newOutputStream(temp)) {
          bytes = opened.decrypt(key, sink);
        } finally {
          java.util.Arrays.fill(key, (byte) 0);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        temp = null;
        spec.commandLine().getOut().printf("decrypted %d bytes to %s (%s)%n", bytes, out, basis);
        return 0;
      } catch (Refused refused) {
        err.println("pactbridge: refused: " + refused.code + (refused.reasons.isEmpty() ? "" : " (reasons: " + String.join(", ", refused.reasons) + ")"));
        return refused.integrity ? INTEGRITY : REFUSED;
      } catch (KasRefusal refused) {
        err.println("pactbridge: refused: " + refused.code() + " (reasons: " + String.join(", ", refused.reasons()) + ")");
        return refused.kind() == KasRefusal.Kind.INTEGRITY ? INTEGRITY : refused.kind() == KasRefusal.Kind.MALFORMED ? INTEGRITY : REFUSED;
      } catch (TdfException e) {
        err.println("pactbridge: the archive fails " + e.reason() + " at " + e.part() + ": " + e.getMessage());
        return e.reason() == TdfException.Reason.IO ? Main.BAD_INPUT : INTEGRITY;
      } catch (IOException e) {
        throw new BadInputException("cannot write " + out + ": " + e.getClass().getSimpleName());
      } finally {
        if (temp != null) {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException e) {
            err.println("pactbridge: could not remove the temporary file " + temp);
          }
        }
      }
    }

    private String token() {
      String token;
      if (tokenFile != null) {
        try {
          token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw new BadInputException("cannot read --token-file " + tokenFile);
        }
      } else {
        token = System.getenv("PACTBRIDGE_TOKEN");
      }
      if (token == null || token.isBlank()) {
        throw new BadInputException("--kas needs the user's API token in PACTBRIDGE_TOKEN or --token-file (never on the command line)");
      }
      return token;
    }

    private HttpClient httpClient() {
      HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
      if (trustStore != null) {
        String password = System.getenv("PACTBRIDGE_TRUST_PASSWORD");
        try (InputStream in = Files.newInputStream(trustStore)) {
          KeyStore store = KeyStore.getInstance("PKCS12");
          store.load(in, password == null ? null : password.toCharArray());
          TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
          trust.init(store);
          SSLContext context = SSLContext.getInstance("TLS");
          context.init(null, trust.getTrustManagers(), null);
          builder.sslContext(context);
        } catch (IOException | GeneralSecurityException e) {
          throw new BadInputException("cannot read --trust-store " + trustStore + ": " + e.getClass().getSimpleName());
        }
      }
      return builder.build();
    }
  }

  /** A refusal the remote service answered with: its code and reasons; integrity when the archive's binding or wrapped key failed. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;
    final List<String> reasons;
    final boolean integrity;

    Refused(String code, List<String> reasons, boolean integrity) {
      super(code, null, false, false);
      this.code = code;
      this.reasons = reasons;
      this.integrity = integrity;
    }
  }

  /** This node's own key access service, as its operator. */
  private static final class Local {
    private final PartyCode party;
    private KeyAccessService kas;
    private final List<String> reasons = new ArrayList<>();

    Local(PartyCode party) {
      this.party = party;
    }

    byte[] unwrap(KeyAccess keyAccess, String policy) {
      KeyAccessService.Opened opened = kas.open(KeyAccessService.Requester.operator(party, System.getProperty("user.name")), keyAccess, policy,
          Instant.now());
      reasons.addAll(opened.verdict().reasons());
      return opened.share();
    }
  }

  /** A key access service over HTTP: one ephemeral RSA key per run, one signed token per key access object. */
  private static final class Remote {
    private final URI kas;
    private final String token;
    private final HttpClient client;
    private final TdfArchive archive;
    private final KeyPair ephemeral;
    private final List<String> reasons = new ArrayList<>();

    Remote(URI kas, String token, HttpClient client, TdfArchive archive) {
      this.kas = kas;
      this.token = token;
      this.client = client;
      this.archive = archive;
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.ephemeral = generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("RSA is not available", e);
      }
    }

    byte[] unwrap(KeyAccess keyAccess, String policy) {
      String keyAccessJson = archive.manifest().path("encryptionInformation").path("keyAccess").get(keyAccess.index()).toString();
      String signed = RewrapToken.sign(keyAccessJson, policy, ephemeral.getPublic(), ephemeral.getPrivate(), Instant.now());
      HttpRequest request = HttpRequest.newBuilder(URI.create(kas + "/v1/rewrap")).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(RewrapToken.requestBody(signed), StandardCharsets.UTF_8)).build();
      HttpResponse<String> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new BadInputException("cannot reach the key access service at " + kas + ": " + e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BadInputException("interrupted while asking " + kas);
      }
      JsonNode answer;
      try {
        answer = Json.MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new BadInputException("the key access service at " + kas + " answered " + response.statusCode() + " without JSON");
      }
      if (response.statusCode() != 200) {
        List<String> codes = new ArrayList<>();
        answer.path("reasons").forEach(code -> codes.add(code.asText()));
        String code = answer.path("code").asText("HTTP_" + response.statusCode());
        if (response.statusCode() == 401 || response.statusCode() == 403 && codes.isEmpty()) {
          throw new BadInputException("the key access service at " + kas + " refused the token: " + code);
        }
        throw new Refused(code, codes, code.equals("POLICY_BINDING") || code.equals("UNWRAP_FAILED"));
      }
      answer.path("reasons").forEach(code -> reasons.add(code.asText()));
      return RewrapToken.unwrapForClient(ephemeral.getPrivate(), answer.path("entityWrappedKey").asText());
    }
  }
}
