import type { FeedbackEntry, FeedbackPage, FeedbackResult, FeedbackSubmission } from "../../contract/index.ts";
import { fromMinor } from "../domain/money.ts";
import { fingerprint } from "../domain/secrets.ts";
import { type FeedbackWithOrder, feedback } from "../storage/feedback.ts";
import { customers, replays, touchCustomer } from "../storage/repository.ts";
import { awardAction, ownActionId } from "./actions.ts";
import { ApiError } from "./errors.ts";
import { answerOnce } from "./idempotency.ts";
import type { Services, Shop } from "./services.ts";

const iso = (ms: number) => new Date(ms).toISOString();
/** The widget asks about an order placed this recently, at most. */
export const FEEDBACK_WINDOW_DAYS = 30;

/**
 * A shopper rates one of their own orders (1–5, an optional comment). Once per order: the same answer again is a replay, another
 * one a 409. It earns the program's `feedback` action (within that action's limit), in the same transaction.
 */
export async function submitFeedback(
  services: Services,
  shop: Shop,
  customerId: string,
  submission: FeedbackSubmission,
): Promise<{ result: FeedbackResult; replayed: boolean }> {
  const now = services.now();
  const comment = submission.comment?.trim() || null;
  const hash = fingerprint({ orderId: submission.orderId, rating: submission.rating, comment });
  return services.driver.transaction(async (tx) => {
    const order = await replays.order(tx, shop.id, submission.orderId);
    // another customer's order is as unknown as one that does not exist: nothing tells them apart
    if (!order || order.customer_id !== customerId) throw new ApiError("not_found", `no order "${submission.orderId}" of this customer`);
    const customer = await customers.get(tx, shop.id, customerId, true);
    if (!customer) throw new ApiError("not_found", `no order "${submission.orderId}" of this customer`);
    const previous = await feedback.ofOrder(tx, shop.id, submission.orderId);
    return answerOnce(previous, { hash, different: `order "${submission.orderId}" has been rated already` }, async (): Promise<FeedbackResult> => {
      let points = 0;
      let balance = customer.balance;
      const action = (shop.program.actions ?? []).find((candidate) => candidate.kind === "feedback");
      if (action) {
        const recordId = ownActionId("feedback");
        await awardAction(tx, shop, { recordId, customerId, action, occurredAt: now, now, hash: fingerprint({ feedback: submission.orderId }) }).then(
          (awarded) => {
            points = awarded.points;
            balance = awarded.balance;
          },
          (error: unknown) => {
            // past the action's limit the answer still counts; it just earns nothing
            if (!(error instanceof ApiError && error.code === "action_limit")) throw error;
          },
        );
      }
      // the widget stops asking about this order
      if (points === 0) await touchCustomer(tx, shop.id, customerId);
      const result: FeedbackResult = { orderId: submission.orderId, rating: submission.rating, points, balance, createdAt: iso(now) };
      await feedback.insert(tx, {
        shopId: shop.id,
        orderId: submission.orderId,
        customerId,
        rating: submission.rating,
        comment,
        points,
        requestHash: hash,
        result: JSON.stringify(result),
        at: now,
      });
      return result;
    });
  });
}

const toEntry = (row: FeedbackWithOrder): FeedbackEntry => ({
  orderId: row.order_id,
  customerId: row.customer_id,
  rating: row.rating,
  comment: row.comment,
  points: row.points,
  createdAt: iso(row.created_at),
  order: {
    placedAt: iso(row.placed_at),
    subtotal: fromMinor(row.subtotal_minor, row.currency),
    currency: row.currency,
    channel: row.channel as "online" | "store",
  },
});

const encodeCursor = (row: FeedbackWithOrder) => Buffer.from(JSON.stringify([row.created_at, row.order_id])).toString("base64url");
function decodeCursor(cursor: string): { at: number; orderId: string } {
  try {
    const [at, orderId] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "number" && typeof orderId === "string") return { at, orderId };
  } catch {}
  throw new ApiError("invalid_request", "cursor: not a cursor from a previous page");
}

/** The shop's feedback, newest first, `limit` a page. */
export async function feedbackPage(services: Services, shop: Shop, limit: number, cursor?: string): Promise<FeedbackPage> {
  const rows = await feedback.page(services.driver.read, shop.id, limit + 1, cursor ? decodeCursor(cursor) : undefined);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { feedback: page.map(toEntry), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * A CSV cell: quoted, with quotes doubled; text a spreadsheet would take for a formula (=, +, -, @, tab, carriage return first)
 * is prefixed with an apostrophe, so that a shopper's comment can never run as one on the marketer's computer.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

const CSV_COLUMNS = ["createdAt", "orderId", "customerId", "rating", "comment", "points", "placedAt", "subtotal", "currency", "channel"];

/** Every answer as CSV (UTF-8 with a byte order mark, so that spreadsheets read accents right), newest first, a page at a time. */
export async function* feedbackCsv(services: Services, shop: Shop): AsyncGenerator<string> {
  yield `\ufeff${CSV_COLUMNS.join(",")}\r\n`;
  let before: { at: number; orderId: string } | undefined;
  for (;;) {
    const rows = await feedback.page(services.driver.read, shop.id, 500, before);
    if (rows.length === 0) return;
    yield rows
      .map(toEntry)
      .map((entry) =>
        [
          entry.createdAt,
          entry.orderId,
          entry.customerId,
          entry.rating,
          entry.comment,
          entry.points,
          entry.order.placedAt,
          entry.order.subtotal,
          entry.order.currency,
          entry.order.channel,
        ]
          .map(csvCell)
          .join(","),
      )
      .map((line) => `${line}\r\n`)
      .join("");
    const last = rows.at(-1);
    if (!last || rows.length < 500) return;
    before = { at: last.created_at, orderId: last.order_id };
  }
}
