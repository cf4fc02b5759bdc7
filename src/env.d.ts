/// <reference types="vite/client" />
import type { Brand } from './brand';
import type { GateSources } from './detect/gate';
import type { TopicVocabulary } from './detect/types';

declare global {
  /**
   * What the content script needs of each topic, taken from the dataset at build time
   * (see vite.config.ts): the detection vocabulary, and the title and status for the hover card.
   */
  const __PDC_TOPICS__: (TopicVocabulary & { title: string; status: { label: string; since: string } })[];
  /** The gate's patterns (detect/gate.ts), derived from the dataset's vocabulary at build time. */
  const __PDC_GATE__: GateSources;
  /** The dataset's review date. */
  const __PDC_AS_OF__: string;
  /** The organisation's brand file (BRAND_FILE) as the pages need it; null for the project's own build. */
  const __PDC_BRAND__: Brand | null;
}
