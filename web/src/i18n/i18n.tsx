import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { en, type MessageKey } from './en.js';
import { fr } from './fr.js';

export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];
const CATALOGS = { en, fr };
const STORAGE_KEY = 'hubwatch.locale';

/** The remembered choice, else the browser's language (French for any `fr-*`), else English. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'fr') return stored;
  } catch {
    // storage refused (private mode): fall back to the browser's language
  }
  const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered; the choice still holds for this page
  }
  document.documentElement.lang = locale;
}

export interface I18n {
  locale: Locale;
  /** A message with its `{name}` placeholders filled. An unknown key (e.g. a new health state) returns `fallback`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A message whose key is built from data (`sentiment_negative`); the raw value when there is none. */
  tk(prefix: string, value: string): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  number(n: number): string;
  setLocale(locale: Locale): void;
}

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  const messages = CATALOGS[locale];
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const fill = (text: string, params?: Record<string, string | number>) =>
    params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  const safeDate = (format: Intl.DateTimeFormat, iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
  return {
    locale,
    t: (key, params) => fill(messages[key], params),
    tk: (prefix, value) => {
      const key = `${prefix}_${value}`;
      return key in messages ? messages[key as MessageKey] : value;
    },
    date: (iso) => safeDate(dates, iso.length === 10 ? `${iso}T00:00:00Z` : iso),
    dateTime: (iso) => safeDate(dateTimes, iso),
    number: (n) => numbers.format(n),
    setLocale,
  };
}

const I18nContext = createContext<I18n>(createI18n('en', () => undefined));

export function I18nProvider(props: { locale: Locale; setLocale: (locale: Locale) => void; children: ComponentChildren }) {
  const value = useMemo(() => createI18n(props.locale, props.setLocale), [props.locale, props.setLocale]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
