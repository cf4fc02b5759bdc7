/**
 * The hover card's lines, made here rather than in the page: the content script then carries
 * neither the topics' titles nor date formatting, and the page's main thread never pays for
 * setting up `Intl.DateTimeFormat` (tens of milliseconds the first time).
 */
import { dataset, topicById } from '../data/bundled';
import type { HoverCardText } from '../messages';
import { formatDate, setLanguage, t, type Language } from '../ui/i18n';

/** A topic's card in the given language, as the popup words it; null for a topic the dataset lacks. */
export function hoverCardText(topicId: string, language: Language): HoverCardText | null {
  const topic = topicById(topicId);
  if (!topic) return null;
  setLanguage(language);
  return {
    title: topic.title,
    status: t('statusSince', [topic.status.label, formatDate(topic.status.since)]),
    asOf: t('asOf', formatDate(dataset.asOf)),
    details: t('showDetails'),
  };
}
