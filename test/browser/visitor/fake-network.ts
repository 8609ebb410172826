// The public campaign endpoints and static assets behind a stubbed fetch, with switches for the
// failures the visitor app must survive: offline, a 500, a pattern set that is not the published one.
import { PATTERN_SET_MEDIA_TYPE } from '../../../src/shared/pattern-set.schema.js';
import type { PublicCampaign } from '../../../src/shared/campaign.schema.js';
import { artifactFor, jsonResponse } from '../campaign-fixture.js';

export interface ServedArtifact {
  bytes: Uint8Array;
  etag: string;
  contentType?: string;
}

export class FakeNetwork {
  /** null → 404. */
  campaign: PublicCampaign | null = null;
  readonly artifacts = new Map<string, ServedArtifact>();
  offline = false;
  /** Artifact requests answer 500. */
  artifactsFail = false;
  /** Requests to these paths never answer (a stalled festival network). */
  readonly stalled = new Set<string>();
  /** Paths answer 404 unless listed here (assets the offline download fetches). */
  readonly assets = new Map<string, Uint8Array>();
  readonly requests: string[] = [];

  /** Serves the campaign and the artifact its pattern set names (correct bytes and hash). */
  serve(campaign: PublicCampaign, boothIds = campaign.booths.map((b) => b.id)): void {
    this.campaign = campaign;
    const ref = campaign.patternSet;
    if (ref) this.artifacts.set(ref.id, { bytes: artifactFor(boothIds), etag: ref.contentHash });
  }

  readonly fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const path = url.pathname;
    this.requests.push(path);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.stalled.has(path)) return new Promise<Response>(() => {});
    if (this.offline) throw new TypeError('Failed to fetch');
    if (/^\/api\/v1\/campaigns\/[^/]+$/.test(path)) {
      return this.campaign
        ? jsonResponse(this.campaign)
        : jsonResponse({ error: { code: 'not_found', message: 'Campaign not found' } }, 404);
    }
    const artifact = /^\/api\/v1\/pattern-sets\/([^/]+)\/artifact$/.exec(path);
    if (artifact) {
      const served = this.artifacts.get(artifact[1]!);
      if (this.artifactsFail || !served) {
        return jsonResponse({ error: { code: 'internal', message: 'scripted' } }, 500);
      }
      return new Response(served.bytes.slice(), {
        headers: {
          'content-type': served.contentType ?? PATTERN_SET_MEDIA_TYPE,
          etag: `"${served.etag}"`,
          'content-length': String(served.bytes.byteLength),
        },
      });
    }
    const asset = this.assets.get(path);
    if (asset) {
      return new Response(asset.slice(), {
        headers: { 'content-length': String(asset.byteLength) },
      });
    }
    return new Response('not found', { status: 404 });
  };

  count(path: string): number {
    return this.requests.filter((p) => p === path).length;
  }
}
