// Public URLs of pattern-set artifacts and reference images (content never changes at a URL).
export const API_PREFIX = '/api/v1';

export const referenceImageUrl = (id: string, variant: 'full' | 'thumb') =>
  `${API_PREFIX}/reference-images/${id}/${variant}`;

export const patternSetArtifactUrl = (id: string) => `${API_PREFIX}/pattern-sets/${id}/artifact`;
