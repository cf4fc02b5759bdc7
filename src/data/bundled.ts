/**
 * The dataset bundled with the extension, for the extension's own pages. It was validated when
 * the extension was built (vite.config.ts), so it is typed here without parsing it again.
 */
import raw from './dataset.json';
import type { Dataset, Topic } from './schema';

export const dataset = raw as unknown as Dataset;

const topics = new Map<string, Topic>(dataset.topics.map((topic) => [topic.id, topic]));

export function topicById(id: string): Topic | undefined {
  return topics.get(id);
}
