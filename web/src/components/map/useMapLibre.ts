// A MapLibre map in a container: created once, with its controls, the basemap and the marker layer;
// removed with the component.
import {
  GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { errorMessage, getBasemap, isAbort } from '../../api/client.js';
import { flatMapCountries } from './antimeridian.js';
import { MarkerLayer, type MarkerActions } from './markers.js';
import { baseStyle, COUNTRIES } from './style.js';

// The worker is a same-origin file of the build: the CSP's script-src 'self' covers it, no blob: needed.
setWorkerUrl(workerUrl);

export interface MapHandle {
  map: MapLibreMap;
  markers: MarkerLayer;
}

export function useMapLibre(
  containerRef: RefObject<HTMLDivElement | null>,
  actions: RefObject<MarkerActions>,
): { handle: MapHandle | null; error: string | null } {
  const [handle, setHandle] = useState<MapHandle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const created = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || created.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: baseStyle(),
        bounds: [
          [-170, -50],
          [175, 72],
        ],
        attributionControl: false,
        renderWorldCopies: false,
        dragRotate: false,
        pitchWithRotate: false,
        fadeDuration: 0,
        maxZoom: 14,
      });
    } catch (err) {
      setError(`The map could not start (it needs WebGL): ${errorMessage(err)}`);
      return;
    }
    created.current = true;
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    const markers = new MarkerLayer(map, {
      openEvent: (id) => actions.current.openEvent(id),
      zoomInto: (lngLat) => actions.current.zoomInto(lngLat),
    });
    const controller = new AbortController();
    map.on('load', () => {
      setHandle({ map, markers });
      getBasemap(controller.signal)
        .then((countries) => map.getSource<GeoJSONSource>(COUNTRIES)?.setData(flatMapCountries(countries)))
        .catch((err: unknown) => {
          if (!isAbort(err)) setError(`Could not load the basemap: ${errorMessage(err)}`);
        });
    });
    map.on('error', (e) => setError(`Map error: ${e.error.message}`));
    return () => {
      controller.abort();
      markers.clear();
      map.remove();
      created.current = false;
      setHandle(null);
    };
  }, [containerRef, actions]);

  return { handle, error };
}
