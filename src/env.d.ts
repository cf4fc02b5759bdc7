/// <reference types="vite/client" />
import type { Brand } from './brand';
import type { GateSources } from './detect/gate';
import type { LexiconData } from './detect/lexicon';

declare global {
  /** The detection vocabulary (detect/lexicon.ts), worked out from the dataset at build time (vite.config.ts); the background sends it to the content script. */
  const __PDC_LEXICON__: LexiconData;
  /** The gate's patterns (detect/gate.ts), derived from the dataset's vocabulary at build time. */
  const __PDC_GATE__: GateSources;
  /** The organisation's brand file (BRAND_FILE) as the pages need it; null for the project's own build. */
  const __PDC_BRAND__: Brand | null;
}
