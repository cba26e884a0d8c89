import { randomBytes } from "node:crypto";
import type { ActionRequest, ActionResult, EarningAction } from "../../contract/index.ts";
import { DAY } from "../../contract/time.ts";
import { actionPeriod, judgeAction } from "../domain/actions.ts";
import { referralCode } from "../domain/codes.ts";
import { fingerprint } from "../domain/secrets.ts";
import type { Queries } from "../storage/driver.ts";
import { actions, customers, ledger, replays } from "../storage/repository.ts";
import { ApiError } from "./errors.ts";
import { recordCustomerEvent } from "./events.ts";
import { answerOnce, recordConflicts } from "./idempotency.ts";
import type { Services, Shop } from "./services.ts";

/**
 * Awards one way to earn (newsletter, review, …) inside a transaction: the customer's row is locked, so the limit holds
 * when the same customer's actions arrive at once, in one process or several.
 */
export async function awardAction(
  tx: Queries,
  shop: Shop,
  input: { recordId: string; customerId: string; action: EarningAction; occurredAt: number; now: number; hash: string },
): Promise<ActionResult> {
  const { action, customerId, occurredAt, now } = input;
  await customers.ensure(tx, shop.id, customerId, now, referralCode);
  const period = actionPeriod(action.limit.per, occurredAt, shop.program.timeZone);
  const verdict = judgeAction(action, await actions.countIn(tx, shop.id, customerId, action.id, period));
  if (!verdict.earns)
    throw new ApiError(
      "action_limit",
      `"${action.id}" earns at most ${action.limit.count} time(s) ${action.limit.per === "ever" ? "ever" : `a ${action.limit.per}`}`,
    );
  const balance = await ledger.append(tx, {
    shopId: shop.id,
    customerId,
    kind: "action",
    points: action.points,
    causeType: "action",
    causeId: input.recordId,
    at: now,
    occurredAt,
  });
  await customers.earnedAt(tx, shop.id, customerId, occurredAt);
  const result: ActionResult = {
    id: input.recordId,
    action: action.id,
    points: action.points,
    balance,
    occurredAt: new Date(occurredAt).toISOString(),
  };
  await recordCustomerEvent(tx, shop.id, {
    type: "points.earned",
    customerId,
    data: { points: action.points, balance, source: "action", actionId: action.id, actionKind: action.kind },
    at: now,
  });
  await actions.insert(tx, {
    shopId: shop.id,
    id: input.recordId,
    customerId,
    actionId: action.id,
    points: action.points,
    occurredAt,
    requestHash: input.hash,
    result: JSON.stringify(result),
    at: now,
  });
  return result;
}

/** A new record id for an action the endpoint awards by itself (birthdays). */
export const ownActionId = (kind: string) => `${kind}_${randomBytes(12).toString("base64url")}`;

/**
 * The shop reports that a customer did something that earns (`POST /v1/customers/{id}/actions`). Idempotent on the
 * report's id: a replay answers the first result; the same id with other content is a 409; past its limit, `action_limit`.
 */
export async function recordAction(
  services: Services,
  shop: Shop,
  customerId: string,
  request: ActionRequest,
): Promise<{ result: ActionResult; replayed: boolean }> {
  const action = (shop.program.actions ?? []).find((candidate) => candidate.id === request.action);
  if (!action) throw new ApiError("not_found", `the program has no action "${request.action}"`);
  if (action.kind === "birthday") throw new ApiError("invalid_request", "the endpoint awards birthdays by itself, on the customer's birthday");
  const now = services.now();
  const occurredAt = request.occurredAt ? Date.parse(request.occurredAt) : now;
  if (occurredAt > now + DAY) throw new ApiError("invalid_request", "occurredAt is more than a day in the future");
  const hash = fingerprint({ customerId, action: request.action, occurredAt: request.occurredAt ?? null });
  return services.driver.transaction(async (tx) =>
    answerOnce(await replays.action(tx, shop.id, request.id), { hash, ...recordConflicts(`action "${request.id}"`) }, () =>
      awardAction(tx, shop, { recordId: request.id, customerId, action, occurredAt, now, hash }),
    ),
  );
}
