import { describe, expect, it, vi } from 'vitest';
import { hoverCardText } from '../../src/background/hover-card-text';
import { dataset } from '../../src/data/bundled';
import { formatDate as formatIn } from '../../src/dates';

vi.mock('webextension-polyfill', () => import('./support/fake-browser'));

describe("the hover card's text, made by the background", () => {
  const topic = dataset.topics.find((candidate) => candidate.id === 'home-office-mou')!;

  it("gives the topic's title, its status since when, and the record's date, in English", () => {
    expect(hoverCardText(topic.id, 'en')).toEqual({
      title: topic.title,
      status: `${topic.status.label} since ${formatIn(topic.status.since, 'en-GB')}`,
      asOf: `Record as of ${formatIn(dataset.asOf, 'en-GB')}`,
      details: 'Details and sources',
    });
  });

  it('speaks Welsh when the reader chose it, dates included', () => {
    const text = hoverCardText(topic.id, 'cy')!;
    expect(text.status).toBe(`${topic.status.label} ers ${formatIn(topic.status.since, 'cy')}`);
    expect(text.asOf).not.toMatch(/January|February|March|April|May|June|July|August|September|October|November|December/);
  });

  it('has nothing for a topic the dataset lacks', () => {
    expect(hoverCardText('no-such-topic', 'en')).toBeNull();
  });
});
