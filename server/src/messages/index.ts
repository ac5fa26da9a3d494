import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export type Locale = 'zh-CN' | 'en';
/** A placeholder's value: text, a number, or another message worded in the same locale (a layout's name). */
export type MessageArg = string | number | { readonly key: MessageKey; readonly args?: Readonly<Record<string, string | number>> };
export type MessageArgs = Readonly<Record<string, MessageArg>>;

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
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in args)) return whole;
    const v = args[name];
    return typeof v === 'object' ? format(v, locale) : String(v);
  });
}

export function messageKeys(): MessageKey[] {
  return Object.keys(zhCN) as MessageKey[];
}
