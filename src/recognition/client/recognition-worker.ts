// Starts the recognition worker from page code; the `new URL(…, import.meta.url)` form is what lets
// Vite bundle the worker (with ORT and the engine) as its own module chunk.
export function createRecognitionWorker(): Worker {
  return new Worker(new URL('../worker/recognition.worker.ts', import.meta.url), {
    type: 'module',
  });
}
