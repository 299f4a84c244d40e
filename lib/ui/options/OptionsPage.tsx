/**
 * The options page: one section per concern, each its own component file in this folder
 * (subscriptions and their update status; the language; the person's country for guidance; reporting).
 */
import { t } from '../../i18n';
import { SiteAccessNotice, useSiteAccess } from '../SiteAccess';
import { CountrySection } from './CountrySection';
import { LanguageSection } from './LanguageSection';
import { ReportingSection } from './ReportingSection';
import { SubscriptionsSection } from './SubscriptionsSection';

export function OptionsPage() {
  const siteAccess = useSiteAccess();
  return (
    <main class="page options">
      <h1>{t('optionsHeading')}</h1>
      <SiteAccessNotice granted={siteAccess} />
      <SubscriptionsSection />
      <LanguageSection />
      <CountrySection />
      <ReportingSection />
    </main>
  );
}
