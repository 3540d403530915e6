package org.pactbridge.geo.derive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.pactbridge.geo.GeoJson;
import org.pactbridge.geo.KoreaAreas;

/**
 * Build-data step (run by hand, not by the build): derives {@code rok-territorial-sea.geojson} from
 * the shipped {@code rok-land.geojson} and {@code korean-peninsula.geojson}. The Republic of Korea's
 * land is projected to Korea 2000 / Unified CS, buffered by 12 nautical miles (22,224 m, 32 segments
 * per quarter circle), the land of the whole peninsula is taken out so that only sea remains, the
 * result is simplified at 10 m and projected back to longitude/latitude. Deterministic: running it
 * again on the same inputs writes the same file. Usage (from the repository root, after
 * {@code mvn -q -pl geo -am package -DskipTests}):
 *
 * <pre>
 * java -cp "geo/target/classes:$(cat geo/target/classpath.txt)" \
 *   org.pactbridge.geo.derive.DeriveTerritorialSea geo/src/main/resources/org/pactbridge/geo
 * </pre>
 */
public final class DeriveTerritorialSea {
  public static final double TERRITORIAL_SEA_METRES = 12 * KoreaProjection.NAUTICAL_MILE;

  private DeriveTerritorialSea() {}

  /** The territorial sea from the shipped land shapes, in longitude/latitude. */
  public static Geometry derive() {
    KoreaProjection projection = new KoreaProjection();
    Geometry land = projection.project(KoreaAreas.resource("rok-land"));
    Geometry peninsula = projection.project(KoreaAreas.resource(KoreaAreas.KOREAN_PENINSULA));
    if (!land.isValid()) {
      land = land.buffer(0);
    }
    if (!peninsula.isValid()) {
      peninsula = peninsula.buffer(0);
    }
    BufferParameters parameters = new BufferParameters(32);
    Geometry zone = org.locationtech.jts.operation.buffer.BufferOp.bufferOp(land, TERRITORIAL_SEA_METRES, parameters);
    Geometry sea = zone.difference(peninsula);
    Geometry simplified = DouglasPeuckerSimplifier.simplify(sea, 10.0);
    return projection.unproject(simplified);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: DeriveTerritorialSea <output directory>");
      System.exit(2);
    }
    Geometry sea = derive();
    ObjectNode properties = GeoJson.properties();
    properties.put("name", KoreaAreas.ROK_TERRITORIAL_SEA);
    properties.put(
        "description",
        "Sea within 12 nautical miles of the Republic of Korea's land (normal baselines), land of the peninsula removed");
    properties.put("source", "buffered from rok-land.geojson (Natural Earth 1:10m, public domain)");
    properties.put("derivedBy", "org.pactbridge.geo.derive.DeriveTerritorialSea: EPSG:5179 (proj4j), JTS buffer 22224 m");
    Path out = Path.of(args[0]).resolve(KoreaAreas.ROK_TERRITORIAL_SEA + ".geojson");
    Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(temporary, GeoJson.write(sea, properties, 5), StandardCharsets.UTF_8);
    Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("wrote " + out + " (" + sea.getNumGeometries() + " polygons, " + sea.getNumPoints() + " points)");
  }
}
