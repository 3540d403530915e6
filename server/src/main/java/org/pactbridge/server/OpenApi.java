package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.user.Role;

/**
 * Generates the OpenAPI 3.1 document from the endpoint list and the request-body records, so the
 * document cannot drift from the code: paths, methods, path parameters, roles ({@code x-roles}),
 * security, and request schemas with {@code additionalProperties: false}.
 */
final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");

  /** Query parameters by operation: name, then description. */
  private static final Map<String, String[]> QUERY = queries(Map.of(
      "listAgreements", new String[] {"at", "the instant (a date or an instant; default now)", "party", "only this party's agreements",
          "kind", "INFORMATION, LOGISTICS or ARRANGEMENT", "inForce", "true: only those in force at 'at'"},
      "getAgreement", new String[] {"at", "the instant of the status (default now)"},
      "coverage", new String[] {"at", "the instant (default now)", "parties", "comma-separated parties, or all (default KOR,JPN,USA)",
          "topics", "comma-separated topics of the item considered"},
      "listItems", new String[] {"offset", "visible items to skip", "limit", "at most this many (1 to 1000, default 100)"},
      "listConsents", new String[] {"state", "pending (default) or all"},
      "exportAudit", new String[] {"from", "first sequence number read (default 1, or the newest with order=newest)",
          "limit", "at most this many read (1 to 10000, default 1000)", "order", "oldest (default) or newest first",
          "item", "only entries about this item or agreement id (the subject, exactly)",
          "actor", "only entries by this user id, user name or nation code (exactly)", "kind", "only entries of this kind (DECISION_RECORDED, …)",
          "since", "only entries made at or after this date or instant",
          "until", "only entries made up to this instant, or through this date (UTC) when a date is given"}));

  private static Map<String, String[]> queries(Map<String, String[]> core) {
    Map<String, String[]> all = new java.util.HashMap<>(core);
    LogisticsEndpoints.documentQueries(all);
    return Map.copyOf(all);
  }

  private OpenApi() {}

  static ObjectNode document(Iterable<Endpoint> endpoints, String version) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("openapi", "3.1.0");
    ObjectNode info = root.putObject("info");
    info.put("title", "Pactbridge node API");
    info.put("version", version);
    info.put("description", "Release decisions, routes, coverage and what-if under the agreements between allied nations. "
        + "Errors are RFC 9457 problem+json with a stable 'code'.");
    ObjectNode paths = root.putObject("paths");
    Map<String, Class<?>> schemas = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      ObjectNode path = paths.has(endpoint.path()) ? (ObjectNode) paths.get(endpoint.path()) : paths.putObject(endpoint.path());
      ObjectNode operation = path.putObject(endpoint.method().toLowerCase(java.util.Locale.ROOT));
      operation.put("operationId", endpoint.operationId());
      operation.put("summary", endpoint.summary());
      ArrayNode roles = operation.putArray("x-roles");
      endpoint.roles().stream().sorted().map(Role::slug).forEach(roles::add);
      if (endpoint.isPublic()) {
        operation.putArray("security");
      }
      Matcher matcher = PARAM.matcher(endpoint.path());
      ArrayNode parameters = null;
      while (matcher.find()) {
        if (parameters == null) {
          parameters = operation.putArray("parameters");
        }
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", matcher.group(1));
        parameter.put("in", "path");
        parameter.put("required", true);
        parameter.putObject("schema").put("type", "string");
      }
      String[] query = QUERY.get(endpoint.operationId());
      for (int i = 0; query != null && i < query.length; i += 2) {
        if (parameters == null) {
          parameters = operation.putArray("parameters");
        }
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", query[i]);
        parameter.put("in", "query");
        parameter.put("required", false);
        parameter.put("description", query[i + 1]);
        parameter.putObject("schema").put("type", "string");
      }
      if (endpoint.requestBody() != null) {
        schemas.put(endpoint.requestBody().getSimpleName(), endpoint.requestBody());
        ObjectNode body = operation.putObject("requestBody");
        body.put("required", true);
        ObjectNode content = body.putObject("content");
        content.putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + endpoint.requestBody().getSimpleName());
        if (endpoint.operationId().equals("decide")) {
          // a batch as JSON Lines: one request object a line (DecisionBatch), answered one decision a line
          content.putObject(DecisionBatch.NDJSON).putObject("schema").put("$ref", "#/components/schemas/" + endpoint.requestBody().getSimpleName());
        }
      }
      ObjectNode responses = operation.putObject("responses");
      responses.putObject(endpoint.method().equals("POST") && endpoint.operationId().startsWith("create") ? "201" : "200")
          .put("description", endpoint.response());
      ObjectNode problem = Json.MAPPER.createObjectNode();
      problem.put("description", "a problem (RFC 9457)");
      problem.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
      responses.set("4XX", problem);
    }
    ObjectNode components = root.putObject("components");
    ObjectNode schemaNode = components.putObject("schemas");
    for (int i = 0; i < 8 && addNested(schemas); i++) {
      // nested records are discovered transitively
    }
    schemas.forEach((name, type) -> schemaNode.set(name, schema(type)));
    schemaNode.set("Problem", problemSchema());
    ObjectNode security = components.putObject("securitySchemes");
    security.putObject("bearer").put("type", "http").put("scheme", "bearer").put("description", "an API token (pbt_…)");
    root.putArray("security").addObject().putArray("bearer");
    return root;
  }

  private static boolean addNested(Map<String, Class<?>> schemas) {
    boolean added = false;
    for (Class<?> type : java.util.List.copyOf(schemas.values())) {
      for (RecordComponent component : type.getRecordComponents()) {
        Class<?> nested = element(component.getGenericType());
        if (nested != null && nested.isRecord() && !schemas.containsKey(nested.getSimpleName())) {
          schemas.put(nested.getSimpleName(), nested);
          added = true;
        }
      }
    }
    return added;
  }

  static ObjectNode schema(Class<?> type) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    for (RecordComponent component : type.getRecordComponents()) {
      properties.set(component.getName(), property(component.getGenericType()));
    }
    return schema;
  }

  private static ObjectNode property(Type type) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == java.util.List.class) {
      Class<?> element = element(type);
      if (element != null && element.isRecord()) {
        node.put("type", "array");
        node.putObject("items").put("$ref", "#/components/schemas/" + element.getSimpleName());
      } else {
        // a list of strings also accepts one string, which may hold a comma-separated list
        ArrayNode oneOf = node.putArray("oneOf");
        oneOf.addObject().put("type", "string");
        ObjectNode array = oneOf.addObject();
        array.put("type", "array");
        array.putObject("items").put("type", "string");
      }
    } else if (type == Boolean.class || type == boolean.class) {
      node.put("type", "boolean");
    } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      node.put("type", "integer");
    } else if (type instanceof Class<?> record && record.isRecord()) {
      node.put("$ref", "#/components/schemas/" + record.getSimpleName());
    } else {
      node.put("type", "string");
    }
    return node;
  }

  private static Class<?> element(Type type) {
    if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    return type instanceof Class<?> plain && plain.isRecord() ? plain : null;
  }

  private static ObjectNode problemSchema() {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (String field : new String[] {"type", "title", "detail", "instance", "code"}) {
      properties.putObject(field).put("type", "string");
    }
    properties.putObject("status").put("type", "integer");
    schema.putArray("required").add("type").add("title").add("status").add("code");
    return schema;
  }
}
