// Which locale the UI speaks: first choice from storage or the browser, switching, and persistence.
import { configureLocalization } from '@lit/localize';
import type { LocaleModule } from '@lit/localize';
import { LOCALES, pickLocale } from '../shared/locale.js';
import type { Locale } from '../shared/locale.js';

export const LOCALE_STORAGE_KEY = 'stamp-rally.locale';

// Runtime mode: English is the source; other locales are lazy chunks (precached by the SW).
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<LocaleModule>> = {
  'zh-Hant': () => import('./locales/zh-Hant.js'),
};

const { getLocale, setLocale: loadLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['zh-Hant'],
  loadLocale: (locale) => loaders[locale as Exclude<Locale, 'en'>](),
});

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can be blocked (private modes, policies); the browser language still works.
    return null;
  }
}

/** The locale to start in: the visitor's earlier choice, else one matching the browser's languages. */
export function initialLocale(): Locale {
  return readStoredLocale() ?? pickLocale(navigator.languages ?? [navigator.language]);
}

/** The locale currently shown. */
export function currentLocale(): Locale {
  const locale = getLocale();
  return isLocale(locale) ? locale : 'en';
}

async function applyLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  document.documentElement.lang = locale;
}

/** Loads the starting locale; call before the first render so text does not flash in English. */
export async function startLocalization(): Promise<Locale> {
  const locale = initialLocale();
  await applyLocale(locale);
  return locale;
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function switchLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch itself still happens.
  }
  await applyLocale(locale);
}
