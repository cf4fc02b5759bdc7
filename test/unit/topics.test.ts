import { describe, expect, it } from 'vitest';
import raw from '../../src/data/dataset.json';
import { parseDataset } from '../../src/data/schema';
import { keyDatesOf, RECENT_DATES, sourceIdsOf, sourcesOf } from '../../src/data/topics';

const dataset = parseDataset(raw);

describe('a topic’s sources', () => {
  it('are every source its status, events, figures and discrepancies cite, once each', () => {
    for (const topic of dataset.topics) {
      const ids = sourceIdsOf(topic);
      expect(new Set(ids).size, topic.id).toBe(ids.length);
      const cited = [topic.status, ...topic.events, ...topic.figures, ...topic.discrepancies].flatMap((item) => item.sources);
      expect(new Set(ids), topic.id).toEqual(new Set(cited));
    }
  });

  it('come primary first, then press and commentary, then parties, each in the dataset’s order', () => {
    const rank = { primary: 0, secondary: 1, party: 2 };
    const position = new Map(dataset.sources.map((s, i) => [s.id, i]));
    for (const topic of dataset.topics) {
      const sources = sourcesOf(dataset, topic);
      expect(sources.map((s) => s.id).sort(), topic.id).toEqual(sourceIdsOf(topic).sort());
      for (let i = 1; i < sources.length; i++) {
        const [a, b] = [sources[i - 1]!, sources[i]!];
        expect(rank[a.kind] < rank[b.kind] || (a.kind === b.kind && position.get(a.id)! < position.get(b.id)!), `${topic.id}: ${a.id} before ${b.id}`).toBe(true);
      }
    }
  });
});

describe('a topic’s key dates', () => {
  const event = (date: string, key?: true) => ({ date, title: `Event ${date}`, sources: ['s'], ...(key ? { key } : {}) });

  it('are the events the dataset flags as key, oldest first', () => {
    const events = [event('2016'), event('2017-01', true), event('2018'), event('2019', true), event('2020')];
    expect(keyDatesOf(events).map((e) => e.date)).toEqual(['2017-01', '2019']);
  });

  it('are the most recent few when none is flagged', () => {
    const events = ['2010', '2011', '2012', '2013', '2014', '2015', '2016'].map((date) => event(date));
    expect(keyDatesOf(events)).toEqual(events.slice(-RECENT_DATES));
  });

  it('are flagged for every topic in the bundled dataset, and fewer than all its dates', () => {
    for (const topic of dataset.topics) {
      const key = keyDatesOf(topic.events);
      expect(key.every((e) => e.key), topic.id).toBe(true);
      expect(key.length, topic.id).toBeLessThan(topic.events.length);
    }
  });
});
