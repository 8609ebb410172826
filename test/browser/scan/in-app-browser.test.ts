// Which browser the visitor is in, from real user-agent strings of in-app and ordinary browsers.
import { describe, expect, it } from 'vitest';
import {
  cameraHelpFor,
  detectInAppBrowser,
  externalBrowserLink,
} from '../../../src/app/pages/visitor/scan/in-app-browser.js';

const IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)';
const ANDROID_WV =
  'Mozilla/5.0 (Linux; Android 13; SM-S911B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36';

const IN_APP: Array<[string, string]> = [
  ['line', `${IOS} Mobile/15E148 Safari Line/13.16.0`],
  ['line', `${ANDROID_WV} Line/13.15.1/IAB`],
  [
    'facebook',
    `${IOS} Mobile/15E148 [FBAN/FBIOS;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/16.6;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]`,
  ],
  ['facebook', `${ANDROID_WV} [FB_IAB/FB4A;FBAV/339.0.0.10.100;]`],
  [
    'messenger',
    `${IOS} Mobile/15E148 [FBAN/MessengerForiOS;FBAV/425.0.0.23.111;FBBV/523134218;FBDV/iPhone13,2]`,
  ],
  ['messenger', `${ANDROID_WV} [FB_IAB/Orca-Android;FBAV/431.0.0.14.108;]`],
  [
    'instagram',
    `${IOS} Mobile/15E148 Instagram 290.0.0.13.76 (iPhone13,2; iOS 16_5; en_US; en; scale=3.00; 1170x2532; 489720907)`,
  ],
  [
    'instagram',
    `${ANDROID_WV} Instagram 301.0.0.29.124 Android (33/13; 420dpi; 1080x2340; samsung; SM-S911B; dm1q; qcom; en_US; 517986710)`,
  ],
  ['wechat', `${IOS} Mobile/15E148 MicroMessenger/8.0.40(0x1800282a) NetType/WIFI Language/zh_TW`],
  [
    'tiktok',
    `${IOS} Mobile/15E148 musical_ly_30.5.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/en Region/US`,
  ],
  ['kakaotalk', `${IOS} Mobile/15E148 KAKAOTALK 10.2.5`],
  ['threads', `${IOS} Mobile/15E148 Barcelona 289.0.0.77.109 (iPhone15,3; iOS 17_0)`],
];

const ORDINARY: Array<[string, string]> = [
  ['Safari iOS', `${IOS} Version/17.0 Mobile/15E148 Safari/604.1`],
  [
    'Chrome Android',
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  ],
  [
    'Samsung Internet',
    'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
  ],
  ['Firefox Android', 'Mozilla/5.0 (Android 13; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0'],
  [
    'Chrome desktop',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  ],
  [
    'Edge desktop',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
  ],
  [
    'Online in the device name',
    'Mozilla/5.0 (Linux; Android 12; OnlineTab 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  ],
];

describe('detectInAppBrowser', () => {
  it.each(IN_APP)('recognises %s', (app, ua) => {
    expect(detectInAppBrowser(ua)).toBe(app);
  });

  it.each(ORDINARY)('leaves %s alone', (_name, ua) => {
    expect(detectInAppBrowser(ua)).toBeNull();
  });
});

describe('cameraHelpFor', () => {
  it('picks the platform whose settings the help text describes', () => {
    expect(cameraHelpFor(IN_APP[0]![1])).toBe('ios');
    expect(cameraHelpFor(ORDINARY[1]![1])).toBe('android');
    expect(cameraHelpFor(ORDINARY[2]![1])).toBe('android');
    expect(cameraHelpFor(ORDINARY[3]![1])).toBe('firefox');
    expect(cameraHelpFor(ORDINARY[4]![1])).toBe('desktop');
  });
});

describe('externalBrowserLink', () => {
  it('asks LINE to open the page in the system browser, keeping the query', () => {
    const link = new URL(externalBrowserLink('https://rally.example/r/demo?lang=en#card', 'line'));
    expect(link.pathname).toBe('/r/demo');
    expect(link.searchParams.get('lang')).toBe('en');
    expect(link.searchParams.get('openExternalBrowser')).toBe('1');
    expect(link.hash).toBe('#card');
  });

  it('leaves the link as it is for other apps', () => {
    expect(externalBrowserLink('https://rally.example/r/demo', 'facebook')).toBe(
      'https://rally.example/r/demo',
    );
    expect(externalBrowserLink('https://rally.example/r/demo', null)).toBe(
      'https://rally.example/r/demo',
    );
  });
});
