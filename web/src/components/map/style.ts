// The map's style, built in code: a background, the Natural Earth countries from /api/basemap, and the
// event clusters. No tiles, sprites or glyphs, so the map never fetches anything from the network.
import type { FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { ClusterProperties, Clusters } from '../../api/types.js';

export const COUNTRIES = 'countries';
export const EVENTS = 'events';

export const COLORS = {
  sea: '#dfe9f2',
  land: '#f8f6f0',
  border: '#b9c2cc',
  killed: '#c2410c',
  noToll: '#1f3a5f',
};

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Web Mercator: metres per pixel at zoom 0 on the equator, for MapLibre's 512-pixel tiles. */
const METRES_PER_PX_Z0 = 40_075_016.686 / 512;

export interface MapEventProperties extends ClusterProperties {
  /** The uncertainty radius in pixels at zoom 0, at this latitude (radius doubles with each zoom). */
  uncertaintyPx0: number;
}

export function withUncertaintyRadius(clusters: Clusters): FeatureCollection<Point, MapEventProperties> {
  return {
    type: 'FeatureCollection',
    features: clusters.features.map((f) => {
      const lat = f.geometry.coordinates[1] ?? 0;
      const metres = Math.max(0, f.properties.uncertaintyKm ?? 0) * 1000;
      const cos = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
      return { ...f, properties: { ...f.properties, uncertaintyPx0: metres / (METRES_PER_PX_Z0 * cos) } };
    }),
  };
}

/** Circle radius in pixels for a cluster of `count` events (area grows with the count). */
export function countRadius(count: number): number {
  return Math.min(34, 5 + 3.2 * (Math.sqrt(Math.max(1, count)) - 1));
}

const countRadiusExpression: ExpressionSpecification = [
  'min',
  34,
  ['+', 5, ['*', 3.2, ['-', ['sqrt', ['max', 1, ['get', 'count']]], 1]]],
];

/** Metres on the ground at any zoom: pixels at zoom 0 doubled per zoom level. */
const uncertaintyRadiusExpression: ExpressionSpecification = [
  'interpolate',
  ['exponential', 2],
  ['zoom'],
  0,
  ['get', 'uncertaintyPx0'],
  24,
  ['*', ['get', 'uncertaintyPx0'], 2 ** 24],
];

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [COUNTRIES]: { type: 'geojson', data: EMPTY },
      [EVENTS]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      { id: 'land', type: 'fill', source: COUNTRIES, paint: { 'fill-color': COLORS.land } },
      {
        id: 'borders',
        type: 'line',
        source: COUNTRIES,
        paint: { 'line-color': COLORS.border, 'line-width': 0.7 },
      },
      {
        id: 'uncertainty',
        type: 'circle',
        source: EVENTS,
        filter: ['>', ['coalesce', ['get', 'uncertaintyKm'], 0], 0],
        paint: {
          'circle-radius': uncertaintyRadiusExpression,
          'circle-color': COLORS.killed,
          'circle-opacity': 0.08,
          'circle-stroke-color': COLORS.killed,
          'circle-stroke-opacity': 0.35,
          'circle-stroke-width': 1,
        },
      },
      {
        id: 'events',
        type: 'circle',
        source: EVENTS,
        paint: {
          'circle-radius': countRadiusExpression,
          'circle-color': ['case', ['>', ['get', 'fatalities'], 0], COLORS.killed, COLORS.noToll],
          'circle-opacity': 0.85,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  };
}
