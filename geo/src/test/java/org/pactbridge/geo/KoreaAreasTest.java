package org.pactbridge.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.geo.KoreaAreas.KOREAN_PENINSULA;
import static org.pactbridge.geo.KoreaAreas.ROK_TERRITORIAL_SEA;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.pactbridge.core.logistics.Location;
import org.pactbridge.geo.derive.DeriveTerritorialSea;
import org.pactbridge.geo.derive.KoreaProjection;

class KoreaAreasTest {
  private static final KoreaAreas AREAS = KoreaAreas.shipped();
  private static final double LIMIT = DeriveTerritorialSea.TERRITORIAL_SEA_METRES;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // place,                                    lat,     lon,     peninsula, territorial sea
    "'Seoul',                                    37.5665, 126.9780, true,  false",
    "'Pyongyang',                                39.0392, 125.7625, true,  false",
    "'Jeju city (island, land)',                 33.4996, 126.5312, true,  false",
    "'off Busan, the design''s example',         35.05,   129.10,   false, true",
    "'Jeju Strait',                              33.62,   126.60,   false, true",
    "'Tsushima (Japan)',                         34.40,   129.30,   false, false",
    "'Korea Strait, midway to Tsushima',         34.75,   129.25,   false, false",
    "'Sea of Japan, 60 nm off Pohang',           36.00,   130.60,   false, false",
    "'Yellow Sea, 40 nm off Gunsan',             35.95,   125.90,   false, false",
    "'Tokyo',                                    35.6812, 139.7671, false, false",
  })
  void shippedZonesAtKnownPoints(String place, double latitude, double longitude, boolean peninsula, boolean sea) {
    Location location = new Location(latitude, longitude);
    assertThat(AREAS.contains(KOREAN_PENINSULA, location)).as("%s on the peninsula", place).isEqualTo(peninsula);
    assertThat(AREAS.contains(ROK_TERRITORIAL_SEA, location)).as("%s in the territorial sea", place).isEqualTo(sea);
  }

  /**
   * Near the 12-nautical-mile line: walk out to sea from the nearest coast of several sea points, and
   * at every step compare the shipped polygon with the distance to Korea's land measured afresh in the
   * projected CRS. Steps within 150 m of the line are skipped (vertex rounding, simplification and
   * the source's quantisation stay well inside that).
   */
  @ParameterizedTest(name = "seaward of {0},{1}")
  @CsvSource({"35.00,129.20", "36.50,129.60", "37.40,130.95", "33.20,126.40", "37.70,129.20", "35.60,126.10"})
  void theTerritorialSeaEndsTwelveNauticalMilesOut(double latitude, double longitude) {
    KoreaProjection projection = new KoreaProjection();
    Geometry land = projection.project(KoreaAreas.resource("rok-land"));
    GeometryFactory factory = land.getFactory();
    Geometry start = projection.project(factory.createPoint(new Coordinate(longitude, latitude)));
    Coordinate coast = DistanceOp.nearestPoints(land, start)[0];
    Coordinate out = start.getCoordinate();
    double length = coast.distance(out);
    assertThat(length).as("the start point lies at sea").isPositive();
    int inside = 0;
    int outside = 0;
    for (double nm = 10.0; nm <= 15.0; nm += 0.05) {
      double along = nm * KoreaProjection.NAUTICAL_MILE / length;
      Point step = factory.createPoint(new Coordinate(coast.x + (out.x - coast.x) * along, coast.y + (out.y - coast.y) * along));
      double distance = land.distance(step);
      if (Math.abs(distance - LIMIT) < 150) {
        continue;
      }
      Coordinate lonLat = projection.unproject(step).getCoordinate();
      boolean contained = AREAS.contains(ROK_TERRITORIAL_SEA, new Location(lonLat.y, lonLat.x));
      assertThat(contained).as("%.2f nm along the ray, %.0f m from land", nm, distance).isEqualTo(distance < LIMIT);
      if (contained) {
        inside++;
      } else {
        outside++;
      }
    }
    assertThat(inside).isPositive();
    assertThat(outside).isPositive();
  }

  @Test
  void theShippedSeaIsWhatTheDerivationProduces() {
    Geometry derived = DeriveTerritorialSea.derive();
    Geometry shipped = AREAS.shape(ROK_TERRITORIAL_SEA);
    double difference = derived.symDifference(shipped).getArea() / shipped.getArea();
    assertThat(difference).as("relative area of the symmetric difference").isLessThan(1e-4);
  }

  @Test
  void anUnknownZoneIsRefused() {
    assertThatThrownBy(() -> AREAS.contains("atlantis", new Location(0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown zone 'atlantis'");
  }
}
