/** What the extension's pages show of a topic: its sources in reading order, and its key dates. Pure. */
import type { Dataset, DatasetEvent, Source, SourceKind, Topic } from './schema';

/** Ids of every source a topic cites (status, events, figures, discrepancies), each once. */
export function sourceIdsOf(topic: Topic): string[] {
  return [
    ...new Set([
      ...topic.status.sources,
      ...topic.events.flatMap((e) => e.sources),
      ...topic.figures.flatMap((f) => f.sources),
      ...topic.discrepancies.flatMap((d) => d.sources),
    ]),
  ];
}

const KIND_ORDER: Record<SourceKind, number> = { primary: 0, secondary: 1, party: 2 };

/** A topic's sources, primary first, then press and commentary, then parties' own statements; the dataset's order within each. */
export function sourcesOf(dataset: Dataset, topic: Topic): Source[] {
  const byId = new Map(dataset.sources.map((source) => [source.id, source]));
  const sources = sourceIdsOf(topic).flatMap((id) => byId.get(id) ?? []);
  const position = new Map(dataset.sources.map((source, index) => [source.id, index]));
  return sources.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || position.get(a.id)! - position.get(b.id)!);
}

/** How many of the most recent dates show first when a topic flags none as key. */
export const RECENT_DATES = 5;

/** The dates shown before the reader asks for all: those the dataset flags as key, else the most recent few. */
export function keyDatesOf(events: readonly DatasetEvent[]): readonly DatasetEvent[] {
  const flagged = events.filter((event) => event.key);
  return flagged.length > 0 ? flagged : events.slice(-RECENT_DATES);
}
