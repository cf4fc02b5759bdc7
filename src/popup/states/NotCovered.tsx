import { useState } from 'preact/hooks';
import { t } from '../../ui/i18n';

export function NotCovered({ onScan }: { onScan: () => Promise<void> }) {
  const [phase, setPhase] = useState<'idle' | 'scanning' | 'failed'>('idle');
  const scan = async () => {
    setPhase('scanning');
    try {
      await onScan();
    } catch {
      setPhase('failed');
    }
  };
  return (
    <section>
      <h2>{t('notCoveredHeading')}</h2>
      <p>{t('notCoveredBody')}</p>
      <button type="button" onClick={scan} disabled={phase === 'scanning'}>
        {phase === 'scanning' ? t('scanning') : t('scanNow')}
      </button>
      <p role="status" class="muted">{phase === 'failed' ? t('scanFailed') : ''}</p>
    </section>
  );
}
