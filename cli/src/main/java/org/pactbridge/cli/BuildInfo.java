package org.pactbridge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What this build is: the version, the commit it was built from and when, written into
 * {@code build.properties} by the cli module's build (maven-antrun-plugin, from {@code git describe}).
 * A build from sources without git history says {@code unknown} for the commit.
 */
record BuildInfo(String version, String commit, String date) {
  private static final String RESOURCE = "org/pactbridge/cli/build.properties";

  static BuildInfo current() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
    return new BuildInfo(properties.getProperty("version", "unknown"), properties.getProperty("commit", "unknown"),
        properties.getProperty("date", "unknown"));
  }

  /** {@code pactbridge --version}: one line, {@code pactbridge 0.1.0 (commit 1a2b3c4d5e6f, built 2026-12-03T09:00:00Z)}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo build = current();
      return new String[] {"pactbridge " + build.version() + " (commit " + build.commit() + ", built " + build.date() + ")"};
    }
  }
}
