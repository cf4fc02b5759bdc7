import type { Topic } from '../data/schema';
import { keyDatesOf } from '../data/topics';
import { ExpandableList } from './ExpandableList';
import { formatDate, t } from './i18n';

/** A topic's dates, oldest first: the key few, and all on demand. */
export function TopicTimeline({ topic }: { topic: Topic }) {
  const { events } = topic;
  return (
    <section class="dates">
      <h4>{t('keyDates')}</h4>
      <ExpandableList
        items={events}
        initial={keyDatesOf(events)}
        keyOf={(event) => `${event.date} ${event.title}`}
        listClass="timeline"
        moreLabel={t('showAllDates', String(events.length))}
        lessLabel={t('showKeyDates')}
        renderItem={(event) => (
          <>
            <time dateTime={event.date}>{formatDate(event.date)}</time>
            <span class="event-title" lang="en">
              {event.title}
            </span>
            {event.detail && (
              <span class="event-detail" lang="en">
                {event.detail}
              </span>
            )}
          </>
        )}
      />
    </section>
  );
}
