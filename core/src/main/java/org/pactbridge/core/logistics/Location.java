package org.pactbridge.core.logistics;

import org.pactbridge.core.InvalidInputException;

/** A point on the WGS 84 ellipsoid, in decimal degrees. Validated on construction. */
public record Location(double latitude, double longitude) {
  public Location {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw outOfRange("latitude", latitude, "-90 to 90");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw outOfRange("longitude", longitude, "-180 to 180");
    }
  }

  /** Reads {@code latitude,longitude} in degrees, such as {@code 35.05,129.10}. */
  public static Location parse(String text) {
    String[] parts = text == null ? new String[0] : text.split(",", -1);
    if (parts.length != 2) {
      throw malformed(text);
    }
    double latitude;
    double longitude;
    try {
      latitude = Double.parseDouble(parts[0].strip());
      longitude = Double.parseDouble(parts[1].strip());
    } catch (NumberFormatException e) {
      throw malformed(text);
    }
    return new Location(latitude, longitude);
  }

  private static InvalidInputException malformed(String text) {
    return InvalidInputException.invalid(
        "MALFORMED_LOCATION", String.valueOf(text),
        "malformed location '" + text + "' (expected latitude,longitude in degrees, such as 35.05,129.10)");
  }

  private static InvalidInputException outOfRange(String axis, double value, String range) {
    return InvalidInputException.invalid(
        "COORDINATE_OUT_OF_RANGE", String.valueOf(value), axis + " " + value + " is out of range (" + range + " degrees)");
  }

  @Override
  public String toString() {
    return latitude + "," + longitude;
  }
}
