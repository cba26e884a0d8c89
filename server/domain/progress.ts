import type { Reward, Tier } from "../../contract/index.ts";

/** The tier a member holds with `tierPoints` earned inside the window: the highest threshold reached. */
export function tierFor(tiers: Tier[], tierPoints: number): Tier | null {
  let best: Tier | null = null;
  for (const tier of tiers) if (tier.threshold <= tierPoints && (!best || tier.threshold > best.threshold)) best = tier;
  return best;
}

/** The next tier up and the points missing for it. */
export function nextTier(tiers: Tier[], tierPoints: number): { tier: Tier; missing: number } | null {
  let best: Tier | null = null;
  for (const tier of tiers) if (tier.threshold > tierPoints && (!best || tier.threshold < best.threshold)) best = tier;
  return best ? { tier: best, missing: best.threshold - tierPoints } : null;
}

/** Rewards a member of `tier` may see and redeem. */
export function rewardsFor(rewards: Reward[], tier: Tier | null): Reward[] {
  return rewards.filter((reward) => !reward.tiers || (tier !== null && reward.tiers.includes(tier.id)));
}

/**
 * Progress to the next reward: the cheapest reward still out of reach and the points missing
 * ("te faltan 120 puntos"), plus what can be redeemed now.
 */
export function rewardProgress(rewards: Reward[], balance: number) {
  let next: Reward | null = null;
  const redeemable: string[] = [];
  for (const reward of rewards) {
    if (reward.cost <= balance) redeemable.push(reward.id);
    else if (!next || reward.cost < next.cost) next = reward;
  }
  return {
    nextReward: next ? { rewardId: next.id, cost: next.cost, missing: next.cost - Math.max(0, balance), title: next.title } : null,
    redeemable,
  };
}
