/**
 * The world data format: YAML files describing sources, parties with their classification schemes,
 * communities and agreements, read into a core {@link org.pactbridge.core.registry.Registry}. Errors
 * name the file, the line and the field. The built-in reference world lives in this module's resources.
 * See {@code docs/world-format.md}.
 */
package org.pactbridge.world;
