// Events per day, week or month for the current filters (dates aside), with a brush: drag across the
// bars to choose a date range; a click picks one bar. The From/To fields do the same from the keyboard.
import { useMemo, useState, type PointerEvent } from 'react';
import { getTimeline } from '../../api/client.js';
import { filtersKey, withoutDates, type Filters } from '../../filters.js';
import { plural } from '../../format.js';
import { binLabel, dayOf, isoOf, makeBins, type Bin, type BinUnit } from '../../timeline.js';
import { useAsync } from '../../useAsync.js';
import { useWidth } from '../../useWidth.js';
import { ErrorNote } from '../common/ErrorNote.js';

const HEIGHT = 120;
const MARGIN = { left: 8, right: 8, top: 18, bottom: 22 };

interface Props {
  filters: Filters;
  onRange: (from: string, to: string) => void;
}

interface Scale {
  unit: BinUnit;
  bins: Bin[];
  x0: number;
  x1: number;
  x: (day: number) => number;
  binAt: (px: number) => Bin;
}

function makeScale(unit: BinUnit, bins: Bin[], width: number): Scale | null {
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last || width < 40) return null;
  const [x0, x1] = [MARGIN.left, width - MARGIN.right];
  const [d0, d1] = [first.start, last.end];
  const x = (day: number) => x0 + ((day - d0) / (d1 - d0)) * (x1 - x0);
  const binAt = (px: number) => {
    const day = d0 + ((px - x0) / (x1 - x0)) * (d1 - d0);
    return bins.find((b) => day < b.end) ?? last;
  };
  return { unit, bins, x0, x1, x, binAt };
}

export function Timeline({ filters, onRange }: Props) {
  const base = withoutDates(filters);
  const timeline = useAsync((signal) => getTimeline(base, signal), [filtersKey(base)]);
  const [width, boxRef] = useWidth<HTMLDivElement>();
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [readout, setReadout] = useState('');
  const { unit, bins } = useMemo(() => makeBins(timeline.data?.buckets ?? []), [timeline.data]);
  const scale = makeScale(unit, bins, width);

  const localX = (e: PointerEvent<SVGElement>): number => {
    const svg = e.currentTarget.ownerSVGElement ?? e.currentTarget;
    const px = e.clientX - svg.getBoundingClientRect().left;
    return scale ? Math.min(scale.x1, Math.max(scale.x0, px)) : px;
  };
  const onDown = (e: PointerEvent<SVGElement>) => {
    if (!scale || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const px = localX(e);
    setDrag({ from: px, to: px });
    e.preventDefault();
  };
  const onMove = (e: PointerEvent<SVGElement>) => {
    if (!scale) return;
    const px = localX(e);
    const bin = scale.binAt(px);
    setReadout(`${binLabel(bin, scale.unit)}: ${plural(bin.count, 'event')}`);
    if (drag) setDrag({ ...drag, to: px });
  };
  const onUp = (e: PointerEvent<SVGElement>) => {
    if (!scale || !drag) return;
    const px = localX(e);
    const [lo, hi] = [Math.min(drag.from, px), Math.max(drag.from, px)];
    setDrag(null);
    const first = scale.binAt(lo);
    const last = hi - lo < 3 ? first : scale.binAt(hi);
    onRange(isoOf(first.start), isoOf(last.end - 1));
  };

  let selection: [number, number] | null = null;
  if (scale && drag) selection = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
  else if (scale && (filters.from || filters.to)) {
    const left = filters.from ? Math.max(scale.x0, scale.x(dayOf(filters.from))) : scale.x0;
    const right = filters.to ? Math.min(scale.x1, scale.x(dayOf(filters.to) + 1)) : scale.x1;
    selection = [left, Math.max(left, right)];
  }

  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <div className="timeline-head">
        <h2 id="timeline-title">Timeline</h2>
        <span className="muted" aria-live="polite">
          {readout ||
            (filters.from || filters.to
              ? `Selected ${filters.from || '…'} – ${filters.to || '…'}`
              : `Events per ${unit}`)}
        </span>
        <button type="button" disabled={!filters.from && !filters.to} onClick={() => onRange('', '')}>
          Clear dates
        </button>
      </div>
      {timeline.error && (
        <ErrorNote message={`Could not load the timeline: ${timeline.error}`} onRetry={timeline.reload} />
      )}
      <div className="timeline-box" ref={boxRef}>
        <svg
          data-testid="timeline"
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`Events per ${unit}; drag across to choose a date range`}
        >
          {scale && <Bars scale={scale} filters={filters} />}
          {scale && <Axis scale={scale} />}
          {scale && (
            <g data-testid="timeline-brush" className="brush">
              <rect
                className="overlay"
                x={scale.x0}
                y={0}
                width={scale.x1 - scale.x0}
                height={HEIGHT}
                onPointerDown={onDown}
                onPointerMove={onMove}
                onPointerUp={onUp}
                onPointerCancel={() => setDrag(null)}
                onPointerLeave={() => setReadout('')}
              />
              {selection && (
                <rect
                  className="selection"
                  x={selection[0]}
                  y={MARGIN.top - 6}
                  width={selection[1] - selection[0]}
                  height={HEIGHT - MARGIN.bottom - MARGIN.top + 6}
                />
              )}
            </g>
          )}
        </svg>
        {timeline.data && bins.length === 0 && <p className="muted">No dated events for these filters.</p>}
      </div>
    </section>
  );
}

function Bars({ scale, filters }: { scale: Scale; filters: Filters }) {
  const max = Math.max(1, ...scale.bins.map((b) => b.count));
  const base = HEIGHT - MARGIN.bottom;
  const h = (count: number) => (count / max) * (base - MARGIN.top);
  const from = filters.from ? dayOf(filters.from) : null;
  const to = filters.to ? dayOf(filters.to) : null;
  const inRange = (b: Bin) => (from === null || b.end > from) && (to === null || b.start <= to);
  return (
    <g className="bars">
      {scale.bins.map((b) => (
        <rect
          key={b.start}
          className={inRange(b) ? 'bar in-range' : 'bar'}
          x={scale.x(b.start) + 0.5}
          width={Math.max(1, scale.x(b.end) - scale.x(b.start) - 1)}
          y={base - h(b.count)}
          height={h(b.count)}
        />
      ))}
      <text className="max" x={scale.x0} y={11}>
        max {max} per {scale.unit}
      </text>
    </g>
  );
}

function Axis({ scale }: { scale: Scale }) {
  const base = HEIGHT - MARGIN.bottom;
  const perBin = (scale.x1 - scale.x0) / scale.bins.length;
  const every = Math.max(1, Math.ceil(90 / perBin));
  const labelled = scale.bins.filter((b, i) => i % every === 0 && scale.x(b.start) < scale.x1 - 60);
  return (
    <g className="axis">
      <line x1={scale.x0} x2={scale.x1} y1={base + 0.5} y2={base + 0.5} />
      {labelled.map((b) => (
        <text key={b.start} x={scale.x(b.start)} y={HEIGHT - 6}>
          {scale.unit === 'month' ? isoOf(b.start).slice(0, 7) : isoOf(b.start)}
        </text>
      ))}
    </g>
  );
}
