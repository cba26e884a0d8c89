import { Program, Theme, WidgetLocale, type CreateShopRequest, type CreatedShop, type ThemeUpdate } from "../../contract/index.ts";
import { currencyDigits } from "../domain/money.ts";
import { digest, newSecret } from "../domain/secrets.ts";
import { contrastWarnings } from "../../contract/rules/contrast.ts";
import { auditLog } from "../storage/audit.ts";
import type { Driver, Queries } from "../storage/driver.ts";
import { retiringKeys, type ShopRow } from "../storage/repository.ts";
import { widgetTexts } from "../texts/index.ts";
import { WidgetSightings } from "./console/sightings.ts";
import { defaultTheme } from "../../contract/index.ts";
import { starterProgram } from "./defaults.ts";
import { ApiError } from "./errors.ts";
import type { TransportPolicy } from "./webhook-transport.ts";
import { syncRaffles } from "./raffles.ts";

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

export interface ServicesOptions {
  /** How long a process may serve a shop's configuration from memory. Infinity for one process. */
  shopCacheMs?: number;
  now?: () => number;
  /** Where webhooks may be delivered (private targets only with LOYALTY_WEBHOOK_ALLOW_PRIVATE=1), and how. */
  webhooks?: TransportPolicy;
}

/** What the operations need: storage, a clock and the shops' configuration (cached in memory). */
export class Services {
  readonly now: () => number;
  private readonly cache = new Map<string, { shop: Shop | null; at: number }>();
  /** Secret-key digest → shop, valid `until` (a rotated key's overlap end, or the cache lifetime). */
  private readonly byKey = new Map<string, { id: string; until: number }>();
  private readonly shopCacheMs: number;
  /** The origins whose pages ask for the widget, kept in memory and written at most once a minute each. */
  readonly widgetSightings: WidgetSightings;
  readonly webhookPolicy: TransportPolicy;

  constructor(
    readonly driver: Driver,
    options: ServicesOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.webhookPolicy = options.webhooks ?? { allowPrivate: false };
    this.shopCacheMs = options.shopCacheMs ?? (driver.dialect === "sqlite" ? Number.POSITIVE_INFINITY : 2000);
    this.widgetSightings = new WidgetSightings(driver, this.now);
  }

  /** Writes who changed what in the change's own transaction; `actor` is absent for changes nobody needs to answer for (seeds, tests). */
  private async audit(tx: Queries, shop: Shop, actor: string | undefined, action: string, details: Record<string, unknown> = {}) {
    if (actor) await auditLog.record(tx, { shopId: shop.id, actor, action, details, at: this.now() });
  }

  async shop(id: string): Promise<Shop | null> {
    const cached = this.cache.get(id);
    const now = this.now();
    // a signing secret whose overlap ended must stop working at once, whatever the cache lifetime
    if (cached && now - cached.at < this.shopCacheMs && !(cached.shop?.keysRetireAt && cached.shop.keysRetireAt <= now)) return cached.shop;
    const row = await this.driver.read.one<ShopRow>("SELECT * FROM shops WHERE id = ?", [id]);
    const shop = row ? toShop(row, await retiringKeys.ofShop(this.driver.read, id), now) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { shop, at: this.now() });
    return shop;
  }

  async requireShop(id: string): Promise<Shop> {
    const shop = await this.shop(id);
    if (!shop) throw new ApiError("not_found", `no shop "${id}"`);
    return shop;
  }

  /**
   * The shop whose secret key this is, or null: its current key, or a rotated one still inside its
   * overlap. Only digests are stored and compared.
   */
  async shopBySecretKey(secretKey: string): Promise<Shop | null> {
    const hash = digest(secretKey);
    const now = this.now();
    const cached = this.byKey.get(hash);
    if (cached && now < cached.until) return this.shop(cached.id);
    let found: { id: string; until: number } | null = null;
    const row = await this.driver.read.one<{ id: string }>("SELECT id FROM shops WHERE secret_key_hash = ?", [hash]);
    if (row) found = { id: row.id, until: now + this.shopCacheMs };
    else {
      const retiring = await retiringKeys.shopOfSecretKey(this.driver.read, hash, now);
      if (retiring) found = { id: retiring.shop_id, until: Math.min(retiring.expires_at, now + this.shopCacheMs) };
    }
    if (!found) {
      this.byKey.delete(hash);
      return null;
    }
    if (this.byKey.size > 10_000) this.byKey.clear();
    this.byKey.set(hash, found);
    return this.shop(found.id);
  }

  /**
   * A new secret key for the shop's backend. The old one keeps working for `overlapMs`, so the
   * backend can be redeployed with the new one without downtime.
   */
  async rotateSecretKey(shop: Shop, overlapMs: number, actor?: string): Promise<{ secretKey: string; previousValidUntil: string }> {
    const secretKey = newSecret("sk");
    const now = this.now();
    await this.driver.transaction(async (tx) => {
      const row = await tx.one<{ secret_key_hash: string }>("SELECT secret_key_hash FROM shops WHERE id = ? FOR UPDATE", [shop.id]);
      if (!row) throw new ApiError("not_found", `no shop "${shop.id}"`);
      await retiringKeys.removeExpired(tx, shop.id, now);
      await retiringKeys.add(tx, "secret_key", row.secret_key_hash, shop.id, now + overlapMs);
      await tx.run("UPDATE shops SET secret_key_hash = ? WHERE id = ?", [digest(secretKey), shop.id]);
      await this.audit(tx, shop, actor, "secret_key.rotated", { overlapHours: overlapMs / 3_600_000 });
    });
    for (const [hash, entry] of this.byKey) if (entry.id === shop.id) this.byKey.delete(hash);
    return { secretKey, previousValidUntil: new Date(now + overlapMs).toISOString() };
  }

  /**
   * A new signing secret for customer tokens. Tokens signed with the old one stay valid for
   * `overlapMs` (the checker accepts any secret in the list), then the old one is dropped.
   */
  async rotateSigningSecret(shop: Shop, overlapMs: number, actor?: string): Promise<{ signingSecret: string; previousValidUntil: string }> {
    const signingSecret = newSecret("ss");
    const now = this.now();
    await this.driver.transaction(async (tx) => {
      const row = await tx.one<{ signing_secret: string }>("SELECT signing_secret FROM shops WHERE id = ? FOR UPDATE", [shop.id]);
      if (!row) throw new ApiError("not_found", `no shop "${shop.id}"`);
      const retiring = await retiringKeys.ofShop(tx, shop.id);
      const expired = new Set(retiring.filter((key) => key.kind === "signing_secret" && key.expires_at <= now).map((key) => key.value));
      const stillRetiring = new Set(retiring.filter((key) => key.kind === "signing_secret" && key.expires_at > now).map((key) => key.value));
      const current = (JSON.parse(row.signing_secret) as string[]).filter((secret) => !expired.has(secret));
      await retiringKeys.removeExpired(tx, shop.id, now);
      for (const secret of current) if (!stillRetiring.has(secret)) await retiringKeys.add(tx, "signing_secret", secret, shop.id, now + overlapMs);
      await tx.run("UPDATE shops SET signing_secret = ? WHERE id = ?", [JSON.stringify([signingSecret, ...current]), shop.id]);
      await this.audit(tx, shop, actor, "signing_secret.rotated", { overlapHours: overlapMs / 3_600_000 });
    });
    this.cache.delete(shop.id);
    return { signingSecret, previousValidUntil: new Date(now + overlapMs).toISOString() };
  }

  /** Replaces the origins whose pages may load the widget. */
  async saveAllowedOrigins(shop: Shop, allowedOrigins: string[], actor?: string): Promise<string[]> {
    await this.driver.transaction(async (tx) => {
      await tx.run("UPDATE shops SET allowed_origins = ?, config_version = config_version + 1 WHERE id = ?", [
        JSON.stringify(allowedOrigins),
        shop.id,
      ]);
      await this.audit(tx, shop, actor, "origins.saved", {
        added: allowedOrigins.filter((origin) => !shop.allowedOrigins.includes(origin)),
        removed: shop.allowedOrigins.filter((origin) => !allowedOrigins.includes(origin)),
      });
    });
    this.cache.delete(shop.id);
    return allowedOrigins;
  }

  async createShop(request: CreateShopRequest): Promise<CreatedShop> {
    const secretKey = newSecret("sk");
    const signingSecret = newSecret("ss");
    const program = starterProgram(request.timeZone ?? "UTC", request.currency);
    const theme = request.defaultLocale.startsWith("en") ? englishFirst(defaultTheme) : defaultTheme;
    await this.driver.transaction(async (tx) => {
      if (await tx.one("SELECT 1 AS found FROM shops WHERE id = ?", [request.id])) throw new ApiError("conflict", `shop "${request.id}" exists`);
      await tx.run(
        `INSERT INTO shops (id, name, allowed_origins, default_locale, currency, secret_key_hash, signing_secret, program, theme, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          request.id,
          request.name,
          JSON.stringify(request.allowedOrigins),
          request.defaultLocale,
          request.currency,
          digest(secretKey),
          JSON.stringify([signingSecret]),
          JSON.stringify(program),
          JSON.stringify(theme),
          this.now(),
        ],
      );
    });
    this.cache.delete(request.id);
    return { id: request.id, secretKey, signingSecret };
  }

  /** Replaces the program. Past ledger entries are never rewritten: orders keep the rate they earned at. */
  async saveProgram(shop: Shop, program: Program, actor?: string): Promise<Program> {
    const parsed = Program.safeParse(program);
    if (!parsed.success)
      throw new ApiError("invalid_request", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
    await this.driver.transaction(async (tx) => {
      // raffles get their secret seed before anyone can enter, and keep their terms once open (raffle_locked)
      await syncRaffles(tx, shop.id, program.raffles ?? [], this.now());
      await tx.run("UPDATE shops SET program = ?, config_version = config_version + 1 WHERE id = ?", [JSON.stringify(program), shop.id]);
      await this.audit(tx, shop, actor, "program.saved", { sections: changedKeys(shop.program, program) });
    });
    this.cache.delete(shop.id);
    return program;
  }

  async saveTheme(shop: Shop, update: ThemeUpdate, actor?: string, action: "theme.saved" | "theme.reset" = "theme.saved") {
    const unspoken = Object.keys(update.locales ?? {}).filter((locale) => !WidgetLocale.safeParse(locale).success);
    if (unspoken.length)
      throw new ApiError(
        "unsupported_locale",
        `the widget has no texts in ${unspoken.map((locale) => `"${locale}"`).join(", ")}: overrides are possible for ${WidgetLocale.options.join(", ")}`,
      );
    for (const [locale, override] of Object.entries(update.locales ?? {})) checkTextForms(locale, override.texts ?? {});
    const theme = Theme.parse({ ...shop.theme, ...update });
    await this.driver.transaction(async (tx) => {
      await tx.run("UPDATE shops SET theme = ?, config_version = config_version + 1 WHERE id = ?", [JSON.stringify(theme), shop.id]);
      await this.audit(tx, shop, actor, action, { tokens: changedKeys(shop.theme, theme) });
    });
    this.cache.delete(shop.id);
    return { theme, warnings: contrastWarnings(theme) };
  }

  /** Forgets cached configuration (tests, and after writes made by another process). */
  forget(id?: string) {
    if (id) this.cache.delete(id);
    else this.cache.clear();
  }
}

function englishFirst(theme: Theme): Theme {
  const english = theme.locales.en ?? {};
  return {
    ...theme,
    launcherLabel: english.launcherLabel ?? theme.launcherLabel,
    programName: english.programName ?? theme.programName,
    pointsName: english.pointsName ?? theme.pointsName,
    locales: { es: { launcherLabel: theme.launcherLabel, programName: theme.programName, pointsName: theme.pointsName } },
  };
}

/** The top-level keys whose values differ: what an audit entry says was changed. */
function changedKeys(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const value = (object: object, key: string) => JSON.stringify((object as Record<string, unknown>)[key]);
  return [...keys].filter((key) => value(before, key) !== value(after, key));
}

/**
 * A text override has the form of the text it replaces: a plural text stays an object by CLDR category (the schema asks for
 * `one` and `other`; a category left out falls back to `other`, as in the widget), a plain text stays plain.
 */
function checkTextForms(locale: string, texts: NonNullable<Theme["locales"][string]["texts"]>) {
  for (const [key, text] of Object.entries(texts)) {
    const plural = typeof (widgetTexts[locale] as Record<string, unknown> | undefined)?.[key] === "object";
    if (plural && typeof text === "string")
      throw new ApiError("invalid_request", `locales.${locale}.texts.${key}: a plural text needs its forms by category (one, other, ...)`);
    if (!plural && typeof text !== "string") throw new ApiError("invalid_request", `locales.${locale}.texts.${key}: this text has no plural forms`);
  }
}
