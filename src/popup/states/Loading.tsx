import { t } from '../../ui/i18n';

export function Loading() {
  return <p class="muted">{t('loading')}</p>;
}
