/**
 * The warning page inside a frame: a page framed a listed site, the redirect rule stopped it, and
 * the frame says so in two short sentences. Nothing to click: a framing page could lay its own
 * content over a button ("clickjacking"), so "Proceed anyway" and the details exist only in a tab.
 * It shows only when the background confirms the site is listed (a page could frame the warning
 * page with any address), and the background then marks the framing tab's badge and popup.
 */
import { useEffect, useState } from 'preact/hooks';
import { originalUrlFromWarning } from '../blocking/warning-url';
import { t } from '../i18n';
import { sendToBackground } from '../messaging';
import { Domain, Sentence } from './Domain';
import { isWebUrl } from './labels';

export function FrameNotice({ href }: { href: string }) {
  const [host, setHost] = useState<string | null>(null);

  useEffect(() => {
    const url = originalUrlFromWarning(href);
    if (url === null || !isWebUrl(url)) return;
    sendToBackground('ui-bg-frame-blocked', { url }).then(
      (answer) => setHost(answer.host),
      () => setHost(null),
    );
  }, [href]);

  if (host === null) return null;
  return (
    <main class="frame-notice" aria-labelledby="frame-notice-heading">
      <h1 id="frame-notice-heading">{t('frameBlockedHeading')}</h1>
      <p><Sentence k="frameBlockedText" args={[<Domain name={host} />]} /></p>
    </main>
  );
}
