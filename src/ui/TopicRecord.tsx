import type { ComponentChildren } from 'preact';
import type { Topic } from '../data/schema';
import { TopicStatus } from './TopicStatus';
import { TopicSources } from './TopicSources';
import { TopicTimeline } from './TopicTimeline';

/**
 * What the record says about one topic: status, summary, key dates and sources. `children` (what
 * the page itself says) go after the summary, so the page's own passages come before the history.
 */
export function TopicRecord({ topic, children }: { topic: Topic; children?: ComponentChildren }) {
  return (
    <>
      <TopicStatus topic={topic} />
      <p class="summary" lang="en">
        {topic.summary}
      </p>
      {children}
      <TopicTimeline topic={topic} />
      <TopicSources topic={topic} />
    </>
  );
}
