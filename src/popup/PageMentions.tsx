import type { MentionSummary } from '../messages';
import { t } from '../ui/i18n';

export interface NumberedMention {
  mention: MentionSummary;
  /** The passage's position in the page's report, which "show on page" refers to. */
  index: number;
}

/** The page's own passages about a topic, each with a way to scroll to it. */
export function PageMentions({ items, onShow }: { items: NumberedMention[]; onShow: (index: number) => void }) {
  return (
    <section>
      <h4>{t('passagesOnPage')}</h4>
      <ol class="passages">
        {items.map(({ mention, index }) => (
          <li key={index}>
            <blockquote>{mention.passage}</blockquote>
            <button type="button" class="secondary" onClick={() => onShow(index)}>
              {t('showOnPage')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
