/**
 * The options page: one section per concern, each its own component file in this folder
 * (subscriptions and their update status; the person's country for guidance).
 */
import { t } from '../../i18n';

export function OptionsPage() {
  return (
    <main class="page options">
      <h1>{t('optionsHeading')}</h1>
    </main>
  );
}
