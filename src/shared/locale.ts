// Locales the product speaks and the shape of text given in each of them.
import { z } from 'zod';

export const LOCALES = ['zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-Hant';

export const localizedTextSchema = z.object({
  'zh-Hant': z.string().min(1).max(200),
  en: z.string().min(1).max(200),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Picks the visitor's locale from browser language tags: zh-* → zh-Hant, otherwise en. */
export function pickLocale(languageTags: readonly string[]): Locale {
  for (const tag of languageTags) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-Hant';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
