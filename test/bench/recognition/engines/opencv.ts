// Loads @techstark/opencv-js in Node once; its module object is thenable, so it is unwrapped first.
import { createRequire } from 'node:module';

// opencv-js ships loose typings; the bench treats it as untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Cv = any;

let loading: Promise<Cv> | null = null;

export function loadOpenCv(): Promise<Cv> {
  loading ??= new Promise<Cv>((resolve) => {
    const require = createRequire(import.meta.url);
    const mod = require('@techstark/opencv-js') as Cv;
    if (mod.Mat) resolve(mod);
    else if (typeof mod.then === 'function') {
      mod.then((ready: Cv) => {
        delete ready.then;
        resolve(ready);
      });
    } else mod.onRuntimeInitialized = () => resolve(mod);
  });
  return loading;
}
