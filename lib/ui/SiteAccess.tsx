/**
 * Says plainly when Pharmacheck cannot check sites (the person, or the browser, took its access
 * away: lib/platform/site-access.ts) and asks for it again with one button. Renders nothing when
 * access is there.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { hasSiteAccess, onSiteAccessChange, requestSiteAccess } from '../platform';

/** true or false once known; null while asking the browser. Follows grants and revocations live. */
export function useSiteAccess(): boolean | null {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void hasSiteAccess().then(setGranted, () => setGranted(false));
    return onSiteAccessChange(setGranted);
  }, []);
  return granted;
}

export function SiteAccessNotice({ granted }: { granted: boolean | null }) {
  const [refused, setRefused] = useState(false);
  if (granted !== false) return null;
  // requestSiteAccess() runs in the click itself: the browser only prompts for a user gesture.
  const ask = () => void requestSiteAccess().then((ok) => setRefused(!ok), () => setRefused(true));
  return (
    <section class="site-access" aria-labelledby="site-access-heading">
      <h2 id="site-access-heading">{t('siteAccessHeading')}</h2>
      <p>{t('siteAccessText')}</p>
      <button type="button" class="button primary" onClick={ask}>
        {t('siteAccessButton')}
      </button>
      {refused && <p role="alert">{t('siteAccessRefused')}</p>}
    </section>
  );
}
