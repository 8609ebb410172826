// Traditional Chinese for the scan view and its fallbacks (camera, photo, in-app browser hint).
export const scanTemplates = {};
