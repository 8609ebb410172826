// The engine in Node (CLI, server-side compile, benchmarks): the descriptor model runs through
// onnxruntime-web's WASM backend, one thread — the same backend as the browser, so both decide alike.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web/wasm';
import { compilePatternSet, type CompileResult, type PatternInput } from '../engine/compiler.js';
import type { DescriptorNet } from '../engine/describe.js';
import { Matcher } from '../engine/matcher.js';
import { DESCRIPTOR_MODEL } from '../engine/model.js';
import { createOrtDescriptorNet } from '../engine/ort-descriptor-net.js';

/** models/ of the checkout, found upward from this file (it runs from src/ or from dist/). */
function modelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'models', DESCRIPTOR_MODEL.file))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`models/${DESCRIPTOR_MODEL.file} not found above ${import.meta.url}`);
    dir = parent;
  }
  return join(dir, 'models');
}

export interface NodeEngine {
  net: DescriptorNet;
  compile(patterns: PatternInput[]): Promise<CompileResult>;
  loadMatcher(artifact: Uint8Array): Matcher;
}

export async function createNodeEngine(
  modelPath = join(modelsDir(), DESCRIPTOR_MODEL.file),
): Promise<NodeEngine> {
  const bytes = await readFile(modelPath);
  const net = await createOrtDescriptorNet(
    ort,
    bytes,
    createHash('sha256').update(bytes).digest('hex'),
  );
  return {
    net,
    compile: (patterns) => compilePatternSet(patterns, net),
    loadMatcher: (artifact) => Matcher.fromArtifact(artifact, net),
  };
}
