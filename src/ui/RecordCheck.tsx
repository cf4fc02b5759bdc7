import { sourceById } from '../data/bundled';
import { t, type MessageKey } from './i18n';

/** A date or figure stated on the page, checked against the record (DESIGN §3, `claims`). */
export interface CheckedClaim {
  text: string;
  kind: 'date' | 'figure';
  verdict: 'matches' | 'differs' | 'disputed' | 'unverified';
  /** What the record says, in a few words. */
  expected?: string;
  sources: string[];
}

const VERDICT_LABEL: Record<CheckedClaim['verdict'], MessageKey> = {
  matches: 'verdictMatches',
  differs: 'verdictDiffers',
  disputed: 'verdictDisputed',
  unverified: 'verdictUnverified',
};

/** "What the record says": the page's dates and figures against the record, or a line saying none were checked. */
export function RecordCheck({ claims }: { claims: readonly CheckedClaim[] }) {
  return (
    <section class="record-check">
      <h4>{t('recordSaysHeading')}</h4>
      {claims.length === 0 ? (
        <p class="muted">{t('noClaimsChecked')}</p>
      ) : (
        <ul class="claims">
          {claims.map((claim) => (
            <li key={`${claim.kind} ${claim.text}`}>
              <q>{claim.text}</q> <span class={`verdict verdict-${claim.verdict}`}>{t(VERDICT_LABEL[claim.verdict])}</span>
              {claim.expected && <span class="expected">{t('recordValue', claim.expected)}</span>}
              <span class="claim-sources">
                {claim.sources.flatMap((id) => {
                  const source = sourceById(id);
                  return source
                    ? [
                        <a key={id} href={source.url} target="_blank" rel="noopener noreferrer" lang="en">
                          {source.title}
                        </a>,
                      ]
                    : [];
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
