import { t } from '../../ui/i18n';

export function ErrorState({ message }: { message: string }) {
  return (
    <section>
      <h2>{t('errorHeading')}</h2>
      <p>{t('errorBody')}</p>
      <p class="muted"><code>{message}</code></p>
    </section>
  );
}
