package org.pactbridge.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.pactbridge.core.logistics.AreaTest;
import org.pactbridge.core.logistics.Location;

/**
 * The zones area restrictions name, on the shapes shipped with Pactbridge:
 * <ul>
 *   <li>{@code korean-peninsula}: the land of the Republic of Korea and the DPRK, islands included;
 *   <li>{@code rok-territorial-sea}: the sea within 12 nautical miles of the Republic of Korea's land
 *       (normal baselines; see {@code geo/README.md} for what this simplifies).
 * </ul>
 * Shapes are in WGS 84 longitude/latitude; a location is tested with a planar point-in-polygon test
 * on those coordinates, its boundary counted as inside. Loaded once; immutable and thread-safe
 * (JTS prepared geometries are safe for concurrent reads). Cost per test: an indexed
 * point-in-polygon test, logarithmic in the number of edges.
 */
public final class KoreaAreas implements AreaTest {
  public static final String KOREAN_PENINSULA = "korean-peninsula";
  public static final String ROK_TERRITORIAL_SEA = "rok-territorial-sea";

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private final Map<String, Geometry> shapes;
  private final Map<String, PreparedGeometry> prepared;

  private KoreaAreas(Map<String, Geometry> shapes) {
    this.shapes = Map.copyOf(shapes);
    Map<String, PreparedGeometry> index = new LinkedHashMap<>();
    shapes.forEach((name, shape) -> index.put(name, PreparedGeometryFactory.prepare(shape)));
    this.prepared = Map.copyOf(index);
  }

  private static final class Holder {
    static final KoreaAreas SHIPPED = load();
  }

  /** The shipped shapes, loaded on first use. */
  public static KoreaAreas shipped() {
    return Holder.SHIPPED;
  }

  private static KoreaAreas load() {
    Map<String, Geometry> shapes = new LinkedHashMap<>();
    shapes.put(KOREAN_PENINSULA, resource(KOREAN_PENINSULA));
    shapes.put(ROK_TERRITORIAL_SEA, resource(ROK_TERRITORIAL_SEA));
    return new KoreaAreas(shapes);
  }

  /** A shipped shape by file name (without {@code .geojson}), such as {@code rok-land}. */
  public static Geometry resource(String name) {
    String path = name + ".geojson";
    try (InputStream in = KoreaAreas.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("shape " + path + " is missing from the classpath");
      }
      return GeoJson.read(in, WGS84);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shape " + path, e);
    }
  }

  @Override
  public Set<String> zones() {
    return shapes.keySet();
  }

  @Override
  public boolean contains(String zone, Location location) {
    PreparedGeometry shape = prepared.get(zone);
    if (shape == null) {
      throw new IllegalArgumentException("unknown zone '" + zone + "' (known: " + zones() + ")");
    }
    Point point = WGS84.createPoint(new Coordinate(location.longitude(), location.latitude()));
    return shape.covers(point);
  }

  /** The shape of a zone, for display and tests. */
  public Geometry shape(String zone) {
    Geometry shape = shapes.get(zone);
    if (shape == null) {
      throw new IllegalArgumentException("unknown zone '" + zone + "' (known: " + zones() + ")");
    }
    return shape;
  }
}
