package org.pactbridge.geo.derive;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The projected CRS distances around Korea are measured in: Korea 2000 / Unified CS (EPSG:5179), a
 * transverse Mercator on GRS 80 centred on 127.5°E, in metres. Across Korea's extent (124–132°E) its
 * scale error stays under about 0.2 %, some 40 m on a 12-nautical-mile buffer. Not thread-safe
 * (proj4j transforms keep state): create one per thread.
 */
public final class KoreaProjection {
  /** EPSG:5179 written out, so the result does not depend on proj4j's EPSG table. */
  public static final String KOREA_2000_UNIFIED =
      "+proj=tmerc +lat_0=38 +lon_0=127.5 +k=0.9996 +x_0=1000000 +y_0=2000000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";

  /** One nautical mile, in metres (international definition). */
  public static final double NAUTICAL_MILE = 1852.0;

  private final CoordinateTransform forward;
  private final CoordinateTransform inverse;

  public KoreaProjection() {
    CRSFactory crs = new CRSFactory();
    CoordinateReferenceSystem wgs84 = crs.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
    CoordinateReferenceSystem korea = crs.createFromParameters("EPSG:5179", KOREA_2000_UNIFIED);
    CoordinateTransformFactory transforms = new CoordinateTransformFactory();
    this.forward = transforms.createTransform(wgs84, korea);
    this.inverse = transforms.createTransform(korea, wgs84);
  }

  /** A copy of a longitude/latitude geometry in projected metres. */
  public Geometry project(Geometry lonLat) {
    return apply(lonLat, forward);
  }

  /** A copy of a projected geometry back in longitude/latitude. */
  public Geometry unproject(Geometry metres) {
    return apply(metres, inverse);
  }

  private static Geometry apply(Geometry geometry, CoordinateTransform transform) {
    Geometry copy = geometry.copy();
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate out = new ProjCoordinate();
    copy.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence sequence, int i) {
        in.x = sequence.getX(i);
        in.y = sequence.getY(i);
        transform.transform(in, out);
        sequence.setOrdinate(i, CoordinateSequence.X, out.x);
        sequence.setOrdinate(i, CoordinateSequence.Y, out.y);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    copy.geometryChanged();
    return copy;
  }
}
