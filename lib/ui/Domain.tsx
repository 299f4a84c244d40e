/**
 * A domain name or an address, laid out left to right and isolated from the text around it, in any
 * page direction (lib/i18n/bidi.ts says why). And Sentence: a translated message with elements
 * (such as a Domain) in its placeholders, so the isolate survives translation.
 */
import type { ComponentChildren, VNode } from 'preact';
import { tParts, type MessageKey } from '../i18n';

export function Domain({ name, class: className }: { name: string; class?: string }) {
  return <bdi dir="ltr" class={className ? `domain ${className}` : 'domain'}>{name}</bdi>;
}

export function Sentence({ k, args }: { k: MessageKey; args: readonly (string | number | VNode)[] }): ComponentChildren {
  return <>{tParts<VNode>(k, ...args)}</>;
}
