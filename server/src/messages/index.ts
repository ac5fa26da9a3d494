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

/**
 * A message template split once at its placeholders: literal text at even indexes, placeholder names at odd
 * ones (`共{n}件` → ['共', 'n', '件']). A check may word a thousand findings: each is then a join, not a regex.
 */
const PARTS: Record<Locale, Map<MessageKey, readonly string[]>> = { 'zh-CN': new Map(), en: new Map() };

function partsOf(key: MessageKey, locale: Locale): readonly string[] {
  let parts = PARTS[locale].get(key);
  if (!parts) {
    parts = CATALOGUES[locale][key].split(/\{(\w+)\}/);
    PARTS[locale].set(key, parts);
  }
  return parts;
}

export function format(message: Message, locale: Locale): string {
  const parts = partsOf(message.key, locale);
  if (parts.length === 1) return parts[0];
  const args = message.args ?? {};
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    const v = args[name];
    // A placeholder without an argument stays as written.
    out += (!(name in args) ? `{${name}}` : typeof v === 'object' ? format(v, locale) : String(v)) + parts[i + 1];
  }
  return out;
}

export function messageKeys(): MessageKey[] {
  return Object.keys(zhCN) as MessageKey[];
}
