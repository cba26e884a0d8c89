import { HOUR } from "../../contract/time.ts";
import { Program, Theme, WidgetLocale, type CreateShopRequest, type CreatedShop, type ThemeUpdate } from "../../contract/index.ts";
import { defaultTheme } from "../../contract/index.ts";
import { contrastWarnings } from "../../contract/rules/contrast.ts";
import { digest, newSecret } from "../domain/secrets.ts";
import { auditLog } from "../storage/audit.ts";
import type { Driver, Queries } from "../storage/driver.ts";
import { retiringKeys } from "../storage/repository.ts";
import { shops } from "../storage/shops.ts";
import { widgetTexts } from "../texts/index.ts";
import { starterProgram } from "./defaults.ts";
import { ApiError } from "./errors.ts";
import { syncRaffles } from "./raffle-terms.ts";
import type { Shop, ShopDirectory } from "./shop-directory.ts";

/**
 * Every change to a shop's configuration: new shops, keys and their rotation, allowed origins, the program and the theme. Each
 * is written with its audit entry in one transaction, and the directory forgets what it had cached.
 */
export class ShopSettings {
  constructor(
    private readonly driver: Driver,
    private readonly now: () => number,
    private readonly directory: ShopDirectory,
  ) {}

  /**
   * A new secret key for the shop's backend. The old one keeps working for `overlapMs`, so the
   * backend can be redeployed with the new one without downtime.
   */
  async rotateSecretKey(shop: Shop, overlapMs: number, actor?: string): Promise<{ secretKey: string; previousValidUntil: string }> {
    const secretKey = newSecret("sk");
    const now = this.now();
    await this.driver.transaction(async (tx) => {
      const row = await shops.lockKeys(tx, shop.id);
      if (!row) throw new ApiError("not_found", `no shop "${shop.id}"`);
      await retiringKeys.removeExpired(tx, shop.id, now);
      await retiringKeys.add(tx, "secret_key", row.secret_key_hash, shop.id, now + overlapMs);
      await shops.setSecretKeyHash(tx, shop.id, digest(secretKey));
      await this.audit(tx, shop, actor, "secret_key.rotated", { overlapHours: overlapMs / HOUR });
    });
    this.directory.forgetKeysOf(shop.id);
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
      const row = await shops.lockKeys(tx, shop.id);
      if (!row) throw new ApiError("not_found", `no shop "${shop.id}"`);
      const retiring = await retiringKeys.ofShop(tx, shop.id);
      const expired = new Set(retiring.filter((key) => key.kind === "signing_secret" && key.expires_at <= now).map((key) => key.value));
      const stillRetiring = new Set(retiring.filter((key) => key.kind === "signing_secret" && key.expires_at > now).map((key) => key.value));
      const current = (JSON.parse(row.signing_secret) as string[]).filter((secret) => !expired.has(secret));
      await retiringKeys.removeExpired(tx, shop.id, now);
      for (const secret of current) if (!stillRetiring.has(secret)) await retiringKeys.add(tx, "signing_secret", secret, shop.id, now + overlapMs);
      await shops.setSigningSecrets(tx, shop.id, JSON.stringify([signingSecret, ...current]));
      await this.audit(tx, shop, actor, "signing_secret.rotated", { overlapHours: overlapMs / HOUR });
    });
    this.directory.forget(shop.id);
    return { signingSecret, previousValidUntil: new Date(now + overlapMs).toISOString() };
  }
  /** Replaces the origins whose pages may load the widget. */
  async saveAllowedOrigins(shop: Shop, allowedOrigins: string[], actor?: string): Promise<string[]> {
    await this.driver.transaction(async (tx) => {
      await shops.saveAllowedOrigins(tx, shop.id, JSON.stringify(allowedOrigins));
      await this.audit(tx, shop, actor, "origins.saved", {
        added: allowedOrigins.filter((origin) => !shop.allowedOrigins.includes(origin)),
        removed: shop.allowedOrigins.filter((origin) => !allowedOrigins.includes(origin)),
      });
    });
    this.directory.forget(shop.id);
    return allowedOrigins;
  }
  async createShop(request: CreateShopRequest): Promise<CreatedShop> {
    const secretKey = newSecret("sk");
    const signingSecret = newSecret("ss");
    const program = starterProgram(request.timeZone ?? "UTC", request.currency);
    const theme = request.defaultLocale.startsWith("en") ? englishFirst(defaultTheme) : defaultTheme;
    await this.driver.transaction(async (tx) => {
      if (await shops.exists(tx, request.id)) throw new ApiError("conflict", `shop "${request.id}" exists`);
      await shops.insert(tx, {
        id: request.id,
        name: request.name,
        allowed_origins: JSON.stringify(request.allowedOrigins),
        default_locale: request.defaultLocale,
        currency: request.currency,
        secret_key_hash: digest(secretKey),
        signing_secret: JSON.stringify([signingSecret]),
        program: JSON.stringify(program),
        theme: JSON.stringify(theme),
        created_at: this.now(),
      });
    });
    this.directory.forget(request.id);
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
      await shops.saveProgram(tx, shop.id, JSON.stringify(program));
      await this.audit(tx, shop, actor, "program.saved", { sections: changedKeys(shop.program, program) });
    });
    this.directory.forget(shop.id);
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
      await shops.saveTheme(tx, shop.id, JSON.stringify(theme));
      await this.audit(tx, shop, actor, action, { tokens: changedKeys(shop.theme, theme) });
    });
    this.directory.forget(shop.id);
    return { theme, warnings: contrastWarnings(theme) };
  }
  /** Writes who changed what in the change's own transaction; `actor` is absent for changes nobody needs to answer for (seeds, tests). */
  private async audit(tx: Queries, shop: Shop, actor: string | undefined, action: string, details: Record<string, unknown> = {}) {
    if (actor) await auditLog.record(tx, { shopId: shop.id, actor, action, details, at: this.now() });
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
