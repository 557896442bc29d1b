// Claims are kept apart from events: who said it, who relayed it to this outlet, and what was said.
import type { StoredClaim } from '../../api/types.js';
import { claimantLabel, dateLabel } from '../../format.js';

function Chain({ claim }: { claim: StoredClaim }) {
  const chain = [claimantLabel(claim.claimant), ...claim.via, claim.outlet ?? 'this outlet'];
  return (
    <div className="via" aria-label="How the claim reached this report">
      {chain.join(' → ')}
    </div>
  );
}

export function ClaimList({ claims }: { claims: StoredClaim[] }) {
  return (
    <section className="claims-box" aria-labelledby="claims-title">
      <h2 id="claims-title">Claims ({claims.length})</h2>
      {claims.length === 0 ? (
        <p className="muted">This report attributes no claim to anyone.</p>
      ) : (
        <ol className="claims">
          {claims.map((c) => (
            <li key={c.id} className="claim" data-testid="claim">
              <div>
                <strong>{claimantLabel(c.claimant)}</strong>{' '}
                <span className={`stance stance-${c.stance}`}>
                  {c.stance === 'deny' ? 'denies' : 'asserts'}
                </span>{' '}
                <span className="kind">({c.kind})</span>
              </div>
              <Chain claim={c} />
              <div className="muted">
                {[
                  c.quantity ? `${c.quantity.value.toLocaleString('en')} ${c.quantity.unit}` : null,
                  c.statedOn ? `stated ${dateLabel(c.statedOn)}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              <blockquote>{c.text}</blockquote>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
