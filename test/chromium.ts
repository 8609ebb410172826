// How tests launch Debian's Chromium: no downloaded browsers, no network beyond this machine.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumOptions {
  /** Absolute path of a y4m file the fake camera plays. */
  fakeVideo?: string;
  /** Offer WebGPU through SwiftShader (a CPU adapter: correct, slow), as no GPU is here. */
  webgpu?: boolean;
}

export function chromiumLaunchOptions(options: ChromiumOptions = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  ];
  if (options.webgpu) {
    args.push(
      '--enable-unsafe-webgpu',
      '--use-webgpu-adapter=swiftshader',
      '--enable-unsafe-swiftshader',
    );
  }
  if (options.fakeVideo) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${options.fakeVideo}`,
    );
  }
  return { executablePath: CHROMIUM_PATH, args };
}
