// The map: MapLibre GL over GeoJSON only (countries from /api/basemap, events from /api/clusters for the
// visible area and zoom, refetched after every move). Circle size grows with the number of events; the
// translucent ring around a point is its location uncertainty, drawn to scale in metres.
// Until the user moves the map it keeps itself fitted to the events the filters select.
import type { Feature, Point } from 'geojson';
import { GeoJSONSource, LngLatBounds, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, getClusters, isAbort } from '../../api/client.js';
import type { ClusterProperties, Clusters } from '../../api/types.js';
import { filtersKey, type Filters } from '../../filters.js';
import { plural } from '../../format.js';
import { ErrorNote } from '../common/ErrorNote.js';
import type { MarkerActions } from './markers.js';
import { EVENTS, withUncertaintyRadius } from './style.js';
import { useMapLibre } from './useMapLibre.js';

type BBox = [number, number, number, number];
interface View {
  zoom: number;
  bbox: BBox;
}

const WORLD: BBox = [-180, -90, 180, 90];
/** The zoom of the grid used to find where the selected events are: cells of about 1.3°. */
const EXTENT_ZOOM = 6;
const EXTENT_CELL_DEGREES = (360 / 2 ** EXTENT_ZOOM) * (60 / 256);

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function viewOf(map: MapLibreMap): View {
  const b = map.getBounds();
  return {
    zoom: clamp(Math.round(map.getZoom()), 0, 20),
    bbox: [
      clamp(b.getWest(), -180, 180),
      clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -90, 90),
    ],
  };
}

/** The area the events lie in: each grid cell's point, widened by a cell so no event falls outside. */
function extentOf(features: Feature<Point, ClusterProperties>[], pad: number): LngLatBounds | null {
  if (features.length === 0) return null;
  const bounds = new LngLatBounds();
  for (const f of features) {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    bounds.extend([clamp(lon - pad, -180, 180), clamp(lat - pad, -85, 85)]);
    bounds.extend([clamp(lon + pad, -180, 180), clamp(lat + pad, -85, 85)]);
  }
  return bounds;
}

function fitTo(map: MapLibreMap, bounds: LngLatBounds): void {
  const { clientWidth, clientHeight } = map.getContainer();
  const padding = Math.max(4, Math.min(40, clientWidth / 8, clientHeight / 8));
  map.fitBounds(bounds, { padding, maxZoom: 7, duration: 0 });
}

const totalEvents = (c: Clusters): number => c.features.reduce((n, f) => n + f.properties.count, 0);

interface Props {
  filters: Filters;
  onOpenEvent: (id: string) => void;
}

export function EventMap({ filters, onOpenEvent }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const autoFit = useRef(true);
  const extent = useRef<LngLatBounds | null>(null);
  const actions = useRef<MarkerActions>({ openEvent: onOpenEvent, zoomInto: () => undefined });
  const { handle, error: mapError } = useMapLibre(containerRef, actions);
  const [view, setView] = useState<View | null>(null);
  const [shown, setShown] = useState<Clusters | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [fitRound, setFitRound] = useState(0);
  const map = handle?.map ?? null;

  useEffect(() => {
    actions.current = {
      openEvent: onOpenEvent,
      zoomInto: (center) => {
        autoFit.current = false;
        map?.easeTo({ center, zoom: Math.min(map.getZoom() + 2, 12) });
      },
    };
  });

  // the view follows the map; a move by the user ends fitting to the results
  useEffect(() => {
    if (!map) return;
    const onMoveStart = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) autoFit.current = false;
    };
    const onMoveEnd = () => setView(viewOf(map));
    const onResize = () => {
      if (autoFit.current && extent.current) fitTo(map, extent.current);
    };
    map.on('movestart', onMoveStart);
    map.on('moveend', onMoveEnd);
    map.on('resize', onResize);
    return () => {
      map.off('movestart', onMoveStart);
      map.off('moveend', onMoveEnd);
      map.off('resize', onResize);
    };
  }, [map]);

  const key = filtersKey(filters);

  // fit the map to where the selected events are (first load, "Zoom to results", new filters)
  useEffect(() => {
    if (!map || !autoFit.current) return;
    const controller = new AbortController();
    getClusters(filters, { zoom: EXTENT_ZOOM, bbox: WORLD }, controller.signal).then(
      (cells) => {
        extent.current = extentOf(cells.features, EXTENT_CELL_DEGREES);
        if (extent.current) fitTo(map, extent.current);
        else setView(viewOf(map));
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(`Could not find where the events are: ${errorMessage(err)}`);
        setView(viewOf(map));
      },
    );
    return () => controller.abort();
  }, [map, key, fitRound]);

  // the events in view, grouped for the zoom
  useEffect(() => {
    if (!map || !view) return;
    const controller = new AbortController();
    setLoading(true);
    getClusters(filters, view, controller.signal).then(
      (clusters) => {
        map
          .getSource<GeoJSONSource>(EVENTS)
          ?.setData(withUncertaintyRadius(clusters))
          .catch((err: unknown) => setError(`Could not draw the events: ${errorMessage(err)}`));
        handle?.markers.show(clusters.features);
        setShown(clusters);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(`Could not load the map's events: ${errorMessage(err)}`);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [map, handle, view, key]);

  const events = shown ? totalEvents(shown) : 0;
  const problem = mapError ?? error;
  const zoomToResults = () => {
    autoFit.current = true;
    setFitRound((n) => n + 1);
  };

  return (
    <section className="map-box" aria-label="Map of events">
      <div
        ref={containerRef}
        className="map"
        data-testid="map"
        data-event-count={shown ? events : undefined}
        data-feature-count={shown ? shown.features.length : undefined}
        aria-busy={loading}
      />
      {problem && <ErrorNote message={problem} />}
      <div className="map-legend">
        <span className="map-summary" aria-live="polite">
          {shown
            ? `${plural(events, 'event')} in view${shown.features.length < events ? `, in ${plural(shown.features.length, 'group')}` : ''}`
            : 'Loading the map…'}
        </span>
        <span className="key">
          <span className="dot killed" /> deaths reported
        </span>
        <span className="key">
          <span className="dot no-toll" /> none reported
        </span>
        <span className="key">
          <span className="ring" /> location uncertainty (to scale)
        </span>
        <button type="button" className="link-button" onClick={zoomToResults} disabled={!map}>
          Zoom to results
        </button>
        <span className="credit">Basemap: Natural Earth</span>
      </div>
    </section>
  );
}
