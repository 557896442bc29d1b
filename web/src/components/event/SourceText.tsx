// A report's text with each evidence span highlighted by the field it supports. The legend names the
// fields; hovering (or focusing) a legend entry shows only that field's spans, and hovering a passage
// says which field it supports. The text itself is never altered: marks only wrap it.
import { useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import type { EvidenceField } from '../../api/types.js';
import { FIELD_LABELS, markTree, presentFields, type MarkNode, type SpanLike } from '../../evidence.js';

function render(node: MarkNode, text: string, active: EvidenceField | null): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = node.start;
  for (const child of node.children) {
    if (child.start > pos) out.push(text.slice(pos, child.start));
    const field = child.field as EvidenceField;
    out.push(
      <mark
        key={`${field}:${child.start}:${child.end}`}
        data-field={field}
        title={FIELD_LABELS[field]}
        className={active === null ? undefined : active === field ? 'on' : 'dim'}
      >
        {render(child, text, active)}
      </mark>,
    );
    pos = child.end;
  }
  if (pos < node.end) out.push(text.slice(pos, node.end));
  return out;
}

export function SourceText({ text, evidence }: { text: string; evidence: SpanLike[] }) {
  const [active, setActive] = useState<EvidenceField | null>(null);
  const [pinned, setPinned] = useState<EvidenceField | null>(null);
  const [hovered, setHovered] = useState<{ field: EvidenceField; text: string } | null>(null);
  const tree = useMemo(() => markTree(text.length, evidence), [text, evidence]);
  const fields = useMemo(() => presentFields(evidence), [evidence]);
  const shown = active ?? pinned;

  const onOver = (event: MouseEvent) => {
    const mark = event.target instanceof Element ? event.target.closest('mark[data-field]') : null;
    const field = mark?.getAttribute('data-field') as EvidenceField | null | undefined;
    setHovered(mark && field ? { field, text: mark.textContent ?? '' } : null);
  };

  return (
    <div className="evidence">
      {fields.length > 0 && (
        <ul className="field-legend" aria-label="Evidence fields">
          {fields.map((f) => (
            <li key={f}>
              <button
                type="button"
                className="swatch"
                data-field={f}
                aria-pressed={pinned === f}
                onMouseEnter={() => setActive(f)}
                onMouseLeave={() => setActive(null)}
                onFocus={() => setActive(f)}
                onBlur={() => setActive(null)}
                onClick={() => setPinned(pinned === f ? null : f)}
              >
                {FIELD_LABELS[f]}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="evidence-readout muted" aria-live="polite" data-testid="evidence-readout">
        {hovered
          ? `${FIELD_LABELS[hovered.field]}: “${hovered.text}”`
          : fields.length > 0
            ? 'Point at a highlighted passage to see which field it supports.'
            : 'No field of this report points into the text.'}
      </p>
      <div className="source-text" onMouseOver={onOver} onMouseLeave={() => setHovered(null)}>
        {render(tree, text, shown)}
      </div>
    </div>
  );
}
