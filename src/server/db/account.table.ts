// Row types of organizer/staff accounts, their sign-in sessions and the audit log.

export interface AccountTable {
  id: string;
  username: string;
  role: string;
  /** scrypt$N$r$p$salt$hash (base64url parts). */
  password_hash: string;
  disabled: number;
  created_at: string;
}

export interface AccountSessionTable {
  id: string;
  account_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_account_id: string | null;
  action: string;
  subject: string | null;
  /** JSON detail or null. */
  detail: string | null;
}
