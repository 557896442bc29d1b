// The map's points in memory: every located event's position, date range, toll and precision in typed
// arrays (about 50 bytes an event), so that grouping a whole record into grid cells is one pass over
// arrays instead of a GROUP BY that sorts every row through a temporary B-tree (120 ms at 100,000 events,
// 3–5 ms here). Events are only ever appended (never updated or deleted), so the arrays are refreshed by
// reading the rows past the highest row number loaded; a smaller highest row number means the file was
// replaced, and the arrays are rebuilt. Other processes' appends are seen the same way.
import type Database from 'better-sqlite3';
import type { ClusterCell } from '../../ports/storage.port.js';

const CHUNK = 4096;

/** YYYY-MM-DD as a number that orders like the date: 20240312. */
export const dayNumber = (iso: string): number =>
  Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));

interface Cell {
  count: number;
  lat: number;
  lon: number;
  fatalities: number;
  precision: number;
  first: number;
}

export interface PointQuery {
  /** Row numbers (events.n) the other filters allow, or null for all. */
  allowed: number[] | null;
  from?: string | undefined;
  to?: string | undefined;
  bbox?: [number, number, number, number] | undefined;
  cellDegrees: number;
}

export class PointIndex {
  private size = 0;
  private maxN = 0;
  private n = new Int32Array(CHUNK);
  private lat = new Float64Array(CHUNK);
  private lon = new Float64Array(CHUNK);
  private fatalities = new Float64Array(CHUNK);
  private precision = new Int8Array(CHUNK);
  private uncertainty = new Float32Array(CHUNK);
  private start = new Int32Array(CHUNK);
  private end = new Int32Array(CHUNK);
  private ids: string[] = [];
  /** events.n → position in the arrays + 1 (0: not located, or not loaded). */
  private slot = new Int32Array(CHUNK);

  constructor(private readonly db: Database.Database) {}

  private grow(need: number): void {
    if (need <= this.n.length) return;
    const cap = Math.max(need, this.n.length * 2);
    const widen = <T extends Int32Array | Float64Array | Float32Array | Int8Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.n = widen(this.n, (c) => new Int32Array(c));
    this.lat = widen(this.lat, (c) => new Float64Array(c));
    this.lon = widen(this.lon, (c) => new Float64Array(c));
    this.fatalities = widen(this.fatalities, (c) => new Float64Array(c));
    this.precision = widen(this.precision, (c) => new Int8Array(c));
    this.uncertainty = widen(this.uncertainty, (c) => new Float32Array(c));
    this.start = widen(this.start, (c) => new Int32Array(c));
    this.end = widen(this.end, (c) => new Int32Array(c));
  }

  private reset(): void {
    this.size = 0;
    this.maxN = 0;
    this.ids = [];
    this.slot = new Int32Array(CHUNK);
  }

  /** Reads the events appended since the last call (all of them the first time). */
  refresh(): void {
    const top = (this.db.prepare('SELECT MAX(n) AS n FROM events').get() as { n: number | null }).n ?? 0;
    if (top < this.maxN) this.reset();
    if (top === this.maxN) return;
    const rows = this.db
      .prepare(
        `SELECT n, id, lat, lon, fatalities_best, geo_precision, date_start, date_end,
                json_extract(doc, '$.location.uncertaintyKm') FROM events
          WHERE n > ? AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY n`,
      )
      .raw()
      .all(this.maxN) as [
      number,
      string,
      number,
      number,
      number | null,
      number | null,
      string,
      string,
      number | null,
    ][];
    this.grow(this.size + rows.length);
    if (this.slot.length <= top) {
      const s = new Int32Array(Math.max(top + 1, this.slot.length * 2));
      s.set(this.slot);
      this.slot = s;
    }
    for (const [n, id, lat, lon, fat, prec, start, end, km] of rows) {
      const i = this.size++;
      this.n[i] = n;
      this.ids[i] = id;
      this.lat[i] = lat;
      this.lon[i] = lon;
      this.fatalities[i] = fat ?? 0;
      this.precision[i] = prec ?? 0;
      this.start[i] = dayNumber(start);
      this.end[i] = dayNumber(end);
      this.uncertainty[i] = km ?? Number.NaN;
      this.slot[n] = i + 1;
    }
    this.maxN = top;
  }

  /** Groups the matching events into cells of the grid; each cell at its events' centroid. */
  cells(q: PointQuery): ClusterCell[] {
    this.refresh();
    const from = q.from ? dayNumber(q.from) : -Infinity;
    const to = q.to ? dayNumber(q.to) : Infinity;
    const [minLon, minLat, maxLon, maxLat] = q.bbox ?? [-180, -90, 180, 90];
    const size = q.cellDegrees;
    // The cells the box can hold: a dense table when there are few enough, else a map.
    const x0 = Math.floor((Math.max(minLon, -180) + 180) / size);
    const y0 = Math.floor((Math.max(minLat, -90) + 90) / size);
    const cols = Math.floor((Math.min(maxLon, 180) + 180) / size) - x0 + 1;
    const rows = Math.floor((Math.min(maxLat, 90) + 90) / size) - y0 + 1;
    const dense = cols > 0 && rows > 0 && cols * rows <= 1 << 20 ? new Int32Array(cols * rows) : null;
    const sparse = new Map<number, number>();
    const found: Cell[] = [];
    const take = (i: number): void => {
      // date ranges overlap; boxes include their edges (as the SQL filters do)
      if (this.end[i]! < from || this.start[i]! > to) return;
      const lat = this.lat[i]!;
      const lon = this.lon[i]!;
      if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon) return;
      const key = (Math.floor((lat + 90) / size) - y0) * cols + (Math.floor((lon + 180) / size) - x0);
      const at = dense ? dense[key]! : (sparse.get(key) ?? 0);
      if (at === 0) {
        found.push({
          count: 1,
          lat,
          lon,
          fatalities: this.fatalities[i]!,
          precision: this.precision[i]!,
          first: i,
        });
        if (dense) dense[key] = found.length;
        else sparse.set(key, found.length);
        return;
      }
      const c = found[at - 1]!;
      c.count++;
      c.lat += lat;
      c.lon += lon;
      c.fatalities += this.fatalities[i]!;
      if (this.precision[i]! > c.precision) c.precision = this.precision[i]!;
    };
    if (q.allowed === null) for (let i = 0; i < this.size; i++) take(i);
    else
      for (const n of q.allowed) {
        const s = n < this.slot.length ? this.slot[n]! : 0;
        if (s > 0) take(s - 1);
      }
    const cells: ClusterCell[] = [];
    for (const c of found) {
      const single = c.count === 1;
      const km = this.uncertainty[c.first]!;
      cells.push({
        lat: c.lat / c.count,
        lon: c.lon / c.count,
        count: c.count,
        fatalities: c.fatalities,
        geoPrecision: c.precision || null,
        eventId: single ? this.ids[c.first]! : null,
        uncertaintyKm: single && !Number.isNaN(km) ? km : null,
      });
    }
    return cells;
  }
}
