package org.pactbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.server.PartyPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactbridge pki init|revoke}: a party's federation PKI. {@code init} makes the party CA, the node's
 * TLS and signing certificates and an empty CRL in a folder ({@link PartyPki}); {@code revoke} puts a
 * certificate on the CA's CRL. A running node reads the folder and the peers' CRLs again when they change.
 */
@Command(name = "pki", mixinStandardHelpOptions = true,
    description = "Make a party's federation PKI (CA, node TLS and signing certificates, CRL) and revoke certificates.",
    subcommands = {PkiCommand.Init.class, PkiCommand.Revoke.class})
final class PkiCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Makes the PKI of one party in a folder. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Make a party CA (EC P-256), the node's TLS certificate (subject alternative names URI:urn:pactbridge:party:PARTY and the"
          + " hosts) and signing certificate, and the CA's empty CRL, in DIR. Private keys are written owner-only (0600); the CA key is in its"
          + " own file, " + PartyPki.CA_KEY + ", which serve does not read: keep it offline.",
          "Files: " + PartyPki.CA_CERT + ", " + PartyPki.CA_KEY + ", " + PartyPki.CA_CRL + ", " + PartyPki.TLS_CERT + ", " + PartyPki.TLS_KEY + ", "
              + PartyPki.SIGNING_CERT + ", " + PartyPki.SIGNING_KEY + "."})
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--party", required = true, paramLabel = "PARTY", description = "The party (KOR, USA, JPN…) the CA and the node serve.")
    String party;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (created if missing; refused if it holds a CA key).")
    Path out;

    @Option(names = "--host", paramLabel = "NAME",
        description = "A DNS name or IP address the node's TLS certificate names; repeat for more (default: 127.0.0.1 and localhost).")
    List<String> hosts = new ArrayList<>();

    @Override
    public Integer call() {
      PartyCode code = PartyCode.of(party);
      for (String host : hosts) {
        if (!host.matches("[A-Za-z0-9.:-]+") || host.startsWith("-")) {
          throw new BadInputException("pki init: --host " + host + " is neither a DNS name nor an IP address");
        }
      }
      PartyPki.Ca ca;
      try {
        ca = PartyPki.init(code, out, hosts, Clock.systemUTC().instant());
      } catch (FileAlreadyExistsException e) {
        throw new BadInputException("pki init: " + out.resolve(PartyPki.CA_KEY) + " exists: a party CA is already there (revoke with pki revoke)");
      } catch (IOException e) {
        throw new BadInputException("pki init: cannot write " + out + ": " + e.getMessage());
      }
      PrintWriter printer = spec.commandLine().getOut();
      printer.printf("made the PKI of %s in %s: CA %s (valid until %s), node TLS certificate for %s, node signing certificate%n", code, out,
          ca.certificate().getSubjectX500Principal().getName(), ca.certificate().getNotAfter().toInstant(),
          String.join(", ", hosts.isEmpty() ? List.of("127.0.0.1", "localhost") : hosts));
      printer.printf("give peers %s (and %s); keep %s offline%n", out.resolve(PartyPki.CA_CERT), out.resolve(PartyPki.CA_CRL),
          out.resolve(PartyPki.CA_KEY));
      return 0;
    }
  }

  /** Revokes a certificate the CA issued: the CA's CRL is rewritten with it. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Put a certificate the CA in DIR issued on the CA's CRL (" + PartyPki.CA_CRL + " in DIR, rewritten whole). Give peers the new"
          + " CRL: nodes read it again when it changes.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--ca", required = true, paramLabel = "DIR", description = "The folder pki init made (its CA certificate and key).")
    Path caDir;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "The certificate to revoke (PEM; the first in the file).")
    Path cert;

    @Override
    public Integer call() {
      X509CRL crl;
      X509Certificate certificate;
      try {
        if (!Files.exists(caDir.resolve(PartyPki.CA_KEY))) {
          throw new BadInputException("pki revoke: no CA key in " + caDir + " (" + PartyPki.CA_KEY + ")");
        }
        certificate = PartyPki.readCertificates(cert).get(0);
        crl = PartyPki.revoke(caDir, certificate, Clock.systemUTC().instant());
      } catch (NoSuchFileException e) {
        throw new BadInputException("pki revoke: no such file: " + e.getFile());
      } catch (IOException e) {
        throw new BadInputException("pki revoke: " + e.getMessage());
      }
      spec.commandLine().getOut().printf("revoked serial %s (%s): %s now lists %d certificate(s)%n", certificate.getSerialNumber().toString(16),
          certificate.getSubjectX500Principal().getName(), caDir.resolve(PartyPki.CA_CRL),
          crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size());
      return 0;
    }
  }
}
