// Derives the Korean land shapes Pactbridge ships from Natural Earth 1:10m admin-0 countries
// (public domain), as packaged by the npm package world-atlas (ISC) and read with topojson-client.
//
//   cd /tmp/geo-derive && npm install world-atlas@2.0.2 topojson-client@3.1.0
//   NODE_PATH=/tmp/geo-derive/node_modules node geo/scripts/derive-korea.mjs geo/src/main/resources/org/pactbridge/geo
//
// Writes:
//   korean-peninsula.geojson  the land of South and North Korea merged into one MultiPolygon
//                             (islands included), the shape named "korean-peninsula";
//   rok-land.geojson          the land of the Republic of Korea (islands included): the coastline
//                             the 12-nautical-mile territorial sea is buffered from, in Java, by
//                             org.pactbridge.geo.derive.DeriveTerritorialSea (see ../README.md).
// Coordinates are WGS 84 longitude/latitude, rounded to 5 decimals (about 1 m); the source's own
// quantisation is coarser (about 0.0036 degrees of longitude by 0.0017 of latitude).
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const topojson = require("topojson-client");
const atlas = require("world-atlas/countries-10m.json");
const atlasVersion = require("world-atlas/package.json").version;

const outDir = process.argv[2];
if (!outDir) {
  console.error("usage: node derive-korea.mjs <output directory>");
  process.exit(2);
}

const ROK = "410"; // ISO 3166 numeric, as world-atlas ids its countries
const DPRK = "408";
const countries = atlas.objects.countries.geometries;
const pick = (id) => {
  const found = countries.filter((country) => country.id === id);
  if (found.length !== 1) {
    throw new Error(`expected one country with id ${id}, found ${found.length}`);
  }
  return found[0];
};

const round = (value) => Math.round(value * 1e5) / 1e5;
const roundGeometry = (geometry) => ({
  type: geometry.type,
  coordinates:
    geometry.type === "Polygon"
      ? geometry.coordinates.map((ring) => ring.map(([x, y]) => [round(x), round(y)]))
      : geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [round(x), round(y)]))),
});

const source = `Natural Earth 1:10m admin-0 countries (public domain) via world-atlas ${atlasVersion} countries-10m.json`;
const write = (name, description, geometry) => {
  const collection = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: { name, description, source, derivedBy: "geo/scripts/derive-korea.mjs" },
        geometry: roundGeometry(geometry),
      },
    ],
  };
  const file = join(outDir, `${name}.geojson`);
  writeFileSync(file, JSON.stringify(collection) + "\n");
  console.log(`wrote ${file}`);
};

// topojson.merge joins the two countries along their shared arcs (the land border), so the
// peninsula is one polygon and not two that touch.
write(
  "korean-peninsula",
  "Land of the Korean Peninsula: Republic of Korea and DPRK merged, islands included",
  topojson.merge(atlas, [pick(ROK), pick(DPRK)]),
);
write(
  "rok-land",
  "Land of the Republic of Korea, islands included: the coastline its territorial sea is measured from",
  topojson.feature(atlas, pick(ROK)).geometry,
);
