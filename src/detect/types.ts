/** Types shared by the detection core and its callers. The core never touches the DOM. */

/** What the detector needs to know about one topic: its id and vocabulary (from the dataset). */
export interface TopicVocabulary {
  id: string;
  terms: {
    /** Names of the topic itself: enough on their own. */
    names: string[];
    /** The receiving side of the sharing (e.g. the Home Office, Palantir). */
    partners: string[];
    /** Words that point to this topic over another; never enough on their own. */
    cues: string[];
  };
}

/** A passage of the text: a paragraph, list item, heading, cell or caption. */
export interface TextBlock {
  start: number;
  end: number;
  /** Navigation, asides, footers and "most read" lists are peripheral and never flag. */
  role: 'main' | 'peripheral';
}

export type TermKind =
  | 'name' // a topic's own name
  | 'partner' // a topic's receiving side
  | 'cue' // a topic's pointer words
  | 'nhs-data' // NHS data on its own (NHS Digital, patient records…)
  | 'nhs' // the NHS side, needing a data word (NHS, hospital, GP…)
  | 'data' // data, records, addresses…
  | 'sharing' // shared with, handed over, passed to…
  | 'not-sharing'; // a sharing word that means none ("a share of"): it hides the word inside it

export interface KeyPhrase {
  start: number;
  end: number;
  kind: TermKind;
}

export interface Mention {
  topic: string;
  /** Index of the passage in the blocks given to the detector. */
  block: number;
  /** The passage's range in the text. */
  start: number;
  end: number;
  /** The phrases that made the passage count, in text order. */
  phrases: KeyPhrase[];
  /** 0..1: how sure the detector is that the passage is about this topic. */
  confidence: number;
}
