import { useState } from 'preact/hooks';
import { dataset } from '../data/bundled';
import { CITATION_FORMATS, formatCitations, type CitationFormat } from '../data/citations';
import type { Source, SourceKind, Topic } from '../data/schema';
import { sourcesOf } from '../data/topics';
import { ExpandableList } from './ExpandableList';
import { formatDate, t, type MessageKey } from './i18n';

/** How many sources show before the reader asks for all. */
export const FIRST_SOURCES = 5;

const KIND_LABEL: Record<SourceKind, MessageKey> = { primary: 'kindPrimary', secondary: 'kindPress', party: 'kindParty' };
const FORMAT_LABEL: Record<CitationFormat, MessageKey> = { plain: 'formatPlain', bibtex: 'formatBibtex', 'csl-json': 'formatCslJson' };

/** A topic's sources, primary first, each with a link and a way to copy its citation. */
export function TopicSources({ topic }: { topic: Topic }) {
  const sources = sourcesOf(dataset, topic);
  const [format, setFormat] = useState<CitationFormat>('plain');
  const [notice, setNotice] = useState('');

  const copy = async (chosen: Source[]) => {
    const formatName = t(FORMAT_LABEL[format]);
    try {
      await navigator.clipboard.writeText(formatCitations(chosen, format));
      setNotice(chosen.length === 1 ? t('copiedOne', formatName) : t('copiedMany', [String(chosen.length), formatName]));
    } catch {
      setNotice(t('copyFailed'));
    }
  };

  return (
    <section class="sources">
      <h4>{t('sourcesHeading', String(sources.length))}</h4>
      <div class="cite-tools">
        <label>
          {t('citationFormat')}{' '}
          <select value={format} onChange={(event) => setFormat(event.currentTarget.value as CitationFormat)}>
            {CITATION_FORMATS.map((option) => (
              <option key={option} value={option}>
                {t(FORMAT_LABEL[option])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="secondary" onClick={() => void copy(sources)}>
          {t('copyAll', String(sources.length))}
        </button>
      </div>
      <p role="status" class="notice">{notice}</p>
      <ExpandableList
        items={sources}
        initial={sources.slice(0, FIRST_SOURCES)}
        keyOf={(source) => source.id}
        listClass="source-list"
        moreLabel={t('showAllSources', String(sources.length))}
        lessLabel={t('showFewerSources')}
        renderItem={(source) => (
          <>
            <a href={source.url} target="_blank" rel="noopener noreferrer" lang="en">
              {source.title}
            </a>
            <span class="source-meta">
              <span class={`kind kind-${source.kind}`}>{t(KIND_LABEL[source.kind])}</span>{' '}
              <span lang="en">{source.publisher}</span>
              {source.published && <> · {formatDate(source.published)}</>}{' '}
              <button type="button" class="link" aria-label={t('copyOneLabel', source.title)} onClick={() => void copy([source])}>
                {t('copy')}
              </button>
            </span>
            {source.note && <span class="source-note" lang="en">{source.note}</span>}
          </>
        )}
      />
    </section>
  );
}
