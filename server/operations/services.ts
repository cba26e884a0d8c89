import { Program, Theme, type CreateShopRequest, type CreatedShop, type ThemeUpdate } from "../../contract/index.ts";
import { currencyDigits } from "../domain/money.ts";
import { digest, newSecret } from "../domain/secrets.ts";
import { contrastWarnings } from "../domain/contrast.ts";
import type { Driver } from "../storage/driver.ts";
import type { ShopRow } from "../storage/repository.ts";
import { defaultTheme } from "../../contract/index.ts";
import { starterProgram } from "./defaults.ts";
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
}

function toShop(row: ShopRow): Shop {
  return {
    id: row.id,
    name: row.name,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    defaultLocale: row.default_locale,
    currency: row.currency,
    currencyDigits: currencyDigits(row.currency),
    signingSecrets: JSON.parse(row.signing_secret) as string[],
    program: Program.parse(JSON.parse(row.program)),
    theme: Theme.parse(JSON.parse(row.theme)),
    version: row.config_version,
  };
}

export interface ServicesOptions {
  /** How long a process may serve a shop's configuration from memory. Infinity for one process. */
  shopCacheMs?: number;
  now?: () => number;
}

/** What the operations need: storage, a clock and the shops' configuration (cached in memory). */
export class Services {
  readonly now: () => number;
  private readonly cache = new Map<string, { shop: Shop | null; at: number }>();
  private readonly byKey = new Map<string, string>();
  private readonly shopCacheMs: number;

  constructor(
    readonly driver: Driver,
    options: ServicesOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.shopCacheMs = options.shopCacheMs ?? (driver.dialect === "sqlite" ? Number.POSITIVE_INFINITY : 2000);
  }

  async shop(id: string): Promise<Shop | null> {
    const cached = this.cache.get(id);
    if (cached && this.now() - cached.at < this.shopCacheMs) return cached.shop;
    const row = await this.driver.read.one<ShopRow>("SELECT * FROM shops WHERE id = ?", [id]);
    const shop = row ? toShop(row) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { shop, at: this.now() });
    return shop;
  }

  async requireShop(id: string): Promise<Shop> {
    const shop = await this.shop(id);
    if (!shop) throw new ApiError("not_found", `no shop "${id}"`);
    return shop;
  }

  /** The shop whose secret key this is, or null. Only digests are stored and compared. */
  async shopBySecretKey(secretKey: string): Promise<Shop | null> {
    const hash = digest(secretKey);
    let id = this.byKey.get(hash);
    if (!id) {
      const row = await this.driver.read.one<{ id: string }>("SELECT id FROM shops WHERE secret_key_hash = ?", [hash]);
      if (!row) return null;
      id = row.id;
      if (this.byKey.size > 10_000) this.byKey.clear();
      this.byKey.set(hash, id);
    }
    return this.shop(id);
  }

  async createShop(request: CreateShopRequest): Promise<CreatedShop> {
    const secretKey = newSecret("sk");
    const signingSecret = newSecret("ss");
    const program = starterProgram(request.timeZone ?? "UTC");
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
  async saveProgram(shop: Shop, program: Program): Promise<Program> {
    const parsed = Program.safeParse(program);
    if (!parsed.success)
      throw new ApiError("invalid_request", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
    await this.driver.transaction((tx) =>
      tx.run("UPDATE shops SET program = ?, config_version = config_version + 1 WHERE id = ?", [JSON.stringify(program), shop.id]),
    );
    this.cache.delete(shop.id);
    return program;
  }

  async saveTheme(shop: Shop, update: ThemeUpdate) {
    const theme = Theme.parse({ ...shop.theme, ...update });
    await this.driver.transaction((tx) =>
      tx.run("UPDATE shops SET theme = ?, config_version = config_version + 1 WHERE id = ?", [JSON.stringify(theme), shop.id]),
    );
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
