import { useState } from 'preact/hooks';
import { dataset, topicById } from '../../data/bundled';
import type { MentionSummary, PageReport } from '../../messages';
import { t } from '../../ui/i18n';
import { TopicStatus } from '../../ui/TopicStatus';

interface Props {
  report: PageReport;
  onShow: (index: number) => Promise<boolean>;
}

/** Mentions grouped by topic, in dataset order; each passage keeps its index on the page. */
function groupByTopic(mentions: MentionSummary[]): [string, { mention: MentionSummary; index: number }[]][] {
  const groups = new Map<string, { mention: MentionSummary; index: number }[]>();
  mentions.forEach((mention, index) => {
    const list = groups.get(mention.topic) ?? [];
    list.push({ mention, index });
    groups.set(mention.topic, list);
  });
  const order: string[] = dataset.topics.map((topic) => topic.id);
  return [...groups].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

export function MentionsFound({ report, onShow }: Props) {
  const [notice, setNotice] = useState('');
  const show = async (index: number) => {
    const shown = await onShow(index).catch(() => false);
    setNotice(shown ? '' : t('showOnPageFailed'));
  };
  return (
    <section>
      <h2>{t('foundHeading')}</h2>
      <p>{t('foundCount', String(report.mentions.length))}</p>
      {report.truncated && <p class="warning">{t('truncated')}</p>}
      {groupByTopic(report.mentions).map(([topicId, items]) => {
        const topic = topicById(topicId);
        return (
          <article class="topic" key={topicId} data-topic={topicId}>
            <h3>{topic?.title ?? t('topicUnknown')}</h3>
            {topic && <TopicStatus topic={topic} asOf={dataset.asOf} />}
            {topic && <p class="summary">{topic.summary}</p>}
            <h4>{t('passagesOnPage')}</h4>
            <ol class="passages">
              {items.map(({ mention, index }) => (
                <li key={index}>
                  <blockquote>{mention.passage}</blockquote>
                  <button type="button" onClick={() => void show(index)}>{t('showOnPage')}</button>
                </li>
              ))}
            </ol>
          </article>
        );
      })}
      <p role="status" aria-live="polite" class="muted">{notice}</p>
    </section>
  );
}
