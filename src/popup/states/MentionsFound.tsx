import { useEffect, useState } from 'preact/hooks';
import type { Claim } from '../../claims';
import { dataset, topicById } from '../../data/bundled';
import type { MentionSummary, PageReport } from '../../messages';
import { formatCount, t } from '../../ui/i18n';
import { RecordCheck, type RecordCheckLabels } from '../../ui/RecordCheck';
import { TopicRecord } from '../../ui/TopicRecord';
import { PageMentions, type NumberedMention } from '../PageMentions';

interface Props {
  report: PageReport;
  /** The page's dates and figures, checked against the record. */
  claims: readonly Claim[];
  onShow: (index: number) => Promise<boolean>;
}

function recordCheckLabels(): RecordCheckLabels {
  return {
    heading: t('recordSaysHeading'),
    verdicts: { matches: t('verdictMatches'), differs: t('verdictDiffers'), disputed: t('verdictDisputed'), unverified: t('verdictUnverified') },
    record: t('recordLabel'),
    noRecord: t('recordNothing'),
    sources: t('claimSourcesLabel'),
    // The place stays, so a reader knows the page's dates and figures were looked for.
    none: t('noClaimsChecked'),
  };
}

/** Mentions grouped by topic, in dataset order; each passage keeps its index on the page. */
function groupByTopic(mentions: MentionSummary[]): [string, NumberedMention[]][] {
  const groups = new Map<string, NumberedMention[]>();
  mentions.forEach((mention, index) => {
    const list = groups.get(mention.topic) ?? [];
    list.push({ mention, index });
    groups.set(mention.topic, list);
  });
  const order: string[] = dataset.topics.map((topic) => topic.id);
  return [...groups].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

export function MentionsFound({ report, claims, onShow }: Props) {
  const [notice, setNotice] = useState('');
  const show = async (index: number) => {
    const shown = await onShow(index).catch(() => false);
    setNotice(shown ? '' : t('showOnPageFailed'));
  };
  // Opened from the page's hover card as popup.html?tab=…#topic: bring that topic into view.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.querySelector(`[data-topic="${CSS.escape(id)}"]`)?.scrollIntoView();
  }, []);
  return (
    <section>
      <h2>{t('foundHeading')}</h2>
      <p>{t('foundCount', formatCount(report.flagged))}</p>
      {report.flagged > report.mentions.length && <p>{t('listedFirst', formatCount(report.mentions.length))}</p>}
      {report.truncated && <p class="warning">{t('truncated')}</p>}
      <p role="status" class="notice">{notice}</p>
      {/* Before the topics: whether the page's own dates and figures hold is the quickest answer. */}
      <RecordCheck claims={claims} sources={dataset.sources} labels={recordCheckLabels()} />
      {groupByTopic(report.mentions).map(([topicId, items]) => {
        const topic = topicById(topicId);
        const mentions = <PageMentions items={items} onShow={(index) => void show(index)} />;
        return (
          <article class="topic" key={topicId} data-topic={topicId}>
            <h3 lang={topic ? 'en' : undefined}>{topic?.title ?? t('topicUnknown')}</h3>
            {topic ? <TopicRecord topic={topic}>{mentions}</TopicRecord> : mentions}
          </article>
        );
      })}
    </section>
  );
}
