/**
 * zod's messages in the user's language: zod v4's own `zhCN()` locale (or `en()`), plus the words of our own
 * issues and "did you mean" for an unknown key, rule code or value. Schemas stay locale-free: a custom issue
 * carries its words in both languages (`says`) or a closed list to suggest from (`unknownIn`), and the error
 * map of the parse picks the locale.
 */
import * as z from 'zod/v4';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { closestMatches } from './did-you-mean';

export type ConfigLocale = 'zh-CN' | 'en';

export interface Words {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** What an issue can carry for the error map to word it (`params` of a refinement or of ctx.addIssue). */
interface IssueParams {
  /** Words in both languages, written by the schema. */
  readonly says?: Words;
  /** The value is not one of a closed list: the list's noun in both languages and the list, for "did you mean". */
  readonly unknownIn?: { readonly noun: Words; readonly known: readonly string[] };
}

/** The params of an issue worded by the schema: `refine(fn, says('中文', 'English'))`. */
export function says(zh: string, english: string): { params: IssueParams } {
  return { params: { says: { 'zh-CN': zh, en: english } } };
}

/** The params of an issue about a value out of a closed list: `refine(known, unknownIn('规则', 'rule', codes))`. */
export function unknownIn(zh: string, english: string, known: readonly string[]): { params: IssueParams } {
  return { params: { unknownIn: { noun: { 'zh-CN': zh, en: english }, known } } };
}

const quoteZh = (s: string) => `「${s}」`;
const quoteEn = (s: string) => `"${s}"`;

/** `未知的规则「x」，是否要写「y」？` / `unknown rule "x"; did you mean "y"?` */
export function unknownWord(locale: ConfigLocale, noun: Words, word: string, known: Iterable<string>): string {
  const [guess] = closestMatches(word, known);
  if (locale === 'en') return `unknown ${noun.en} ${quoteEn(word)}${guess === undefined ? '' : `; did you mean ${quoteEn(guess)}?`}`;
  return `未知的${noun['zh-CN']}${quoteZh(word)}${guess === undefined ? '' : `，是否要写${quoteZh(guess)}？`}`;
}

/** `，是否要写「y」？` / `; did you mean "y"?`, or '' when nothing is near. */
function didYouMean(locale: ConfigLocale, word: string, known: Iterable<string>): string {
  const [guess] = closestMatches(word, known);
  if (guess === undefined) return '';
  return locale === 'en' ? `; did you mean ${quoteEn(guess)}?` : `，是否要写${quoteZh(guess)}？`;
}

const LOCALE_MAPS: Readonly<Record<ConfigLocale, z.core.$ZodErrorMap>> = { 'zh-CN': zhCN().localeError, en: en().localeError };

const KEY: Words = { 'zh-CN': '键', en: 'key' };

function wordOf(result: ReturnType<z.core.$ZodErrorMap>): string | undefined {
  return typeof result === 'string' ? result : result?.message;
}

/** The error map of a parse in this locale (pass as `{ error }` to safeParse). */
export function errorMapOf(locale: ConfigLocale): z.core.$ZodErrorMap {
  const base = LOCALE_MAPS[locale];
  return (issue) => {
    if (issue.code === 'custom') {
      const params = issue.params as IssueParams | undefined;
      if (params?.says) return params.says[locale];
      if (params?.unknownIn) return unknownWord(locale, params.unknownIn.noun, String(issue.input), params.unknownIn.known);
    }
    if (issue.code === 'unrecognized_keys' && issue.inst instanceof z.ZodObject) {
      const known = Object.keys(issue.inst.shape);
      return issue.keys.map((key) => unknownWord(locale, KEY, key, known)).join(locale === 'en' ? '; ' : '；');
    }
    if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return locale === 'en' ? 'must not be empty' : '不能为空';
    const word = wordOf(base(issue));
    if (issue.code === 'invalid_value' && typeof issue.input === 'string' && word !== undefined) {
      return word + didYouMean(locale, issue.input, issue.values.filter((v): v is string => typeof v === 'string'));
    }
    return word;
  };
}

export interface IssueProblem {
  /** Dotted path of the bad key (`rules.row-totl`), or '' for the whole value. */
  readonly path: string;
  readonly message: string;
}

/** The issues of a failed parse as problems: a bad record key says what is wrong with the key itself. */
export function problemsOf(error: z.ZodError, prefix: readonly PropertyKey[] = []): IssueProblem[] {
  return error.issues.map((issue) => {
    const message = issue.code === 'invalid_key' && issue.issues.length > 0 ? issue.issues.map((i) => i.message).join('; ') : issue.message;
    return { path: [...prefix, ...issue.path].map(String).join('.'), message };
  });
}
