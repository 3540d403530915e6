/**
 * Build-data steps that derive the shipped shapes (run by hand, not by the build), and the projected
 * CRS they measure distances in. See {@code geo/README.md}.
 */
package org.pactbridge.geo.derive;
