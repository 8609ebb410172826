#!/usr/bin/env node
// Writes .br and .gz beside every compressible file of the built PWA, so the server sends
// precompressed bytes without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|wasm|txt|onnx|map)$/;
const root = process.argv[2] ?? 'dist/client';
// Above this, brotli's top quality costs a minute per file: ORT's WebGPU runtime (27 MB) gets
// quality 9 with a 16 MB window instead, 4.6 MB in 5 s against 4.0 MB in 51 s.
const HUGE_BYTES = 20 * 1024 * 1024;
let raw = 0;
let br = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
      continue;
    }
    if (!COMPRESSIBLE.test(name) || statSync(path).size < 512) continue;
    const data = readFileSync(path);
    const huge = data.length > HUGE_BYTES;
    const brotli = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: huge ? 9 : 11,
        [constants.BROTLI_PARAM_LGWIN]: huge ? 24 : 22,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    raw += data.length;
    br += brotli.length;
  }
}

walk(root);
console.log(
  `precompressed ${root}: ${(raw / 1024).toFixed(0)} KiB → ${(br / 1024).toFixed(0)} KiB brotli`,
);
