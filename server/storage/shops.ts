import type { Queries } from "./driver.ts";

/** A shop as stored: its configuration as JSON text, its secret key as a digest. */
export interface ShopRow {
  [column: string]: string | number | null;
  id: string;
  name: string;
  allowed_origins: string;
  default_locale: string;
  currency: string;
  secret_key_hash: string;
  signing_secret: string;
  program: string;
  theme: string;
  config_version: number;
  created_at: number;
}

export type NewShop = Pick<
  ShopRow,
  "id" | "name" | "allowed_origins" | "default_locale" | "currency" | "secret_key_hash" | "signing_secret" | "program" | "theme" | "created_at"
>;

/** The parts of a shop's configuration that the console saves; each save bumps `config_version`, which caches compare. */
type Configuration = "allowed_origins" | "program" | "theme";

async function saveConfiguration(tx: Queries, id: string, column: Configuration, json: string): Promise<void> {
  await tx.run(`UPDATE shops SET ${column} = ?, config_version = config_version + 1 WHERE id = ?`, [json, id]);
}

export const shops = {
  /** The shop's row, or undefined. */
  get: (q: Queries, id: string) => q.one<ShopRow>("SELECT * FROM shops WHERE id = ?", [id]),

  /** Every shop's id, in order. */
  ids: (q: Queries) => q.all<{ id: string }>("SELECT id FROM shops ORDER BY id", []),

  /** Whether a shop with this id exists. */
  async exists(q: Queries, id: string): Promise<boolean> {
    return (await q.one("SELECT 1 AS found FROM shops WHERE id = ?", [id])) !== undefined;
  },

  /** The id of the shop whose current secret key has this digest. */
  async idBySecretKeyHash(q: Queries, hash: string): Promise<string | undefined> {
    return (await q.one<{ id: string }>("SELECT id FROM shops WHERE secret_key_hash = ?", [hash]))?.id;
  },

  /** Locks the shop's row for a key rotation and reads the keys in force. */
  lockKeys: (tx: Queries, id: string) =>
    tx.one<{ secret_key_hash: string; signing_secret: string }>("SELECT secret_key_hash, signing_secret FROM shops WHERE id = ? FOR UPDATE", [id]),

  /** Adds a shop. */
  async insert(tx: Queries, row: NewShop): Promise<void> {
    await tx.run(
      `INSERT INTO shops (id, name, allowed_origins, default_locale, currency, secret_key_hash, signing_secret, program, theme, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.name,
        row.allowed_origins,
        row.default_locale,
        row.currency,
        row.secret_key_hash,
        row.signing_secret,
        row.program,
        row.theme,
        row.created_at,
      ],
    );
  },

  /** Replaces the digest of the shop's secret key. */
  async setSecretKeyHash(tx: Queries, id: string, hash: string): Promise<void> {
    await tx.run("UPDATE shops SET secret_key_hash = ? WHERE id = ?", [hash, id]);
  },

  /** Replaces the shop's signing secrets (a JSON list, newest first). */
  async setSigningSecrets(tx: Queries, id: string, secrets: string): Promise<void> {
    await tx.run("UPDATE shops SET signing_secret = ? WHERE id = ?", [secrets, id]);
  },

  /** Saves the origins whose pages may load the widget (a JSON list). */
  saveAllowedOrigins: (tx: Queries, id: string, json: string) => saveConfiguration(tx, id, "allowed_origins", json),
  /** Saves the program (JSON). */
  saveProgram: (tx: Queries, id: string, json: string) => saveConfiguration(tx, id, "program", json),
  /** Saves the theme (JSON). */
  saveTheme: (tx: Queries, id: string, json: string) => saveConfiguration(tx, id, "theme", json),
};
