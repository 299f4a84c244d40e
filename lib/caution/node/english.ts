/**
 * A signal's reason in English, as the extension would show it with an English UI: the message
 * from public/_locales/en/messages.json with its placeholders filled in (Chrome's rules: $NAME$
 * names a placeholder whose content is $1…$9; $$ is a dollar sign). For the toolkit, in Node.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Signal } from '../types';

interface Message {
  readonly message: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string }>>;
}

let english: Readonly<Record<string, Message>> | null = null;

function messages(): Readonly<Record<string, Message>> {
  english ??= JSON.parse(readFileSync(fileURLToPath(new URL('../../../public/_locales/en/messages.json', import.meta.url)), 'utf8')) as Record<string, Message>;
  return english;
}

const fill = (text: string, subs: readonly string[]) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

export function englishReason(reason: Signal['reason']): string {
  const message = messages()[reason.key];
  if (!message) return `${reason.key}${reason.subs.length ? `: ${reason.subs.join(', ')}` : ''}`;
  const placeholders = new Map(Object.entries(message.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return message.message
    .split('$$')
    .map((part) => part.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? whole : fill(content, reason.subs);
    }))
    .join('$');
}
