import type { ComponentChildren } from 'preact';

export type Level = 2 | 3;

/** A heading at the level the hosting page needs (h2 on the guide, h3 inside the warning's section). */
export function Heading({ level, id, children }: { level: Level | 4; id?: string; children: ComponentChildren }) {
  const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
  // tabIndex -1: "Report this site" may land here (#report) and moves the keyboard focus with it.
  return <Tag id={id} tabIndex={id ? -1 : undefined}>{children}</Tag>;
}

export const below = (level: Level): Level | 4 => (level + 1) as Level | 4;
