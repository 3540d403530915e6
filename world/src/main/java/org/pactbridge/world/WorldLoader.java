package org.pactbridge.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactbridge.core.registry.Registry;

/**
 * Reads a world: a folder whose {@code world.yaml} lists the files to read, each holding any of the
 * sections {@code sources}, {@code parties}, {@code communities}, {@code agreements},
 * {@code knownPartners}, {@code counts} and {@code exercises}. Strict: an unknown field, an unknown party, level or source id, or a bad date
 * is a {@link WorldFormatException} naming the file, line and field. Nothing is partially loaded: the
 * registry is built only when every file has been read.
 *
 * <p>Reading rules that come from the design: a date alone is 00:00 UTC; a date known only to the month
 * or year is read at its conservative end (an event that starts something at the last day, one that
 * ends or suspends something at the first) and marked assumed; an agreement with a signing but no
 * entry into force enters into force on its signing date, marked assumed.
 */
public final class WorldLoader {
  /** The manifest every world folder has. */
  public static final String MANIFEST = "world.yaml";

  private static final String REFERENCE = "/org/pactbridge/world/reference/";
  private static volatile Registry reference;

  private static final Set<String> SECTIONS = Set.of("sources", "parties", "communities", "agreements", "knownPartners", "counts", "exercises");

  /** Where the files of a world come from: a folder, or the classpath for the reference world. */
  interface FileSource {
    String read(String name);
  }

  private WorldLoader() {}

  /** The built-in reference world, derived from the shared research record. Loaded once, then shared. */
  public static Registry reference() {
    Registry loaded = reference;
    if (loaded == null) {
      synchronized (WorldLoader.class) {
        loaded = reference;
        if (loaded == null) {
          loaded = load(WorldLoader::readResource);
          reference = loaded;
        }
      }
    }
    return loaded;
  }

  /** Reads the world in {@code dir}. */
  public static Registry load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new WorldFormatException(dir.toString(), 0, 0, "", "not a folder");
    }
    return load(name -> {
      Path file = dir.resolve(name).normalize();
      if (!file.startsWith(dir.normalize())) {
        throw new WorldFormatException(MANIFEST, 0, 0, "files", "'" + name + "' lies outside the world folder");
      }
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new WorldFormatException(name, 0, 0, "", "file not found in " + dir);
      } catch (java.nio.charset.MalformedInputException e) {
        throw new WorldFormatException(name, 0, 0, "", "not UTF-8 text");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    });
  }

  /** The names of the files the reference world is made of, manifest first. */
  public static List<String> referenceFiles() {
    List<String> names = new ArrayList<>();
    names.add(MANIFEST);
    Yaml manifest = Yaml.parse(MANIFEST, readResource(MANIFEST));
    names.addAll(manifest.requireOnly(Set.of("format", "name", "files")).get("files").texts());
    return names;
  }

  /** The text of one file of the reference world. */
  public static String readResource(String name) {
    try (InputStream in = WorldLoader.class.getResourceAsStream(REFERENCE + name)) {
      if (in == null) {
        throw new WorldFormatException(name, 0, 0, "", "file not found in the reference world");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference world file " + name, e);
    }
  }

  static Registry load(FileSource files) {
    Yaml manifest = Yaml.parse(MANIFEST, files.read(MANIFEST));
    Map<String, Yaml> top = manifest.requireOnly(Set.of("format", "name", "files"));
    Yaml format = Fields.required(manifest, top, "format");
    if (!format.text().equals("pactbridge-world/1")) {
      throw format.error("unsupported format '" + format.text() + "' (this program reads pactbridge-world/1)");
    }
    Map<String, List<Yaml>> sections = new LinkedHashMap<>();
    for (String section : List.of("sources", "parties", "communities", "agreements", "knownPartners", "counts", "exercises")) {
      sections.put(section, new ArrayList<>());
    }
    for (Yaml name : Fields.required(manifest, top, "files").sequence()) {
      String file = name.text();
      Yaml document = Yaml.parse(file, files.read(file));
      for (Map.Entry<String, Yaml> section : document.requireOnly(SECTIONS).entrySet()) {
        sections.get(section.getKey()).add(section.getValue());
      }
    }
    WorldReader reader = new WorldReader();
    sections.get("sources").forEach(reader::sources);
    sections.get("parties").forEach(reader::parties);
    sections.get("communities").forEach(reader::communities);
    sections.get("agreements").forEach(reader::agreements);
    sections.get("knownPartners").forEach(reader::knownPartners);
    sections.get("counts").forEach(reader::counts);
    sections.get("exercises").forEach(reader::exercises);
    return reader.build();
  }
}
