// One HTML button over each circle of the map: it shows a cluster's count (no glyphs needed), names the
// feature for screen readers, and takes the click: a single event opens, a cluster zooms in.
import type { Feature, Point } from 'geojson';
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { ClusterProperties } from '../../api/types.js';
import { plural } from '../../format.js';
import { countRadius } from './style.js';

export interface MarkerActions {
  openEvent: (id: string) => void;
  zoomInto: (lngLat: [number, number]) => void;
}

function describe(p: ClusterProperties): string {
  const killed =
    p.fatalities > 0 ? `${p.fatalities.toLocaleString('en')} reported killed` : 'no deaths reported';
  const where = p.uncertaintyKm ? `, located within ${p.uncertaintyKm} km` : '';
  return p.count > 1
    ? `${plural(p.count, 'event')}, ${killed} (best estimates)${where}: zoom in`
    : `One event, ${killed}${where}: open it`;
}

function markerButton(f: Feature<Point, ClusterProperties>, actions: MarkerActions): HTMLButtonElement {
  const p = f.properties;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = p.count > 1 ? 'map-marker cluster' : 'map-marker single';
  button.setAttribute('data-testid', 'map-marker');
  button.dataset.count = String(p.count);
  if (p.eventId) button.dataset.eventId = p.eventId;
  const size = `${Math.round(countRadius(p.count) * 2)}px`;
  button.style.width = size;
  button.style.height = size;
  if (p.count > 1) button.textContent = p.count.toLocaleString('en');
  const label = describe(p);
  button.setAttribute('aria-label', label);
  button.title = label;
  const [lon = 0, lat = 0] = f.geometry.coordinates;
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (p.count === 1 && p.eventId) actions.openEvent(p.eventId);
    else actions.zoomInto([lon, lat]);
  });
  return button;
}

/** Replace the markers on `map` with one per feature. */
export class MarkerLayer {
  private markers: Marker[] = [];

  constructor(
    private readonly map: MapLibreMap,
    private readonly actions: MarkerActions,
  ) {}

  show(features: Feature<Point, ClusterProperties>[]): void {
    this.clear();
    for (const f of features) {
      const [lon = 0, lat = 0] = f.geometry.coordinates;
      const marker = new Marker({ element: markerButton(f, this.actions), anchor: 'center' });
      marker.setLngLat([lon, lat]).addTo(this.map);
      this.markers.push(marker);
    }
  }

  clear(): void {
    for (const m of this.markers) m.remove();
    this.markers = [];
  }
}
