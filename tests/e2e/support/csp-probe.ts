/**
 * Runs inside an extension page (Chromium or Firefox): tries what the content security policy must
 * refuse, an inline script and an image from a web site, and reports what the policy said.
 * Self-contained, as drivers send it to the page as source.
 */
export async function injectInlineScriptAndRemoteImage(imageUrl: string): Promise<{ ran: boolean; violations: { directive: string; policy: string }[] }> {
  const violations: { directive: string; policy: string }[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push({ directive: e.effectiveDirective, policy: e.originalPolicy }));
  const script = document.createElement('script');
  script.textContent = 'document.body.dataset.ran = "yes"';
  document.body.append(script);
  const image = document.createElement('img');
  image.alt = '';
  image.src = imageUrl;
  document.body.append(image);
  await new Promise((resolve) => {
    image.onerror = resolve;
    image.onload = resolve;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { ran: document.body.dataset.ran === 'yes', violations };
}
