/**
 * A section that opens and closes: a heading whose button says whether it is open (aria-expanded),
 * as the ARIA disclosure pattern has it, so headings stay headings for screen readers and the
 * keyboard opens it with Enter or Space. It keeps its state while the page is open (re-renders,
 * a new country or language leave it as it is), opens when the address names it (#report) and
 * when the browser's find-in-page lands inside it (hidden="until-found").
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

type Level = 2 | 3 | 4;

interface Props {
  readonly id: string;
  readonly title: ComponentChildren;
  readonly level: Level;
  readonly children: ComponentChildren;
  readonly open?: boolean;
  readonly class?: string;
}

export function Disclosure({ id, title, level, children, open: initiallyOpen = false, class: className }: Props) {
  const [open, setOpen] = useState(initiallyOpen || location.hash === `#${id}`);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = panel.current;
    const reveal = () => setOpen(true);
    const onHash = () => location.hash === `#${id}` && setOpen(true);
    element?.addEventListener('beforematch', reveal);
    addEventListener('hashchange', onHash);
    return () => {
      element?.removeEventListener('beforematch', reveal);
      removeEventListener('hashchange', onHash);
    };
  }, [id]);
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4';
  return (
    <section class={`disclosure${className ? ` ${className}` : ''}`} aria-labelledby={`${id}-title`} data-disclosure={id} data-open={String(open)}>
      <Heading class="disclosure-heading" id={`${id}-title`}>
        <button type="button" id={id} class="disclosure-button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
          {title}
        </button>
      </Heading>
      {/* hidden="until-found": closed for everyone, yet found by find-in-page (Chromium), which opens it. */}
      <div id={`${id}-panel`} class="disclosure-panel" ref={panel} {...{ hidden: open ? undefined : 'until-found' }}>
        {children}
      </div>
    </section>
  );
}
