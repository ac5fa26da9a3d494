import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export type Locale = 'zh-CN' | 'en';
export type MessageArgs = Readonly<Record<string, string | number>>;

export interface Message {
  readonly key: MessageKey;
  readonly args?: MessageArgs;
}

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** `en`, `en-US`, `en-GB` → English; anything else → Chinese. */
export function localeOf(tag: string | undefined | null): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'zh-CN';
}

export function format(message: Message, locale: Locale): string {
  const template = CATALOGUES[locale][message.key];
  const args = message.args ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function messageKeys(): MessageKey[] {
  return Object.keys(zhCN) as MessageKey[];
}
