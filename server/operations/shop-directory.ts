import { Program, Theme } from "../../contract/index.ts";
import { currencyDigits } from "../domain/money.ts";
import { digest } from "../domain/secrets.ts";
import type { Driver } from "../storage/driver.ts";
import { retiringKeys } from "../storage/repository.ts";
import { type ShopRow, shops } from "../storage/shops.ts";
import { ApiError } from "./errors.ts";

/** A shop as the endpoint works with it: parsed configuration, ready to use. */
export interface Shop {
  id: string;
  name: string;
  allowedOrigins: string[];
  defaultLocale: string;
  currency: string;
  currencyDigits: number;
  signingSecrets: string[];
  program: Program;
  theme: Theme;
  version: number;
  /** When the earliest signing secret still in its rotation overlap stops being valid (null: none). */
  keysRetireAt: number | null;
}

type Retiring = { kind: string; value: string; expires_at: number }[];

function toShop(row: ShopRow, retiring: Retiring, now: number): Shop {
  const retiringSecrets = retiring.filter((key) => key.kind === "signing_secret");
  const expired = new Set(retiringSecrets.filter((key) => key.expires_at <= now).map((key) => key.value));
  const pending = retiringSecrets.filter((key) => key.expires_at > now).map((key) => key.expires_at);
  return {
    id: row.id,
    name: row.name,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    defaultLocale: row.default_locale,
    currency: row.currency,
    currencyDigits: currencyDigits(row.currency),
    signingSecrets: (JSON.parse(row.signing_secret) as string[]).filter((secret) => !expired.has(secret)),
    program: Program.parse(JSON.parse(row.program)),
    theme: Theme.parse(JSON.parse(row.theme)),
    version: row.config_version,
    keysRetireAt: pending.length ? Math.min(...pending) : null,
  };
}

/** Calls `start` once per key at a time: callers that come while it runs share its outcome. */
function shared<T>(running: Map<string, Promise<T>>, key: string, start: () => Promise<T>): Promise<T> {
  const current = running.get(key);
  if (current) return current;
  const started = start().finally(() => {
    if (running.get(key) === started) running.delete(key);
  });
  running.set(key, started);
  return started;
}

/**
 * The shops' configuration as this process serves it: read from storage and kept in memory for `cacheMs` (for good with one
 * SQLite process; briefly where several processes share PostgreSQL), and found by secret key. Writes go through ShopSettings,
 * which tells it what to forget. The requests that find a shop expired at the same moment wait for one read of it, not one
 * each; a read that began before a write is answered but not kept.
 */
export class ShopDirectory {
  private readonly cache = new Map<string, { shop: Shop | null; at: number }>();
  /** Secret-key digest → shop, valid `until` (a rotated key's overlap end, or the cache lifetime). */
  private readonly byKey = new Map<string, { id: string; until: number }>();
  /** The reads under way, by shop and by secret-key digest. */
  private readonly loading = new Map<string, Promise<Shop | null>>();
  private readonly findingKey = new Map<string, Promise<{ id: string; until: number } | null>>();
  /** How many times something was forgotten: a read that began before the latest forget is not kept. */
  private forgets = 0;

  constructor(
    private readonly driver: Driver,
    private readonly now: () => number,
    readonly cacheMs: number,
  ) {}

  /** The shop as kept in memory while it holds, without waiting (undefined: not kept, or to be read again). */
  kept(id: string): Shop | null | undefined {
    const cached = this.cache.get(id);
    const now = this.now();
    // a signing secret whose overlap ended must stop working at once, whatever the cache lifetime
    if (cached && now - cached.at < this.cacheMs && !(cached.shop?.keysRetireAt && cached.shop.keysRetireAt <= now)) return cached.shop;
    return undefined;
  }

  /** The shop, or null when there is none. */
  async get(id: string): Promise<Shop | null> {
    const kept = this.kept(id);
    if (kept !== undefined) return kept;
    return shared(this.loading, id, () => this.load(id));
  }

  private async load(id: string): Promise<Shop | null> {
    const forgets = this.forgets;
    const now = this.now();
    const row = await shops.get(this.driver.read, id);
    const shop = row ? toShop(row, await retiringKeys.ofShop(this.driver.read, id), now) : null;
    if (forgets === this.forgets) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(id, { shop, at: this.now() });
    }
    return shop;
  }

  /** The shop, or a 404 `not_found`. */
  async require(id: string): Promise<Shop> {
    const shop = await this.get(id);
    if (!shop) throw new ApiError("not_found", `no shop "${id}"`);
    return shop;
  }

  /**
   * The shop whose secret key this is, or null: its current key, or a rotated one still inside its
   * overlap. Only digests are stored and compared.
   */
  async bySecretKey(secretKey: string): Promise<Shop | null> {
    const hash = digest(secretKey);
    const cached = this.byKey.get(hash);
    if (cached && this.now() < cached.until) return this.get(cached.id);
    const found = await shared(this.findingKey, hash, () => this.findKey(hash));
    return found ? this.get(found.id) : null;
  }

  private async findKey(hash: string): Promise<{ id: string; until: number } | null> {
    const forgets = this.forgets;
    const now = this.now();
    let found: { id: string; until: number } | null = null;
    const id = await shops.idBySecretKeyHash(this.driver.read, hash);
    if (id) found = { id, until: now + this.cacheMs };
    else {
      const retiring = await retiringKeys.shopOfSecretKey(this.driver.read, hash, now);
      if (retiring) found = { id: retiring.shop_id, until: Math.min(retiring.expires_at, now + this.cacheMs) };
    }
    if (forgets === this.forgets) {
      if (!found) this.byKey.delete(hash);
      else {
        if (this.byKey.size > 10_000) this.byKey.clear();
        this.byKey.set(hash, found);
      }
    }
    return found;
  }

  /** Forgets a shop's cached configuration (after a write, and in tests), or every shop's. */
  forget(id?: string) {
    this.forgets++;
    if (id) {
      this.cache.delete(id);
      this.loading.delete(id);
    } else {
      this.cache.clear();
      this.loading.clear();
    }
  }

  /** Forgets which shop a secret key belonged to (after the shop's key was rotated). */
  forgetKeysOf(id: string) {
    this.forgets++;
    for (const [hash, entry] of this.byKey) if (entry.id === id) this.byKey.delete(hash);
    // a lookup under way may have begun before the rotation: the next caller asks again
    this.findingKey.clear();
  }
}
