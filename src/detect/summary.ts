import type { Mention } from './types';
import type { MentionSummary } from '../messages';

const PASSAGE_LIMIT = 600;
const PHRASE_LIMIT = 12;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What the background and popup get of a mention: the passage as readable text, not page nodes. */
export function summarise(text: string, mention: Mention): MentionSummary {
  const passage = collapse(text.slice(mention.start, mention.end));
  const phrases = [...new Set(mention.phrases.map((p) => collapse(text.slice(p.start, p.end))))].slice(0, PHRASE_LIMIT);
  return {
    topic: mention.topic,
    passage: passage.length > PASSAGE_LIMIT ? `${passage.slice(0, PASSAGE_LIMIT - 1)}…` : passage,
    phrases,
    confidence: mention.confidence,
  };
}
