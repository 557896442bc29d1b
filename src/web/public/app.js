// Docket's first web page: filters, a map, a timeline, the event list and an event's detail with its evidence.
// Plain DOM, no framework. Source text only ever reaches the page through text nodes (never innerHTML).

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAGE_SIZE = 200;
const EMPTY_FILTERS = { q: '', type: '', country: '', from: '', to: '' };
const FILTER_KEYS = Object.keys(EMPTY_FILTERS);
const WORLD = [-180, -58, 180, 84];
const KM_PER_DEGREE = 111.32;
const DAY_MS = 86_400_000;

/** Evidence fields. When spans coincide, the later field's mark sits inside (and shows over) the earlier one. */
const FIELDS = [
  'statement',
  'claimant',
  'via',
  'statedOn',
  'quantity',
  'trigger',
  'eventType',
  'date',
  'location',
  'actors',
  'weapons',
  'fatalities',
];

const INTER = {
  1: 'state forces',
  2: 'rebel group',
  3: 'political militia',
  4: 'identity militia',
  5: 'rioters',
  6: 'protesters',
  7: 'civilians',
  8: 'external/other forces',
};

const state = {
  filters: { ...EMPTY_FILTERS },
  items: [],
  total: 0,
  totalExact: true,
  buckets: [],
  basemap: null,
  selectedId: null,
  eventsSeq: 0,
  detailSeq: 0,
};

const $ = (selector) => document.querySelector(selector);

// ---------------------------------------------------------------- DOM helpers

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child); // strings become text nodes
  }
  return node;
}
const h = (tag, attrs = {}, ...children) => fill(document.createElement(tag), attrs, children);
const s = (tag, attrs = {}, ...children) => fill(document.createElementNS(SVG_NS, tag), attrs, children);

function setStatus(message, isError = false) {
  const status = $('#status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

// ---------------------------------------------------------------- API

async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

function queryString(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== '' && value != null) query.set(key, String(value));
  return query.toString();
}

const withoutDates = ({ from: _from, to: _to, ...rest }) => rest;

// ---------------------------------------------------------------- labels

const dateLabel = (d) => (d.start === d.end ? d.start : `${d.start} – ${d.end} (${d.precision})`);

function placeLabel(loc) {
  if (!loc) return 'Location not identified';
  const parts = [loc.name, loc.admin1, loc.country || loc.countryCode].filter(Boolean);
  return parts.filter((part, i) => parts.indexOf(part) === i).join(', ');
}

const actorName = (a) => (a.short && a.short !== a.name ? `${a.name} (${a.short})` : a.name);

function actorsLabel(actors) {
  const names = (role) =>
    actors
      .filter((a) => a.role === role)
      .map(actorName)
      .join(', ');
  const [a1, a2] = [names('actor1'), names('actor2')];
  if (a1 && a2) return `${a1} vs ${a2}`;
  return a1 || a2 || 'Actors not identified';
}

function fatalitiesLabel(f) {
  if (!f) return 'not reported';
  return f.low === f.high ? String(f.best) : `${f.best} (range ${f.low}–${f.high})`;
}

const eventTitle = (e) =>
  `${e.eventType} / ${e.subEventType} — ${placeLabel(e.location)} — ${dateLabel(e.date)}`;

// ---------------------------------------------------------------- filters, URL and export links

function readForm() {
  let { value: from } = $('#f-from');
  let { value: to } = $('#f-to');
  if (from && to && from > to) [from, to] = [to, from];
  return { q: $('#f-q').value.trim(), type: $('#f-type').value, country: $('#f-country').value, from, to };
}

function writeForm(filters) {
  for (const key of FILTER_KEYS) $(`#f-${key}`).value = filters[key];
}

function filtersFromUrl() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? '']));
}

function applyFilters(filters) {
  state.filters = { ...EMPTY_FILTERS, ...filters };
  writeForm(state.filters);
  const query = queryString(state.filters);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  for (const link of document.querySelectorAll('.exports a')) {
    link.href = `api/export?${queryString({ format: link.dataset.format, ...state.filters })}`;
  }
  $('#clear-brush').disabled = !state.filters.from && !state.filters.to;
  void loadEvents();
}

async function loadFacets() {
  const facets = await api('api/facets');
  $('#f-type').append(
    ...facets.eventTypes.map((f) => h('option', { value: f.value }, `${f.value} (${f.count})`)),
  );
  $('#f-country').append(
    ...facets.countries.map((f) => h('option', { value: f.value }, `${f.name || f.value} (${f.count})`)),
  );
  writeForm(state.filters); // the selects can show a value from the URL only now
}

// ---------------------------------------------------------------- loading

async function loadEvents() {
  const seq = ++state.eventsSeq;
  const { filters } = state;
  $('#event-list').setAttribute('aria-busy', 'true');
  try {
    const [events, timeline] = await Promise.all([
      api(`api/events?${queryString({ ...filters, limit: PAGE_SIZE, offset: 0 })}`),
      api(`api/timeline?${queryString(withoutDates(filters))}`),
    ]);
    if (seq !== state.eventsSeq) return; // a newer request has been made
    state.items = events.items;
    state.total = events.total;
    state.totalExact = events.totalExact !== false;
    state.buckets = timeline.buckets;
    setStatus('');
    render();
  } catch (err) {
    if (seq === state.eventsSeq) setStatus(`Could not load events: ${err.message}`, true);
  } finally {
    if (seq === state.eventsSeq) $('#event-list').setAttribute('aria-busy', 'false');
  }
}

async function loadMore() {
  const seq = state.eventsSeq;
  const query = queryString({ ...state.filters, limit: PAGE_SIZE, offset: state.items.length });
  try {
    const page = await api(`api/events?${query}`);
    if (seq !== state.eventsSeq) return;
    state.items = state.items.concat(page.items);
    state.total = page.total;
    state.totalExact = page.totalExact !== false;
    render();
  } catch (err) {
    setStatus(`Could not load more events: ${err.message}`, true);
  }
}

function render() {
  const { total, items, totalExact } = state;
  $('#event-count').textContent =
    `${total.toLocaleString('en')}${totalExact ? '' : '+'} ${total === 1 && totalExact ? 'event' : 'events'}` +
    (items.length < total ? ` (showing ${items.length})` : '');
  renderMap();
  renderTimeline();
  renderList();
}

// ---------------------------------------------------------------- map

function extentOf(events) {
  if (events.length === 0) return WORLD;
  const lons = events.map((e) => e.location.lon);
  const lats = events.map((e) => e.location.lat);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const padLon = Math.max((maxLon - minLon) * 0.15, 3);
  const padLat = Math.max((maxLat - minLat) * 0.15, 3);
  return [
    Math.max(-180, minLon - padLon),
    Math.max(-85, minLat - padLat),
    Math.min(180, maxLon + padLon),
    Math.min(85, maxLat + padLat),
  ];
}

/** Equirectangular projection (standard parallel at the extent's middle) fitted into width × height. */
function fitProjection([minLon, minLat, maxLon, maxLat], width, height) {
  const midLat = (minLat + maxLat) / 2;
  const midLon = (minLon + maxLon) / 2;
  const kx = Math.cos((Math.min(Math.abs(midLat), 60) * Math.PI) / 180);
  const scale = Math.min(width / ((maxLon - minLon) * kx), height / (maxLat - minLat)); // px per degree of latitude
  return {
    project: (lon, lat) => [width / 2 + (lon - midLon) * kx * scale, height / 2 - (lat - midLat) * scale],
    pxPerKm: scale / KM_PER_DEGREE,
  };
}

/**
 * Make a ring's longitudes continuous across the antimeridian (179 → 181, not 179 → -179).
 * A ring that winds once around a pole (Antarctica) is closed along that pole.
 */
function unwrapRing(ring) {
  const out = [];
  let shift = 0;
  for (const [lon, lat] of ring) {
    const prev = out.length ? out[out.length - 1][0] : lon;
    if (lon + shift - prev > 180) shift -= 360;
    else if (lon + shift - prev < -180) shift += 360;
    out.push([lon + shift, lat]);
  }
  const [first, last] = [out[0], out[out.length - 1]];
  if (first && Math.abs(last[0] - first[0]) > 180) {
    const pole = first[1] < 0 ? -90 : 90;
    out.push([last[0], pole], [first[0], pole]);
  }
  return out;
}

function geometryPath(geometry, project) {
  const polygons =
    geometry?.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry?.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  let d = '';
  for (const ring of polygons.flat()) {
    const points = unwrapRing(ring);
    const lons = points.map(([lon]) => lon);
    // Rings that stick out past ±180° are drawn again one world-width over; the SVG clips the rest.
    const copies = [
      0,
      ...(Math.max(...lons) > 180 ? [-360] : []),
      ...(Math.min(...lons) < -180 ? [360] : []),
    ];
    for (const offset of copies) {
      points.forEach(([lon, lat], i) => {
        const [x, y] = project(lon + offset, lat);
        d += `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
      });
      d += 'Z';
    }
  }
  return d;
}

const dotRadius = (e) => (e.fatalities ? Math.min(4 + Math.sqrt(e.fatalities.best) * 1.6, 22) : 4);

function niceKm(km) {
  const p = 10 ** Math.floor(Math.log10(km));
  return [5, 2, 1].map((m) => m * p).find((v) => v <= km) ?? p;
}

function renderMap() {
  const box = $('#map');
  const svg = $('#map-svg');
  const [width, height] = [box.clientWidth, box.clientHeight];
  if (!width || !height) return;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);

  const located = state.items.filter((e) => e.location);
  const { project, pxPerKm } = fitProjection(extentOf(located), width, height);

  const countries = s(
    'g',
    { class: 'countries' },
    (state.basemap?.features ?? []).map((f) =>
      s('path', { d: geometryPath(f.geometry, project) }, s('title', {}, f.properties?.name ?? '')),
    ),
  );

  // Big circles first so that small ones stay clickable on top.
  const ordered = [...located].sort((a, b) => dotRadius(b) - dotRadius(a));
  const rings = s('g', { class: 'rings' });
  const dots = s('g', { class: 'dots' });
  for (const e of ordered) {
    const [cx, cy] = project(e.location.lon, e.location.lat);
    if (e.location.geoPrecision > 1) {
      rings.append(s('circle', { class: 'uncertainty', cx, cy, r: e.location.uncertaintyKm * pxPerKm }));
    }
    const dot = s(
      'circle',
      {
        class: `event-dot${e.fatalities ? '' : ' unreported'}${e.id === state.selectedId ? ' selected' : ''}`,
        'data-event-id': e.id,
        cx,
        cy,
        r: dotRadius(e),
        tabindex: 0,
        role: 'button',
        'aria-label': eventTitle(e),
      },
      s('title', {}, eventTitle(e)),
    );
    dots.append(dot);
  }

  // Scale bar, true along the standard parallel.
  const km = niceKm(110 / pxPerKm);
  const barPx = km * pxPerKm;
  const scaleBar = s(
    'g',
    { class: 'scale', transform: `translate(12,${height - 14})` },
    s('path', { d: `M0,-5V0H${barPx.toFixed(1)}V-5` }),
    s('text', { x: barPx + 6, y: 0 }, `${km.toLocaleString('en')} km`),
  );

  svg.replaceChildren(s('rect', { class: 'sea', width, height }), countries, rings, dots, scaleBar);
  raiseSelectedDot();
  if (located.length < state.items.length) {
    svg.append(
      s(
        'text',
        { class: 'map-note', x: width - 10, y: 20 },
        `${state.items.length - located.length} without location`,
      ),
    );
  }
}

// ---------------------------------------------------------------- timeline

const dayOf = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function binStart(day, unit) {
  if (unit === 'week') return day - ((day + 3) % 7); // weeks start on Monday (day 0, 1970-01-01, was a Thursday)
  if (unit === 'month') return dayOf(`${isoOf(day).slice(0, 7)}-01`);
  return day;
}

function nextBin(start, unit) {
  if (unit === 'week') return start + 7;
  if (unit === 'month') {
    const d = new Date(start * DAY_MS);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
  }
  return start + 1;
}

const pickUnit = (spanDays) => (spanDays <= 92 ? 'day' : spanDays <= 730 ? 'week' : 'month');

/** The current timeline layout, kept for the brush: pixel ↔ day. */
let scale = null;

function timelineBins(buckets) {
  const days = buckets.map((b) => dayOf(b.date));
  const [first, last] = [Math.min(...days), Math.max(...days)];
  const unit = pickUnit(last - first);
  const counts = new Map();
  buckets.forEach((b, i) => {
    const key = binStart(days[i], unit);
    counts.set(key, (counts.get(key) ?? 0) + b.count);
  });
  const bins = [];
  for (let start = binStart(first, unit); start <= last; start = nextBin(start, unit)) {
    bins.push({ start, end: nextBin(start, unit), count: counts.get(start) ?? 0 });
  }
  return { unit, bins };
}

const binLabel = (start, unit) => (unit === 'month' ? isoOf(start).slice(0, 7) : isoOf(start));

function renderTimeline() {
  const svg = $('#timeline');
  const width = svg.clientWidth;
  const height = svg.clientHeight;
  if (!width || !height) return;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (state.buckets.length === 0) {
    scale = null;
    svg.replaceChildren(s('text', { class: 'empty', x: width / 2, y: height / 2 }, 'No dated events'));
    return;
  }

  const margin = { left: 10, right: 10, top: 14, bottom: 20 };
  const { unit, bins } = timelineBins(state.buckets);
  const d0 = bins[0].start;
  const d1 = bins[bins.length - 1].end;
  const [x0, x1] = [margin.left, width - margin.right];
  const x = (day) => x0 + ((day - d0) / (d1 - d0)) * (x1 - x0);
  const yBase = height - margin.bottom;
  const max = Math.max(...bins.map((b) => b.count));
  const barHeight = (count) => (count / max) * (yBase - margin.top);
  scale = { unit, bins, d0, d1, x0, x1, x };

  const { from, to } = state.filters;
  const inRange = (b) => (!from || b.end > dayOf(from)) && (!to || b.start <= dayOf(to));
  const bars = s(
    'g',
    { class: 'bars' },
    bins.map((b) =>
      s('rect', {
        class: inRange(b) ? 'bar in-range' : 'bar',
        x: x(b.start) + 0.5,
        width: Math.max(1, x(b.end) - x(b.start) - 1),
        y: yBase - barHeight(b.count),
        height: barHeight(b.count),
      }),
    ),
  );

  // Axis labels at least ~90 px apart, none cut off at the right edge.
  const every = Math.max(1, Math.ceil(90 / ((x1 - x0) / bins.length)));
  const labelled = bins.filter((b, i) => i % every === 0 && (i === 0 || x(b.start) < x1 - 60));
  const axis = s(
    'g',
    { class: 'axis' },
    s('line', { x1: x0, x2: x1, y1: yBase + 0.5, y2: yBase + 0.5 }),
    labelled.map((b) => s('text', { x: x(b.start), y: height - 5 }, binLabel(b.start, unit))),
    s('text', { class: 'max', x: x0, y: 10 }, `max ${max} per ${unit}`),
  );

  const selection = s('rect', {
    class: 'selection',
    y: margin.top - 4,
    height: yBase - margin.top + 4,
    width: 0,
  });
  if (from || to) {
    const left = Math.max(x0, from ? x(dayOf(from)) : x0);
    const right = Math.min(x1, to ? x(dayOf(to) + 1) : x1);
    selection.setAttribute('x', left);
    selection.setAttribute('width', Math.max(0, right - left));
  }
  const brush = s(
    'g',
    { class: 'brush', 'data-testid': 'timeline-brush' },
    s('rect', { class: 'overlay', x: x0, y: 0, width: x1 - x0, height }),
    selection,
  );
  svg.replaceChildren(bars, axis, brush);
}

function binAt(px) {
  const day = scale.d0 + ((px - scale.x0) / (scale.x1 - scale.x0)) * (scale.d1 - scale.d0);
  return scale.bins.find((b) => day < b.end) ?? scale.bins[scale.bins.length - 1];
}

function setupBrush() {
  const svg = $('#timeline');
  let startPx = null;
  const pointerX = (event) => event.clientX - svg.getBoundingClientRect().left;
  const clamp = (px) => Math.min(scale.x1, Math.max(scale.x0, px));

  svg.addEventListener('pointerdown', (event) => {
    if (!scale || event.button !== 0 || !event.target.closest('.brush')) return;
    startPx = clamp(pointerX(event));
    svg.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  svg.addEventListener('pointermove', (event) => {
    if (!scale) return;
    const px = clamp(pointerX(event));
    const bin = binAt(px);
    $('#timeline-readout').textContent =
      `${binLabel(bin.start, scale.unit)}: ${bin.count} ${bin.count === 1 ? 'event' : 'events'}`;
    if (startPx === null) return;
    const selection = svg.querySelector('.selection');
    selection.setAttribute('x', Math.min(startPx, px));
    selection.setAttribute('width', Math.abs(px - startPx));
  });
  svg.addEventListener('pointerleave', () => {
    if (startPx === null) $('#timeline-readout').textContent = '';
  });
  const finish = (event) => {
    if (startPx === null || !scale) return;
    const endPx = clamp(pointerX(event));
    const [a, b] = [Math.min(startPx, endPx), Math.max(startPx, endPx)];
    startPx = null;
    // A click picks one bin; a drag picks every bin it touches.
    const first = binAt(a);
    const last = b - a < 3 ? first : binAt(b);
    applyFilters({ ...state.filters, from: isoOf(first.start), to: isoOf(last.end - 1) });
  };
  svg.addEventListener('pointerup', finish);
  svg.addEventListener('pointercancel', () => {
    startPx = null;
    renderTimeline();
  });
}

// ---------------------------------------------------------------- list

function eventRow(e) {
  const selected = e.id === state.selectedId;
  return h(
    'li',
    { 'data-testid': 'event-row', 'data-event-id': e.id, class: selected ? 'selected' : null },
    h(
      'button',
      { type: 'button', class: 'row', 'aria-current': selected ? 'true' : null },
      h('span', { class: 'row-date' }, dateLabel(e.date)),
      h('span', { class: 'row-outlet' }, e.outlet ?? 'Unknown outlet'),
      h('span', { class: 'row-type' }, `${e.eventType} / ${e.subEventType}`),
      h('span', { class: 'row-place' }, placeLabel(e.location)),
      h('span', { class: 'row-actors' }, actorsLabel(e.actors)),
      h('span', { class: 'row-fatalities' }, `Fatalities: ${fatalitiesLabel(e.fatalities)}`),
    ),
  );
}

function renderList() {
  const list = $('#event-list');
  list.replaceChildren(...state.items.map(eventRow));
  if (state.items.length === 0) list.append(h('li', { class: 'empty' }, 'No events match these filters.'));
  const more = $('#more');
  const remaining = state.total - state.items.length;
  more.hidden = remaining <= 0;
  more.textContent = state.totalExact
    ? `Show ${Math.min(remaining, PAGE_SIZE)} more of ${remaining}`
    : `Show ${PAGE_SIZE} more`;
}

function markSelection() {
  for (const node of document.querySelectorAll('[data-event-id]')) {
    const selected = node.dataset.eventId === state.selectedId;
    node.classList.toggle('selected', selected);
    const button = node.querySelector('button.row');
    if (button) {
      if (selected) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }
  raiseSelectedDot();
}

/** Draw the selected event's circle above the others (keeping keyboard focus on it). */
function raiseSelectedDot() {
  const dot = document.querySelector('circle.event-dot.selected');
  if (!dot || dot === dot.parentNode.lastChild) return;
  const focused = document.activeElement === dot;
  dot.parentNode.append(dot);
  if (focused) dot.focus();
}

// ---------------------------------------------------------------- detail

async function selectEvent(id) {
  state.selectedId = id;
  markSelection();
  document.querySelector(`li[data-event-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  const panel = $('#event-detail');
  const seq = ++state.detailSeq;
  panel.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const event = await api(`api/events/${encodeURIComponent(id)}`);
    if (seq !== state.detailSeq) return;
    panel.replaceChildren(...detailNodes(event));
    panel.scrollTop = 0;
    if (matchMedia('(max-width: 899px)').matches) panel.scrollIntoView({ block: 'start' });
  } catch (err) {
    if (seq === state.detailSeq)
      panel.replaceChildren(h('p', { class: 'error' }, `Could not load event: ${err.message}`));
  }
}

const field = (label, ...value) => [h('dt', {}, label), h('dd', {}, ...value)];
const safeUrl = (url) => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null);

function locationNodes(loc) {
  if (!loc) return ['Not identified'];
  const lines = [h('div', {}, placeLabel(loc))];
  if (loc.reference) {
    const r = loc.reference;
    lines.push(h('div', {}, `${r.distanceKm} km ${r.bearing} of ${r.name}`));
  }
  lines.push(
    h(
      'div',
      { class: 'muted' },
      `${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)} · geo precision ${loc.geoPrecision} · where_prec ${loc.wherePrec}` +
        ` · uncertainty ±${loc.uncertaintyKm} km`,
    ),
    h(
      'div',
      { class: 'muted' },
      [loc.admin2, loc.featureCode, loc.geonameId ? `GeoNames ${loc.geonameId}` : null]
        .filter(Boolean)
        .join(' · '),
    ),
  );
  return lines;
}

function actorNodes(actors) {
  if (actors.length === 0) return ['Not identified'];
  return [
    h(
      'ul',
      { class: 'plain' },
      actors.map((a) =>
        h(
          'li',
          {},
          h('span', { class: 'role' }, a.role),
          ` ${actorName(a)}`,
          a.inter ? h('span', { class: 'muted' }, ` · inter ${a.inter} ${INTER[a.inter] ?? ''}`) : null,
          a.mention && a.mention !== a.name ? h('span', { class: 'muted' }, ` · “${a.mention}”`) : null,
        ),
      ),
    ),
  ];
}

function claimNode(c) {
  const parts = [c.claimant.name, c.claimant.title, c.claimant.affiliation].filter(Boolean);
  const who = parts.filter((part, i) => parts.indexOf(part) === i).join(', ');
  const meta = [
    c.kind,
    c.stance === 'deny' ? 'denial' : null,
    c.quantity ? `${c.quantity.value} ${c.quantity.unit}` : null,
    c.statedOn ? `stated ${dateLabel(c.statedOn)}` : null,
  ].filter(Boolean);
  return h(
    'li',
    { class: 'claim' },
    h('div', {}, h('strong', {}, who || 'Unnamed claimant')),
    c.via.length > 0 ? h('div', { class: 'via' }, `via ${c.via.join(' → ')}`) : null,
    h('div', { class: 'muted' }, meta.join(' · ')),
    h('blockquote', {}, c.text),
  );
}

/** The incident this report belongs to: its grade and every report's figures side by side. */
function incidentNodes(incident) {
  if (!incident) return ['—'];
  const toll = (f) => (f ? `${f.best}${f.high > f.best ? `–${f.high}` : ''} killed` : 'toll not given');
  return [
    h(
      'div',
      {},
      `${incident.grade.value} (${incident.grade.reasons.join('; ')}) · Admiralty ${incident.admiralty.reliability}${incident.admiralty.credibility} · ${incident.reports} report(s), ${incident.independentSources} independent · ${incident.status}`,
    ),
    h(
      'ul',
      { class: 'incident-members' },
      incident.members.map((m) =>
        h(
          'li',
          { class: 'muted' },
          `${m.outlet ?? 'outlet unknown'} ${m.published ?? ''}: ${toll(m.fatalities)} — ${m.reasons.join(', ')}`,
        ),
      ),
    ),
  ];
}

function detailNodes(e) {
  const source = e.source ?? {};
  const claims = e.claims ?? [];
  const url = safeUrl(source.url);
  const evidence = [...e.evidence, ...claims.flatMap((c) => c.evidence)];
  const text = typeof source.text === 'string' ? source.text : '';
  const present = FIELDS.filter((f) => evidence.some((ev) => ev.field === f));

  return [
    h(
      'header',
      { class: 'detail-head' },
      h('h2', {}, `${e.eventType} / ${e.subEventType}`),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close event detail' }, '×'),
    ),
    h(
      'dl',
      { class: 'fields' },
      field('Date', dateLabel(e.date), e.date.start === e.date.end ? ` (${e.date.precision})` : ''),
      field('Location', ...locationNodes(e.location)),
      field('Actors', ...actorNodes(e.actors)),
      field('Fatalities', fatalitiesLabel(e.fatalities)),
      field(
        'Weapons',
        e.weapons.length
          ? e.weapons.map((w) => (w.count ? `${w.count} × ${w.kind}` : w.kind)).join(', ')
          : '—',
      ),
      field('Reported by', e.reportedBy.length ? e.reportedBy.join(', ') : '—'),
      field('Incident', ...incidentNodes(e.incident)),
      field('Summary', e.summary),
      field(
        'Source',
        url
          ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, source.title || url)
          : source.title || '—',
        h(
          'div',
          { class: 'muted' },
          [source.outlet ?? e.outlet, source.published ?? e.published].filter(Boolean).join(' · '),
        ),
      ),
      field(
        'Identifiers',
        h('span', { class: 'muted ids' }, `event ${e.id} · report ${e.reportId} · source ${e.sourceId}`),
      ),
    ),
    h('h3', {}, `Claims (${claims.length})`),
    claims.length
      ? h('ol', { class: 'claims' }, claims.map(claimNode))
      : h('p', { class: 'muted' }, 'No claims.'),
    h('h3', {}, 'Source text'),
    h(
      'ul',
      { class: 'field-legend', 'aria-label': 'Evidence fields' },
      present.map((f) => h('li', {}, h('span', { class: 'swatch', 'data-field': f }, f))),
    ),
    h('div', { class: 'source-text' }, highlight(text, evidence)),
  ];
}

/**
 * The source text with one <mark data-field> per evidence span. Spans may nest or overlap:
 * nested spans become nested marks, and a span crossing its parent's end is split at that end.
 */
function highlight(text, evidence) {
  const bySpan = (a, b) =>
    a.start - b.start || b.end - a.end || FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field);
  const unique = new Map();
  for (const ev of evidence) {
    const [start, end] = [ev.start, Math.min(ev.end, text.length)];
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end) {
      unique.set(`${ev.field}:${start}:${end}`, { field: ev.field, start, end });
    }
  }
  const spans = [...unique.values()].sort(bySpan);

  const root = { start: 0, end: text.length, children: [] };
  const stack = [root];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    while (stack[stack.length - 1].end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    const node = { field: span.field, start: span.start, end: Math.min(span.end, parent.end), children: [] };
    parent.children.push(node);
    stack.push(node);
    if (span.end > parent.end) {
      const rest = { field: span.field, start: parent.end, end: span.end };
      let j = i + 1;
      while (j < spans.length && bySpan(spans[j], rest) <= 0) j++;
      spans.splice(j, 0, rest);
    }
  }

  const build = (node, into) => {
    let pos = node.start;
    for (const child of node.children) {
      if (child.start > pos) into.append(text.slice(pos, child.start));
      into.append(build(child, h('mark', { 'data-field': child.field, title: child.field })));
      pos = child.end;
    }
    if (pos < node.end) into.append(text.slice(pos, node.end));
    return into;
  };
  return build(root, document.createDocumentFragment());
}

// ---------------------------------------------------------------- wiring

function onResize(element, redraw) {
  let frame = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(redraw);
  }).observe(element);
}

function init() {
  const form = $('#filters');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    applyFilters(readForm());
  });
  for (const id of ['#f-type', '#f-country', '#f-from', '#f-to']) {
    $(id).addEventListener('change', () => applyFilters(readForm()));
  }
  $('#reset').addEventListener('click', () => applyFilters(EMPTY_FILTERS));
  $('#clear-brush').addEventListener('click', () => applyFilters({ ...state.filters, from: '', to: '' }));
  $('#more').addEventListener('click', () => void loadMore());

  const pick = (event) => event.target.closest('[data-event-id]')?.dataset.eventId;
  $('#event-list').addEventListener('click', (event) => {
    const id = pick(event);
    if (id) void selectEvent(id);
  });
  const map = $('#map-svg');
  map.addEventListener('click', (event) => {
    const id = pick(event);
    if (id) void selectEvent(id);
  });
  map.addEventListener('keydown', (event) => {
    const id = pick(event);
    if (id && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      void selectEvent(id);
    }
  });
  $('#event-detail').addEventListener('click', (event) => {
    if (!event.target.closest('button.close')) return;
    state.selectedId = null;
    state.detailSeq++;
    markSelection();
    $('#event-detail').replaceChildren(
      h('p', { class: 'muted' }, 'Select an event on the map or in the list.'),
    );
  });
  setupBrush();
  onResize($('#map'), renderMap);
  onResize($('#timeline'), renderTimeline);

  api('api/basemap')
    .then((basemap) => {
      state.basemap = basemap;
      renderMap();
    })
    .catch((err) => setStatus(`Could not load the basemap: ${err.message}`, true));
  loadFacets().catch((err) => setStatus(`Could not load the filter choices: ${err.message}`, true));
  applyFilters(filtersFromUrl());
}

init();
