// Test projects: pure unit tests, the API suite (once per database dialect), real-browser tests and
// end-to-end runs against the built product.
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { recognitionParityCase } from './test/browser/recognition/node-commands.js';
import { chromiumLaunchOptions } from './test/chromium.js';

const BROWSER_DEPS = [
  'onnxruntime-web/wasm',
  'onnxruntime-web/webgpu',
  'qrcode',
  'lit/directives/style-map.js',
];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Pre-bundled up front: discovering it mid-run makes Vite reload the test page.
        optimizeDeps: { include: BROWSER_DEPS },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
            commands: { recognitionParityCase },
          },
        },
      },
      {
        // The same Chromium with a WebGPU adapter (SwiftShader), for the WebGPU descriptor backend.
        // SwiftShader runs the GPU's work on the CPU: after the other projects, not beside them.
        optimizeDeps: { include: BROWSER_DEPS },
        test: {
          name: 'browser-webgpu',
          sequence: { groupOrder: 1 },
          include: ['test/browser-webgpu/**/*.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions({ webgpu: true }) }),
            instances: [{ browser: 'chromium' }],
            commands: { recognitionParityCase },
          },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/**/*.webgpu.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // The built product in a Chromium with a SwiftShader WebGPU adapter: after the others.
        test: {
          name: 'e2e-webgpu',
          include: ['test/e2e/**/*.webgpu.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
