// Row types of anonymous visitors, their stamps and their prize redemptions.

export interface VisitorTable {
  id: string;
  campaign_id: string;
  /** base64url SPKI of the device's ECDSA P-256 key. */
  device_public_key: string;
  /** sha256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  last_seen_at: string;
}

export interface StampTable {
  /** Client-generated UUID: the idempotency key. */
  id: string;
  campaign_id: string;
  visitor_id: string;
  booth_id: string;
  pattern_set_id: string;
  captured_at: string;
  received_at: string;
  score: number;
  /** JSON MatchEvidence. */
  evidence: string;
}

export interface RedemptionTable {
  /** Client-generated UUID (staff device), so an offline redemption syncs once. */
  id: string;
  campaign_id: string;
  visitor_id: string;
  prize_tier_id: string;
  staff_account_id: string | null;
  redeemed_at: string;
  received_at: string;
}
