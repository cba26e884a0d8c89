import type { Queries } from "./driver.ts";

export type Role = "owner" | "editor" | "viewer";

export interface AccountRow {
  [column: string]: string | number | null;
  email: string;
  password_hash: string;
  last_shop_id: string | null;
  created_at: number;
}

export interface MembershipRow {
  [column: string]: string | number | null;
  shop_id: string;
  email: string;
  role: Role;
  created_at: number;
}

export interface SessionRow {
  [column: string]: string | number | null;
  id_hash: string;
  email: string;
  shop_id: string | null;
  expires_at: number;
}

/** Marketers' accounts, one per person (emails stored lower-cased), whatever shops they work for. */
export const accounts = {
  get: (q: Queries, email: string) => q.one<AccountRow>("SELECT * FROM console_accounts WHERE email = ?", [email]),

  async create(tx: Queries, email: string, passwordHash: string, at: number): Promise<void> {
    await tx.run("INSERT INTO console_accounts (email, password_hash, created_at) VALUES (?, ?, ?)", [email, passwordHash, at]);
  },

  async setPassword(tx: Queries, email: string, passwordHash: string): Promise<boolean> {
    return (await tx.run("UPDATE console_accounts SET password_hash = ? WHERE email = ?", [passwordHash, email])).changes === 1;
  },

  async rememberShop(tx: Queries, email: string, shopId: string): Promise<void> {
    await tx.run("UPDATE console_accounts SET last_shop_id = ? WHERE email = ?", [shopId, email]);
  },
};

/** Who may manage which shop, and how: owner, editor or viewer. */
export const memberships = {
  get: (q: Queries, shopId: string, email: string) =>
    q.one<MembershipRow>("SELECT * FROM console_memberships WHERE shop_id = ? AND email = ?", [shopId, email]),

  /** A person's shops with their names, by name. */
  ofAccount: (q: Queries, email: string) =>
    q.all<{ shop_id: string; role: Role; name: string }>(
      `SELECT m.shop_id, m.role, s.name FROM console_memberships m JOIN shops s ON s.id = m.shop_id WHERE m.email = ? ORDER BY s.name, m.shop_id`,
      [email],
    ),

  ofShop: (q: Queries, shopId: string) => q.all<MembershipRow>("SELECT * FROM console_memberships WHERE shop_id = ? ORDER BY email", [shopId]),

  async owners(q: Queries, shopId: string): Promise<number> {
    const row = await q.one<{ owners: number }>("SELECT COUNT(*) AS owners FROM console_memberships WHERE shop_id = ? AND role = 'owner'", [shopId]);
    return Number(row?.owners ?? 0);
  },

  /** Shops the person belongs to where `owner` is not an owner: an owner may reset a password only when this is 0. */
  async outsideOwnership(q: Queries, email: string, owner: string): Promise<number> {
    const row = await q.one<{ shops: number }>(
      `SELECT COUNT(*) AS shops FROM console_memberships m WHERE m.email = ? AND NOT EXISTS
         (SELECT 1 FROM console_memberships o WHERE o.shop_id = m.shop_id AND o.email = ? AND o.role = 'owner')`,
      [email, owner],
    );
    return Number(row?.shops ?? 0);
  },

  async upsert(tx: Queries, shopId: string, email: string, role: Role, at: number): Promise<void> {
    await tx.run(
      `INSERT INTO console_memberships (shop_id, email, role, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (shop_id, email) DO UPDATE SET role = excluded.role`,
      [shopId, email, role, at],
    );
  },

  async remove(tx: Queries, shopId: string, email: string): Promise<boolean> {
    return (await tx.run("DELETE FROM console_memberships WHERE shop_id = ? AND email = ?", [shopId, email])).changes === 1;
  },
};

/** Console sessions, stored by the SHA-256 digest of their id: a leaked table opens no session. */
export const sessions = {
  async create(tx: Queries, session: { idHash: string; email: string; shopId: string | null; expiresAt: number; at: number }): Promise<void> {
    // the person's expired sessions go when a new one starts, so the table stays small
    await tx.run("DELETE FROM console_sessions WHERE email = ? AND expires_at <= ?", [session.email, session.at]);
    await tx.run("INSERT INTO console_sessions (id_hash, email, shop_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)", [
      session.idHash,
      session.email,
      session.shopId,
      session.expiresAt,
      session.at,
    ]);
  },

  live: (q: Queries, idHash: string, now: number) =>
    q.one<SessionRow>("SELECT * FROM console_sessions WHERE id_hash = ? AND expires_at > ?", [idHash, now]),

  async chooseShop(tx: Queries, idHash: string, shopId: string): Promise<void> {
    await tx.run("UPDATE console_sessions SET shop_id = ? WHERE id_hash = ?", [shopId, idHash]);
  },

  async end(tx: Queries, idHash: string): Promise<void> {
    await tx.run("DELETE FROM console_sessions WHERE id_hash = ?", [idHash]);
  },

  /** Ends a person's sessions (a new password), except `keep` (the one that changed it). */
  async endAllOf(tx: Queries, email: string, keep = ""): Promise<void> {
    await tx.run("DELETE FROM console_sessions WHERE email = ? AND id_hash <> ?", [email, keep]);
  },

  /** Ends a person's sessions in one shop (their membership was removed). */
  async endInShop(tx: Queries, email: string, shopId: string): Promise<void> {
    await tx.run("DELETE FROM console_sessions WHERE email = ? AND shop_id = ?", [email, shopId]);
  },
};

export type LinkKind = "invite" | "reset";

export interface LinkRow {
  [column: string]: string | number | null;
  token_hash: string;
  kind: LinkKind;
  email: string;
  shop_id: string | null;
  role: Role | null;
  created_by: string | null;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

/** One-time links (invitations and password resets), stored by the digest of their token. */
export const links = {
  async create(
    tx: Queries,
    link: {
      token_hash: string;
      kind: LinkKind;
      email: string;
      shop_id: string | null;
      role: Role | null;
      created_by: string | null;
      expires_at: number;
      created_at: number;
    },
  ): Promise<void> {
    if (link.kind === "invite")
      // a new invitation replaces the unused ones for the same person and shop
      await tx.run("DELETE FROM console_links WHERE kind = 'invite' AND shop_id = ? AND email = ? AND used_at IS NULL", [link.shop_id, link.email]);
    else await tx.run("DELETE FROM console_links WHERE kind = 'reset' AND email = ? AND used_at IS NULL", [link.email]);
    await tx.run(
      "INSERT INTO console_links (token_hash, kind, email, shop_id, role, created_by, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [link.token_hash, link.kind, link.email, link.shop_id, link.role, link.created_by, link.expires_at, link.created_at],
    );
  },

  live: (q: Queries, tokenHash: string, now: number, forUpdate = false) =>
    q.one<LinkRow>(`SELECT * FROM console_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?${forUpdate ? " FOR UPDATE" : ""}`, [
      tokenHash,
      now,
    ]),

  /** Marks the link used; false when another request used it first. */
  async use(tx: Queries, tokenHash: string, now: number): Promise<boolean> {
    return (await tx.run("UPDATE console_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", [now, tokenHash])).changes === 1;
  },

  pendingInvites: (q: Queries, shopId: string, now: number) =>
    q.all<LinkRow>(
      "SELECT * FROM console_links WHERE shop_id = ? AND kind = 'invite' AND used_at IS NULL AND expires_at > ? ORDER BY created_at DESC",
      [shopId, now],
    ),

  async revokeInvite(tx: Queries, shopId: string, email: string): Promise<boolean> {
    return (
      (await tx.run("DELETE FROM console_links WHERE shop_id = ? AND kind = 'invite' AND email = ? AND used_at IS NULL", [shopId, email])).changes > 0
    );
  },
};
