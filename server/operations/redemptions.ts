import { randomBytes } from "node:crypto";
import type { Redemption } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { discountCode, referralCode } from "../domain/codes.ts";
import { rewardsFor, tierFor } from "../domain/progress.ts";
import { fingerprint } from "../domain/secrets.ts";
import { codes, customers, ledger } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";
import { recordCustomerEvent } from "./events.ts";
import { onceForKey } from "./idempotency.ts";
import { tierPointsOf } from "./tier-events.ts";
import type { Services, Shop } from "./services.ts";

/**
 * Spends a reward's points and issues its single-use code, atomically: the customer's row is locked,
 * so two concurrent redemptions can never spend the same points. The Idempotency-Key and its
 * response are stored in the same transaction: the same key always gets the same code.
 */
export async function redeemReward(
  services: Services,
  shop: Shop,
  customerId: string,
  rewardId: string,
  idempotencyKey: string,
): Promise<{ result: Redemption; replayed: boolean }> {
  const hash = fingerprint({ rewardId });
  const now = services.now();
  const key = { shopId: shop.id, customerId, key: idempotencyKey, hash, at: now, different: "this Idempotency-Key was used for another reward" };
  return services.driver.transaction((tx) =>
    onceForKey(tx, key, async (): Promise<Redemption> => {
      const customer = await customers.ensure(tx, shop.id, customerId, now, referralCode);
      const tier = tierFor(shop.program.tiers, await tierPointsOf(tx, shop, customerId, now));
      const reward = rewardsFor(shop.program.rewards, tier).find((candidate) => candidate.id === rewardId);
      if (!reward) throw new ApiError("reward_unavailable", `reward "${rewardId}" is not available to this member`);
      if (customer.balance < reward.cost)
        throw new ApiError("insufficient_points", `this reward costs ${reward.cost} points and the balance is ${customer.balance}`);

      const redemptionId = `rd_${randomBytes(12).toString("base64url")}`;
      const code = discountCode();
      const expiresAt = now + reward.codeValidityDays * DAY;
      const balance = await ledger.append(tx, {
        shopId: shop.id,
        customerId,
        kind: "redeem",
        points: -reward.cost,
        causeType: "redemption",
        causeId: redemptionId,
        rewardId: reward.id,
        at: now,
      });
      await codes.insert(tx, {
        shop_id: shop.id,
        code,
        kind: "reward",
        customer_id: customerId,
        reward_id: reward.id,
        referrer_id: null,
        offer: JSON.stringify(reward),
        expires_at: expiresAt,
        created_at: now,
      });
      const result: Redemption = { redemptionId, rewardId: reward.id, code, expiresAt: new Date(expiresAt).toISOString(), balance };
      await recordCustomerEvent(tx, shop.id, {
        type: "reward.redeemed",
        customerId,
        data: { redemptionId, rewardId: reward.id, title: reward.title, points: reward.cost, balance, code, expiresAt: result.expiresAt },
        at: now,
      });
      return result;
    }),
  );
}
