package org.pactbridge.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A thin, strict view of a YAML node tree that remembers where each node came from, so every error
 * names the file, line and field. Only mappings, sequences and plain scalars are used; unknown keys
 * are errors ({@link #requireOnly}).
 */
final class Yaml {
  private final String file;
  private final Node node;
  private final String field;

  private Yaml(String file, Node node, String field) {
    this.file = file;
    this.node = node;
    this.field = field;
  }

  static Yaml parse(String file, String text) {
    LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false).setMaxAliasesForCollections(10).build();
    try {
      Optional<Node> root = new Compose(settings).composeString(text);
      if (root.isEmpty()) {
        throw new WorldFormatException(file, 1, 1, "", "the file is empty");
      }
      return new Yaml(file, root.get(), "");
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      String problem = "not valid YAML: " + e.getProblem();
      throw new WorldFormatException(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, "", problem);
    } catch (YamlEngineException e) {
      throw new WorldFormatException(file, 1, 1, "", "not valid YAML: " + e.getMessage());
    }
  }

  String file() {
    return file;
  }

  String field() {
    return field;
  }

  int line() {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(1);
  }

  WorldFormatException error(String problem) {
    int column = node.getStartMark().map(mark -> mark.getColumn() + 1).orElse(1);
    return new WorldFormatException(file, line(), column, field, problem);
  }

  boolean isMapping() {
    return node instanceof MappingNode;
  }

  boolean isSequence() {
    return node instanceof SequenceNode;
  }

  boolean isNull() {
    return node instanceof ScalarNode scalar && isNullText(scalar);
  }

  private static boolean isNullText(ScalarNode scalar) {
    String value = scalar.getValue();
    return scalar.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN
        && (value.isEmpty() || value.equals("~") || value.equals("null"));
  }

  /** The entries of a mapping, in order. */
  Map<String, Yaml> mapping() {
    if (!(node instanceof MappingNode mapping)) {
      throw error("expected a mapping (key: value), found " + describe());
    }
    Map<String, Yaml> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new Yaml(file, tuple.getKeyNode(), field).error("expected a plain key");
      }
      String name = key.getValue();
      entries.put(name, new Yaml(file, tuple.getValueNode(), field.isEmpty() ? name : field + "." + name));
    }
    return entries;
  }

  /** Rejects keys outside {@code allowed}, naming the first unknown one. */
  Map<String, Yaml> requireOnly(Set<String> allowed) {
    Map<String, Yaml> entries = mapping();
    for (Map.Entry<String, Yaml> entry : entries.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        throw entry.getValue().error("unknown field (allowed here: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
    return entries;
  }

  List<Yaml> sequence() {
    if (!(node instanceof SequenceNode sequence)) {
      throw error("expected a list, found " + describe());
    }
    List<Yaml> items = new ArrayList<>();
    int index = 0;
    for (Node item : sequence.getValue()) {
      items.add(new Yaml(file, item, field + "[" + index++ + "]"));
    }
    return items;
  }

  String text() {
    if (!(node instanceof ScalarNode scalar) || isNullText(scalar)) {
      throw error("expected a value, found " + describe());
    }
    return scalar.getValue();
  }

  List<String> texts() {
    List<String> values = new ArrayList<>();
    for (Yaml item : sequence()) {
      values.add(item.text());
    }
    return values;
  }

  int integer() {
    String text = text();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw error("expected a whole number, found '" + text + "'");
    }
  }

  boolean bool() {
    String text = text();
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error("expected true or false, found '" + text + "'");
    };
  }

  private String describe() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof ScalarNode scalar) {
      return isNullText(scalar) ? "nothing" : "'" + scalar.getValue() + "'";
    }
    return node.getNodeType().toString();
  }
}
