// Locale-aware formatting of campaign data: bilingual text and date ranges in the campaign's timezone.
import type { Locale, LocalizedText } from '../shared/locale.js';

export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

function dateFormat(locale: Locale, timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
}

/**
 * "Dec 20, 2025, 10:00 AM – Dec 26, 2025, 6:00 PM" shown in the campaign's own timezone, because the
 * event happens there whatever the visitor's phone is set to.
 */
export function formatDateRange(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  locale: Locale,
): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  let format: Intl.DateTimeFormat;
  try {
    format = dateFormat(locale, timeZone);
  } catch {
    // An unknown timezone name must not break the card; fall back to the device's zone.
    format = dateFormat(locale, undefined);
  }
  return format.formatRange(start, end);
}

/**
 * A moment on this phone's clock: "10:42" today, "Dec 21, 10:42" on another day (a card is often
 * opened again days later, and a bare time would then mislead).
 */
export function formatMoment(iso: string, locale: Locale, now: Date = new Date()): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
