/** What the claims check gives back. */

export type ClaimVerdict = 'matches' | 'differs' | 'disputed' | 'unverified';

export interface Claim {
  /** The page's words in the checked text: the date or figure and the words tying it to the record. */
  start: number;
  end: number;
  text: string;
  kind: 'date' | 'figure';
  topic: string;
  verdict: ClaimVerdict;
  /** What the record says ("9 November 2018"); empty when the record has nothing on it. */
  expected: string;
  sources: string[];
  /** The record checked against: an event (`topic/n`, as in the JSON-LD export), a figure or a discrepancy. */
  record: { type: 'event' | 'figure' | 'discrepancy'; id: string } | null;
}

/** A flagged passage: a detector Mention or a scan result's mention both fit. */
export interface ClaimPassage {
  topic: string;
  start: number;
  end: number;
  /** Index of the passage's block, so that its neighbours can be read too. */
  block?: number;
}

export interface CheckOptions {
  /** The text's passages, as given to the detector: the flagged passages' neighbours are read too. */
  blocks?: readonly { start: number; end: number; role?: 'main' | 'peripheral' }[];
  /** When the article was published (YYYY-MM-DD): "last year" and "this year" count only with it. */
  articleDate?: string;
}
