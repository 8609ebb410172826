// The descriptor network the engine runs: file name and tensor names, shared by Node and browser.
export const DESCRIPTOR_MODEL = {
  /** In models/ (repo) and served at /models/ (PWA). */
  file: 'patch-descriptor-tiny.onnx',
  input: 'patches',
  output: 'descriptors',
} as const;
