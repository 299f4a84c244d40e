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
  // Violation reports are queued as tasks: wait for both (script and image) rather than a fixed
  // time, up to a deadline after which a missing report means the policy let the thing through.
  const deadline = performance.now() + 5_000;
  while (violations.length < 2 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return { ran: document.body.dataset.ran === 'yes', violations };
}
