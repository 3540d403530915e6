package org.pactbridge.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads and writes the one-feature GeoJSON files the shapes are shipped in: Polygon or MultiPolygon,
 * longitude/latitude. Not a general GeoJSON library.
 */
public final class GeoJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GeoJson() {}

  /** The geometry of the first feature of a FeatureCollection (or of a bare Feature or geometry). */
  public static Geometry read(InputStream in, GeometryFactory factory) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read GeoJSON", e);
    }
    JsonNode geometry = root;
    if ("FeatureCollection".equals(root.path("type").asText())) {
      geometry = root.path("features").path(0);
    }
    if ("Feature".equals(geometry.path("type").asText())) {
      geometry = geometry.path("geometry");
    }
    String type = geometry.path("type").asText();
    JsonNode coordinates = geometry.path("coordinates");
    return switch (type) {
      case "Polygon" -> polygon(coordinates, factory);
      case "MultiPolygon" -> {
        List<Polygon> polygons = new ArrayList<>();
        coordinates.forEach(polygon -> polygons.add(polygon(polygon, factory)));
        yield factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
      }
      default -> throw new IllegalArgumentException("expected a Polygon or MultiPolygon, found '" + type + "'");
    };
  }

  private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
    LinearRing shell = ring(rings.get(0), factory);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), factory);
    }
    return factory.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode points, GeometryFactory factory) {
    Coordinate[] coordinates = new Coordinate[points.size()];
    for (int i = 0; i < points.size(); i++) {
      coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
    }
    return factory.createLinearRing(coordinates);
  }

  /** A FeatureCollection of one feature with the given properties, coordinates rounded to {@code decimals}. */
  public static String write(Geometry geometry, ObjectNode properties, int decimals) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "FeatureCollection");
    ObjectNode feature = root.putArray("features").addObject();
    feature.put("type", "Feature");
    feature.set("properties", properties);
    ObjectNode shape = feature.putObject("geometry");
    double scale = Math.pow(10, decimals);
    if (geometry instanceof Polygon polygon) {
      shape.put("type", "Polygon");
      writePolygon(polygon, shape.putArray("coordinates"), scale);
    } else if (geometry instanceof MultiPolygon multi) {
      shape.put("type", "MultiPolygon");
      ArrayNode polygons = shape.putArray("coordinates");
      for (int i = 0; i < multi.getNumGeometries(); i++) {
        writePolygon((Polygon) multi.getGeometryN(i), polygons.addArray(), scale);
      }
    } else {
      throw new IllegalArgumentException("expected a Polygon or MultiPolygon, found " + geometry.getGeometryType());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode properties() {
    return JSON.createObjectNode();
  }

  private static void writePolygon(Polygon polygon, ArrayNode rings, double scale) {
    writeRing(polygon.getExteriorRing().getCoordinates(), rings.addArray(), scale);
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      writeRing(polygon.getInteriorRingN(i).getCoordinates(), rings.addArray(), scale);
    }
  }

  private static void writeRing(Coordinate[] coordinates, ArrayNode ring, double scale) {
    for (Coordinate coordinate : coordinates) {
      ArrayNode point = ring.addArray();
      point.add(Math.round(coordinate.x * scale) / scale);
      point.add(Math.round(coordinate.y * scale) / scale);
    }
  }
}
