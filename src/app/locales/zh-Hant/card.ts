// Traditional Chinese for the stamp card's live state: collected stamps, sync, offline readiness,
// sharing and install.
export const cardTemplates = {};
