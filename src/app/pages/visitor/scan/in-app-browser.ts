// Which browser the visitor is in, judged from the user agent alone (pure, unit-tested): in-app
// browsers of social apps often cannot open the camera, and camera permissions are granted in
// different places on each platform, so the help text must say where.

/** Apps whose built-in browser we recognise; the value is the app's name as people know it. */
export const IN_APP_BROWSERS = {
  line: 'LINE',
  facebook: 'Facebook',
  messenger: 'Messenger',
  instagram: 'Instagram',
  wechat: 'WeChat',
  tiktok: 'TikTok',
  kakaotalk: 'KakaoTalk',
  snapchat: 'Snapchat',
  twitter: 'X',
  linkedin: 'LinkedIn',
  threads: 'Threads',
} as const;

export type InAppBrowser = keyof typeof IN_APP_BROWSERS;

// Order matters: Messenger and Instagram also carry Facebook's tokens.
const SIGNATURES: ReadonlyArray<[InAppBrowser, RegExp]> = [
  ['line', /\bLine\/\d/i],
  ['wechat', /\bMicroMessenger\//i],
  ['messenger', /\bFBAN\/Messenger|\bMessengerForiOS|\bFB_IAB\/Orca-Android|\bMessengerLite/i],
  ['instagram', /\bInstagram[ /]\d/i],
  ['threads', /\bBarcelona[ /]\d/i],
  ['facebook', /\bFBAN\/|\bFBAV\/|\bFB_IAB\/|\bFBIOS\b/i],
  ['tiktok', /\bmusical_ly|\bBytedanceWebview|\bTikTok[ /]\d|\bTrill_/i],
  ['kakaotalk', /\bKAKAOTALK\b/i],
  ['snapchat', /\bSnapchat\/\d/i],
  ['twitter', /\bTwitter(?:Android)?\/\d|\bTwitterAndroid\b/i],
  ['linkedin', /\bLinkedInApp\b/i],
];

/** The social app whose built-in browser this is, or null for an ordinary browser. */
export function detectInAppBrowser(userAgent: string): InAppBrowser | null {
  for (const [app, signature] of SIGNATURES) if (signature.test(userAgent)) return app;
  return null;
}

/** Where camera permission is changed: decides which short help text the fallback shows. */
export type CameraHelp = 'ios' | 'android' | 'firefox' | 'desktop';

export function cameraHelpFor(userAgent: string): CameraHelp {
  // iPadOS 13+ reports itself as a Mac; only the touch check below can tell, so the UA says "desktop".
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return 'ios';
  if (/\b(Firefox|FxiOS)\//.test(userAgent)) return 'firefox';
  if (/\bAndroid\b/.test(userAgent)) return 'android';
  return 'desktop';
}

/**
 * The link to open in the visitor's own browser. LINE honours `openExternalBrowser=1` and opens the
 * page in the system browser by itself; other apps need their "open in browser" menu.
 */
export function externalBrowserLink(pageUrl: string, app: InAppBrowser | null): string {
  if (app !== 'line') return pageUrl;
  const url = new URL(pageUrl);
  url.searchParams.set('openExternalBrowser', '1');
  return url.toString();
}
