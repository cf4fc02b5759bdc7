/// <reference types="vite/client" />
import type { Brand } from './brand';
import type { GateSources } from './detect/gate';
import type { TopicVocabulary } from './detect/types';

declare global {
  /** What the content script needs of each topic, its detection vocabulary, taken from the dataset at build time (vite.config.ts). */
  const __PDC_TOPICS__: TopicVocabulary[];
  /** The gate's patterns (detect/gate.ts), derived from the dataset's vocabulary at build time. */
  const __PDC_GATE__: GateSources;
  /** The organisation's brand file (BRAND_FILE) as the pages need it; null for the project's own build. */
  const __PDC_BRAND__: Brand | null;
}
