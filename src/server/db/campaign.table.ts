// Row types of campaigns, their prize tiers and booths. Times are ISO-8601 UTC text, JSON is text.

export interface CampaignTable {
  id: string;
  slug: string;
  /** JSON LocalizedText. */
  name: string;
  starts_at: string;
  ends_at: string;
  /** IANA zone the campaign's dates are shown in, e.g. Asia/Taipei. */
  timezone: string;
  stamps_required: number;
  owner_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PrizeTierTable {
  id: string;
  campaign_id: string;
  /** Stable key within the campaign, e.g. "gift". */
  key: string;
  position: number;
  /** JSON LocalizedText. */
  name: string;
  stamps_required: number;
  stock_total: number | null;
  stock_remaining: number | null;
}

export interface BoothTable {
  id: string;
  campaign_id: string;
  position: number;
  /** JSON LocalizedText. */
  name: string;
  /** JSON LocalizedText or null. */
  hint: string | null;
  map_floor: string | null;
  map_x: number | null;
  map_y: number | null;
  created_at: string;
}
