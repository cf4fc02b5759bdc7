import { useState } from 'preact/hooks';
import type { RunMode } from '../../settings';
import { t, type MessageKey } from '../../ui/i18n';

interface Props {
  runMode: RunMode;
  onScan: () => Promise<void>;
  /** Asks for access to all sites; resolves false when the user declines. */
  onAllowAllSites: () => Promise<boolean>;
}

const EXPLANATION: Record<RunMode, MessageKey> = {
  'news-sites': 'notCoveredBody',
  'on-click': 'notCoveredOnClick',
  'all-sites': 'notCoveredAllSites',
};

type Phase = 'idle' | 'scanning' | 'scan-failed' | 'allowing' | 'allow-declined' | 'allow-failed';

const NOTICE: Partial<Record<Phase, MessageKey>> = {
  'scan-failed': 'scanFailed',
  'allow-declined': 'allSitesDeclined',
  'allow-failed': 'allSitesFailed',
};

/** The page was not read: scan it once, or let the extension read every site. */
export function NotCovered({ runMode, onScan, onAllowAllSites }: Props) {
  const [phase, setPhase] = useState<Phase>('idle');
  const busy = phase === 'scanning' || phase === 'allowing';

  const scan = async () => {
    setPhase('scanning');
    try {
      await onScan();
    } catch {
      setPhase('scan-failed');
    }
  };

  const allow = async () => {
    setPhase('allowing');
    try {
      if (await onAllowAllSites()) await scan();
      else setPhase('allow-declined');
    } catch {
      setPhase('allow-failed');
    }
  };

  const notice = NOTICE[phase];
  return (
    <section>
      <h2>{t('notCoveredHeading')}</h2>
      <p>{t(EXPLANATION[runMode])}</p>
      <p class="actions">
        <button type="button" onClick={() => void scan()} disabled={busy}>
          {phase === 'scanning' ? t('scanning') : t('scanNow')}
        </button>
        {runMode !== 'all-sites' && (
          <button type="button" class="secondary" onClick={() => void allow()} disabled={busy}>
            {t('allowAllSites')}
          </button>
        )}
      </p>
      {runMode !== 'all-sites' && <p class="muted small">{t('allowAllSitesHint')}</p>}
      <p role="status" class="notice">{notice ? t(notice) : ''}</p>
    </section>
  );
}
