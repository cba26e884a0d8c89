import { describe, expect, it } from "vitest";
import type { Raffle } from "../../contract/index.ts";
import { HOUR } from "../../contract/time.ts";
import { commitmentOf, drawWinner, judgeRaffleChange, judgeRaffleEntry, newSeed, raffleStatus, ticketOf } from "../../server/domain/raffles.ts";

const NOW = Date.parse("2026-11-20T10:00:00Z");
const raffle = (overrides: Partial<Raffle> = {}): Raffle => ({
  id: "navidad",
  title: { es: "Sorteo" },
  prize: { es: "Una cesta" },
  entryCost: 100,
  maxEntriesPerCustomer: 5,
  opensAt: new Date(NOW - HOUR).toISOString(),
  closesAt: new Date(NOW + HOUR).toISOString(),
  ...overrides,
});

describe("the draw's arithmetic", () => {
  it("commits to the seed's bytes and ranks entries by HMAC-SHA256 keyed with them, as WebCrypto computes it", async () => {
    const seed = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    const bytes = Buffer.from(seed, "hex");
    expect(commitmentOf(seed)).toBe(Buffer.from(await crypto.subtle.digest("SHA-256", bytes)).toString("hex"));
    const key = await crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    expect(ticketOf(seed, "re_ñ")).toBe(Buffer.from(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode("re_ñ"))).toString("hex"));
  });

  it("picks the lowest ticket whatever the order of the entries, and nobody without entries", () => {
    const seed = newSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    const ids = Array.from({ length: 50 }, (_, i) => `re_${i}`);
    const lowest = [...ids].sort((a, b) => (ticketOf(seed, a) < ticketOf(seed, b) ? -1 : 1))[0];
    expect(drawWinner(seed, ids)).toBe(lowest);
    expect(drawWinner(seed, [...ids].reverse())).toBe(lowest);
    expect(drawWinner(seed, [])).toBeNull();
  });

  it("follows the clock until it is drawn or cancelled", () => {
    const at = { opensAt: NOW, closesAt: NOW + HOUR, state: "scheduled" };
    expect(raffleStatus(at, NOW - 1)).toBe("upcoming");
    expect(raffleStatus(at, NOW)).toBe("open");
    expect(raffleStatus(at, NOW + HOUR)).toBe("closed");
    expect(raffleStatus({ ...at, state: "drawn" }, NOW)).toBe("drawn");
    expect(raffleStatus({ ...at, state: "cancelled" }, NOW + HOUR)).toBe("cancelled");
  });
});

describe("judgeRaffleEntry", () => {
  const facts = { status: "open" as const, count: 2, held: 0, maxEntriesPerCustomer: 5, entryCost: 100, balance: 1000 };
  it("checks the window, then the maximum, then the balance", () => {
    expect(judgeRaffleEntry(facts)).toEqual({ enters: true });
    expect(judgeRaffleEntry({ ...facts, status: "closed", held: 9, balance: 0 })).toMatchObject({ enters: false, reason: "raffle_not_open" });
    expect(judgeRaffleEntry({ ...facts, held: 4, balance: 0 })).toMatchObject({ enters: false, reason: "raffle_entry_limit" });
    expect(judgeRaffleEntry({ ...facts, held: 3 })).toEqual({ enters: true });
    expect(judgeRaffleEntry({ ...facts, balance: 199 })).toMatchObject({ enters: false, reason: "insufficient_points" });
  });
});

describe("judgeRaffleChange", () => {
  const stored = (definition: Raffle, state: "scheduled" | "drawn" | "cancelled" = "scheduled") => ({ definition, state });
  it("lets a draft change or go, never into the past", () => {
    const draft = raffle({ opensAt: new Date(NOW + HOUR).toISOString(), closesAt: new Date(NOW + 2 * HOUR).toISOString() });
    expect(judgeRaffleChange(stored(draft), { ...draft, entryCost: 1 }, NOW)).toEqual({ allowed: true });
    expect(judgeRaffleChange(stored(draft), null, NOW)).toEqual({ allowed: true });
    expect(judgeRaffleChange(null, raffle({ closesAt: new Date(NOW).toISOString() }), NOW)).toMatchObject({ allowed: false, reason: "invalid" });
  });

  it("fixes an open raffle's terms but not its title, and keeps it in the program until it ends", () => {
    const open = raffle();
    expect(judgeRaffleChange(stored(open), { ...open, title: { es: "Nuevo título" } }, NOW)).toEqual({ allowed: true });
    // the same instant written another way is the same term
    expect(judgeRaffleChange(stored(open), { ...open, closesAt: "2026-11-20T12:00:00+01:00" }, NOW)).toEqual({ allowed: true });
    for (const change of [
      { entryCost: 99 },
      { maxEntriesPerCustomer: 6 },
      { prize: { es: "Otra" } },
      { prizeCode: { kind: "free_shipping" as const, validityDays: 5 } },
    ])
      expect(judgeRaffleChange(stored(open), { ...open, ...change }, NOW), JSON.stringify(change)).toMatchObject({
        allowed: false,
        reason: "locked",
      });
    expect(judgeRaffleChange(stored(open), null, NOW)).toMatchObject({ allowed: false, reason: "locked" });
    expect(judgeRaffleChange(stored(open), { ...open, cancelled: true }, NOW)).toEqual({ allowed: true });
  });

  it("keeps a cancellation, and a draw, final", () => {
    const open = raffle();
    expect(judgeRaffleChange(stored({ ...open, cancelled: true }, "cancelled"), open, NOW)).toMatchObject({ allowed: false });
    expect(judgeRaffleChange(stored(open, "drawn"), { ...open, cancelled: true }, NOW)).toMatchObject({ allowed: false });
    expect(judgeRaffleChange(stored(open, "drawn"), null, NOW)).toEqual({ allowed: true });
  });
});
