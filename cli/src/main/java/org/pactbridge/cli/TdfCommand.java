package org.pactbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.service.KasRefusal;
import org.pactbridge.service.KeyAccessService;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.tdf.KeyAccess;
import org.pactbridge.tdf.RewrapToken;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge tdf decrypt}: open a ZTDF archive through a key access service, which decides first. */
@Command(name = "tdf", mixinStandardHelpOptions = true, description = "ZTDF archives: decrypt through a key access service that decides first.",
    subcommands = {TdfCommand.Decrypt.class})
final class TdfCommand implements Runnable {
  /** Exit status when the key access service refuses (the decision's reasons are printed). */
  static final int REFUSED = 3;
  /** Exit status when the archive fails an integrity check (the part is named). */
  static final int INTEGRITY = 4;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
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
