/**
 * Area restrictions on real geometry: {@link org.pactbridge.geo.KoreaAreas} implements the core's
 * {@link org.pactbridge.core.logistics.AreaTest} with JTS on shapes shipped as GeoJSON resources,
 * derived from Natural Earth data (see {@code geo/README.md} and
 * {@link org.pactbridge.geo.derive.DeriveTerritorialSea}).
 */
package org.pactbridge.geo;
