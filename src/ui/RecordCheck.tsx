import { useId } from 'preact/hooks';
import type { Claim, ClaimVerdict } from '../claims';
import type { Source } from '../data/schema';

/** The words the list needs, from the caller's locale. */
export interface RecordCheckLabels {
  heading: string;
  verdicts: Record<ClaimVerdict, string>;
  /** Before what the record says: "The record:". */
  record: string;
  /** When the record has nothing on the claim. */
  noRecord: string;
  /** Before the list of sources: "Sources:". */
  sources: string;
  /** When given, said under the heading when no claim was checked; without it, nothing is shown. */
  none?: string;
}

interface Props {
  claims: readonly Pick<Claim, 'text' | 'verdict' | 'expected' | 'sources'>[];
  /** The dataset's sources, to name and link each claim's sources. */
  sources: readonly Source[];
  labels: RecordCheckLabels;
}

/**
 * The page's dates and figures checked against the record: for each, the verdict, the page's
 * own words, what the record says and its sources. With no claims it renders nothing, or the
 * `none` line under its heading. Styling hooks: `.record-check`, and `data-verdict` on each item.
 */
export function RecordCheck({ claims, sources, labels }: Props) {
  const headingId = useId();
  if (claims.length === 0 && !labels.none) return null;
  const byId = new Map(sources.map((source) => [source.id, source]));
  return (
    <section class="record-check" aria-labelledby={headingId}>
      <h2 id={headingId}>{labels.heading}</h2>
      {claims.length === 0 ? (
        <p class="muted">{labels.none}</p>
      ) : (
        <ul class="claims">
          {claims.map((claim, index) => (
            <li key={index} class="claim" data-verdict={claim.verdict}>
              <p>
                <strong class="verdict">{labels.verdicts[claim.verdict]}</strong> <q>{claim.text}</q>
              </p>
              <p class="expected">
                {labels.record} {claim.expected || labels.noRecord}
              </p>
              {claim.sources.length > 0 && (
                <p class="sources">
                  {labels.sources}{' '}
                  {claim.sources.map((id, i) => {
                    const source = byId.get(id);
                    return (
                      <span key={id}>
                        {i > 0 && '; '}
                        {source ? (
                          <a href={source.url} target="_blank" rel="noopener noreferrer">
                            {source.title}
                          </a>
                        ) : (
                          id
                        )}
                        {source && ` (${source.publisher})`}
                      </span>
                    );
                  })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
