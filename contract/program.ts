import { z } from "zod/mini";
import { LocalizedText, Money, PositivePoints, Slug, Timestamp } from "./common.ts";
import { ProgramAnnouncements, ProgramRaffles } from "./engagement.ts";

const Multiplier = z.number().check(z.minimum(1), z.maximum(10));
const ValidityDays = z.int().check(z.minimum(1), z.maximum(365));
const HttpUrl = z.string().check(z.maxLength(2000), z.regex(/^https?:\/\/[^\s"'<>]+$/, "an http(s) URL"));
const TimeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time such as 15:00"));

/** An IANA time zone name the runtime knows, such as Europe/Madrid. */
export const TimeZone = z.string().check(
  z.refine((name) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      return name.length < 64;
    } catch {
      return false;
    }
  }, "an IANA time zone such as Europe/Madrid"),
);

const rewardBase = {
  id: Slug,
  cost: PositivePoints,
  title: LocalizedText,
  minimumSubtotal: z.optional(Money),
  /** Only members of these tiers see and redeem it; absent: everyone. */
  tiers: z.optional(z.array(Slug).check(z.maxLength(20))),
  codeValidityDays: ValidityDays,
};

/** A reward a member redeems points for; redeeming issues a single-use discount code. */
export const Reward = z.discriminatedUnion("kind", [
  z.object({ ...rewardBase, kind: z.literal("amount_off"), amount: Money }),
  z.object({ ...rewardBase, kind: z.literal("percent_off"), percent: z.int().check(z.minimum(1), z.maximum(100)) }),
  z.object({ ...rewardBase, kind: z.literal("free_shipping") }),
  z.object({ ...rewardBase, kind: z.literal("free_product"), product: z.string().check(z.minLength(1), z.maxLength(200)) }),
]);
export type Reward = z.infer<typeof Reward>;

export const Tier = z.object({
  id: Slug,
  name: LocalizedText,
  /** Points earned within the program's tier window needed to reach this tier. */
  threshold: z.int().check(z.minimum(0), z.maximum(100_000_000)),
  /** Earning multiplier for members of the tier (1.25 = 25% more points). */
  multiplier: Multiplier,
});
export type Tier = z.infer<typeof Tier>;

export const Campaign = z.discriminatedUnion("kind", [
  z.object({ id: Slug, name: LocalizedText, multiplier: Multiplier, kind: z.literal("range"), startsAt: Timestamp, endsAt: Timestamp }),
  z.object({
    id: Slug,
    name: LocalizedText,
    multiplier: Multiplier,
    kind: z.literal("weekly"),
    /** ISO weekdays, Monday = 1 ... Sunday = 7, in the program's time zone. */
    days: z.array(z.int().check(z.minimum(1), z.maximum(7))).check(z.minLength(1), z.maxLength(7)),
    start: TimeOfDay,
    end: TimeOfDay,
  }),
]);
export type Campaign = z.infer<typeof Campaign>;

/** What a referred friend gets for a first order. */
export const FriendOffer = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("amount_off"), amount: Money, minimumSubtotal: z.optional(Money), validityDays: ValidityDays }),
  z.object({
    kind: z.literal("percent_off"),
    percent: z.int().check(z.minimum(1), z.maximum(100)),
    minimumSubtotal: z.optional(Money),
    validityDays: ValidityDays,
  }),
  z.object({ kind: z.literal("free_shipping"), minimumSubtotal: z.optional(Money), validityDays: ValidityDays }),
]);
export type FriendOffer = z.infer<typeof FriendOffer>;

export const ReferralProgram = z.object({
  enabled: z.boolean(),
  /** Points the referrer earns when a friend's first order arrives. */
  referrerPoints: z.int().check(z.minimum(0), z.maximum(1_000_000)),
  friendOffer: FriendOffer,
  /** Most referrals credited to one referrer in any 7 days; more are recorded as blocked. */
  weeklyCap: z.int().check(z.minimum(1), z.maximum(1000)),
});
export type ReferralProgram = z.infer<typeof ReferralProgram>;

/** The ways to earn besides buying (contract 7.2); `birthday` is awarded by the endpoint itself. */
export const ActionKind = z.enum(["signup", "birthday", "newsletter", "social_follow", "review", "feedback", "custom"]);
export type ActionKind = z.infer<typeof ActionKind>;

export const EarningAction = z.object({
  id: Slug,
  kind: ActionKind,
  points: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  /** At most `count` times per calendar `per` (in the program's time zone), or `ever`. */
  limit: z.object({ count: z.int().check(z.minimum(1), z.maximum(1000)), per: z.enum(["ever", "year", "month", "day"]) }),
  title: LocalizedText,
});
export type EarningAction = z.infer<typeof EarningAction>;

export const Program = z
  .object({
    timeZone: TimeZone,
    earning: z.object({
      /** Points per whole currency unit of an order's subtotal (before tier and campaign multipliers). */
      pointsPerUnit: z.number().check(z.minimum(0), z.maximum(1000)),
      channels: z.array(z.enum(["online", "store"])).check(z.minLength(1)),
    }),
    rewards: z.array(Reward).check(z.maxLength(50)),
    tiers: z.array(Tier).check(z.maxLength(10)),
    tierWindowDays: z.int().check(z.minimum(1), z.maximum(1095)),
    campaigns: z.array(Campaign).check(z.maxLength(50)),
    referral: ReferralProgram,
    links: z.object({ join: z.optional(HttpUrl), signIn: z.optional(HttpUrl), terms: z.optional(HttpUrl) }),
    /** The program in one line, per locale ("1 punto por cada euro; canjéalos por descuentos"). */
    summary: LocalizedText,
    /** Points from an order stay pending (not redeemable) until `placedAt + days`: the return window. Absent: off. */
    pending: z.optional(z.object({ days: z.int().check(z.minimum(1), z.maximum(365)) })),
    /** A member who earns nothing for `monthsInactive` months loses the balance; warned `reminderDays` before. Absent: off. */
    expiry: z.optional(
      z.object({
        monthsInactive: z.int().check(z.minimum(1), z.maximum(120)),
        reminderDays: z.int().check(z.minimum(0), z.maximum(90)),
      }),
    ),
    /** Ways to earn besides buying. Absent or empty: none. */
    actions: z.optional(z.array(EarningAction).check(z.maxLength(30))),
    /** Raffles members enter with points (contract 7.4). Absent or empty: none. */
    raffles: z.optional(ProgramRaffles),
    /** Program news shown in the widget while current (contract 7.4). Absent or empty: none. */
    announcements: z.optional(ProgramAnnouncements),
  })
  .check(
    z.superRefine((program, ctx) => {
      // each issue names the field it is about, so that forms can show it there
      const unique = (list: { id: string }[], name: "rewards" | "tiers" | "campaigns" | "actions", what: string) => {
        const seen = new Set<string>();
        list.forEach((item, index) => {
          if (seen.has(item.id))
            ctx.issues.push({ code: "custom", message: `${what} id "${item.id}" is used twice`, input: item.id, path: [name, index, "id"] });
          seen.add(item.id);
        });
      };
      unique(program.rewards, "rewards", "reward");
      unique(program.tiers, "tiers", "tier");
      unique(program.campaigns, "campaigns", "campaign");
      unique(program.actions ?? [], "actions", "action");
      if ((program.actions ?? []).filter((action) => action.kind === "birthday").length > 1)
        ctx.issues.push({
          code: "custom",
          message: "only one birthday action: the endpoint awards it by itself",
          input: program.actions,
          path: ["actions"],
        });
      const tierIds = new Set(program.tiers.map((tier) => tier.id));
      program.rewards.forEach((reward, index) => {
        for (const tier of reward.tiers ?? [])
          if (!tierIds.has(tier))
            ctx.issues.push({
              code: "custom",
              message: `reward "${reward.id}" names unknown tier "${tier}"`,
              input: tier,
              path: ["rewards", index, "tiers"],
            });
      });
      program.campaigns.forEach((campaign, index) => {
        if (campaign.kind === "range" && Date.parse(campaign.endsAt) <= Date.parse(campaign.startsAt))
          ctx.issues.push({
            code: "custom",
            message: `campaign "${campaign.id}" ends before it starts`,
            input: campaign.endsAt,
            path: ["campaigns", index, "endsAt"],
          });
        if (campaign.kind === "weekly" && campaign.end <= campaign.start)
          ctx.issues.push({
            code: "custom",
            message: `campaign "${campaign.id}" must end after it starts (same day)`,
            input: campaign.end,
            path: ["campaigns", index, "end"],
          });
      });
    }),
  );
export type Program = z.infer<typeof Program>;
