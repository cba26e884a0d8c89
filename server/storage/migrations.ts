import { searchWords } from "../domain/search.ts";
import type { Driver, Queries } from "./driver.ts";

type Dialect = Driver["dialect"];

/** Column types that differ between the engines; everything else is written once. */
const types = {
  sqlite: { identity: "INTEGER PRIMARY KEY AUTOINCREMENT", real: "REAL", keyed: " WITHOUT ROWID" },
  postgres: { identity: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", real: "DOUBLE PRECISION", keyed: "" },
};

/**
 * Versioned migrations, applied in order at start; a version is never edited once released. `backfill` runs after the
 * SQL, in the same transaction, for data that SQL alone can't rewrite the same way on both engines.
 */
export const migrations: { version: number; sql: (dialect: Dialect) => string; backfill?: (tx: Queries) => Promise<void> }[] = [
  {
    version: 1,
    sql: (dialect) => {
      // keyed: tables looked up by their primary key alone are stored in it (one b-tree search in SQLite)
      const { identity, real, keyed } = types[dialect];
      return `
CREATE TABLE shops (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  allowed_origins TEXT NOT NULL,
  default_locale TEXT NOT NULL,
  currency TEXT NOT NULL,
  secret_key_hash TEXT NOT NULL,
  signing_secret TEXT NOT NULL,
  program TEXT NOT NULL,
  theme TEXT NOT NULL,
  config_version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX shops_secret_key ON shops (secret_key_hash);

CREATE TABLE customers (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  email TEXT,
  email_normalized TEXT,
  name TEXT,
  birthday TEXT,
  marketing_consent BIGINT NOT NULL DEFAULT 0,
  referral_code TEXT NOT NULL,
  balance BIGINT NOT NULL DEFAULT 0,
  orders_count BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 0,
  erased_at BIGINT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
)${keyed};
CREATE UNIQUE INDEX customers_referral_code ON customers (shop_id, referral_code);
CREATE INDEX customers_email ON customers (shop_id, email_normalized);

CREATE TABLE ledger (
  id ${identity},
  shop_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  points BIGINT NOT NULL,
  cause_type TEXT NOT NULL,
  cause_id TEXT NOT NULL,
  order_id TEXT,
  reward_id TEXT,
  reason TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX ledger_customer ON ledger (shop_id, customer_id, id);
CREATE UNIQUE INDEX ledger_cause ON ledger (shop_id, cause_type, cause_id, kind);

CREATE TABLE orders (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  subtotal_minor BIGINT NOT NULL,
  currency TEXT NOT NULL,
  channel TEXT NOT NULL,
  placed_at BIGINT NOT NULL,
  points_earned BIGINT NOT NULL,
  points_per_unit ${real} NOT NULL,
  multiplier ${real} NOT NULL,
  tier_id TEXT,
  campaign_id TEXT,
  refunded_minor BIGINT NOT NULL DEFAULT 0,
  points_reversed BIGINT NOT NULL DEFAULT 0,
  request_hash TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX orders_customer ON orders (shop_id, customer_id);

CREATE TABLE refunds (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  amount_minor BIGINT NOT NULL,
  points_reversed BIGINT NOT NULL,
  request_hash TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
);

CREATE TABLE adjustments (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  points BIGINT NOT NULL,
  reason TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
);

CREATE TABLE codes (
  shop_id TEXT NOT NULL,
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  customer_id TEXT,
  reward_id TEXT,
  referrer_id TEXT,
  offer TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_by_order TEXT,
  used_at BIGINT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, code)
);
CREATE INDEX codes_customer ON codes (shop_id, customer_id);

CREATE TABLE idempotency (
  shop_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, customer_id, key)
);

CREATE TABLE referral_visits (
  id ${identity},
  shop_id TEXT NOT NULL,
  referrer_id TEXT NOT NULL,
  welcome_code TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX referral_visits_referrer ON referral_visits (shop_id, referrer_id);

CREATE TABLE referrals (
  shop_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  referrer_id TEXT NOT NULL,
  friend_id TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  points BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, order_id)
);
CREATE INDEX referrals_referrer ON referrals (shop_id, referrer_id, created_at);
CREATE INDEX referrals_friend ON referrals (shop_id, friend_id);
`;
    },
  },
  {
    version: 2,
    sql: () => `
CREATE TABLE marketers (
  shop_id TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, email)
);

CREATE TABLE console_sessions (
  id_hash TEXT PRIMARY KEY,
  shop_id TEXT NOT NULL,
  email TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX console_sessions_marketer ON console_sessions (shop_id, email);

CREATE TABLE retiring_keys (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  shop_id TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (kind, value)
);
CREATE INDEX retiring_keys_shop ON retiring_keys (shop_id);

CREATE INDEX ledger_shop_time ON ledger (shop_id, created_at, kind, points);
CREATE INDEX orders_shop_time ON orders (shop_id, placed_at, customer_id, channel);
CREATE INDEX customers_shop_time ON customers (shop_id, created_at);
CREATE INDEX referral_visits_shop_time ON referral_visits (shop_id, created_at);
CREATE INDEX referrals_shop_time ON referrals (shop_id, created_at, status);
`,
  },
  {
    version: 3,
    sql: () => `
ALTER TABLE referral_visits ADD COLUMN client_network TEXT;
ALTER TABLE referral_visits ADD COLUMN client_session TEXT;
CREATE INDEX referral_visits_network ON referral_visits (shop_id, referrer_id, client_network, created_at);
CREATE INDEX referral_visits_session ON referral_visits (shop_id, referrer_id, client_session)
`,
  },
  {
    // Console accounts by email (one password per person) with a role in each shop; the audit log; customers' names
    // searchable; analytics indexes by when things happened; the origins the widget was seen on.
    version: 4,
    sql: (dialect) => {
      const { identity, keyed } = types[dialect];
      return `
CREATE TABLE console_accounts (
  email TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  last_shop_id TEXT,
  created_at BIGINT NOT NULL
);
INSERT INTO console_accounts (email, password_hash, created_at)
  SELECT m.email, m.password_hash, m.created_at FROM marketers m
  WHERE NOT EXISTS (SELECT 1 FROM marketers n WHERE n.email = m.email AND (n.created_at > m.created_at OR (n.created_at = m.created_at AND n.shop_id > m.shop_id)));

CREATE TABLE console_memberships (
  shop_id TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, email)
);
CREATE INDEX console_memberships_email ON console_memberships (email, shop_id);
INSERT INTO console_memberships (shop_id, email, role, created_at) SELECT shop_id, email, 'owner', created_at FROM marketers;
DROP TABLE marketers;

DROP TABLE console_sessions;
CREATE TABLE console_sessions (
  id_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  shop_id TEXT,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX console_sessions_email ON console_sessions (email);

CREATE TABLE console_links (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  email TEXT NOT NULL,
  shop_id TEXT,
  role TEXT,
  created_by TEXT,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX console_links_shop ON console_links (shop_id, created_at);

CREATE TABLE console_audit (
  id ${identity},
  shop_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  customer_id TEXT,
  details TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX console_audit_shop ON console_audit (shop_id, id);
CREATE INDEX console_audit_customer ON console_audit (shop_id, customer_id);

CREATE TABLE customer_name_words (
  shop_id TEXT NOT NULL,
  word TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  PRIMARY KEY (shop_id, word, customer_id)
)${keyed};
CREATE INDEX customer_name_words_customer ON customer_name_words (shop_id, customer_id);

ALTER TABLE customers ADD COLUMN joined_at BIGINT NOT NULL DEFAULT 0;
UPDATE customers SET joined_at = created_at;
UPDATE customers SET joined_at = (SELECT MIN(o.placed_at) FROM orders o WHERE o.shop_id = customers.shop_id AND o.customer_id = customers.id)
  WHERE EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = customers.shop_id AND o.customer_id = customers.id AND o.placed_at < customers.joined_at);
CREATE INDEX customers_shop_joined ON customers (shop_id, joined_at);
CREATE INDEX customers_shop_balance ON customers (shop_id, balance);

DROP INDEX orders_shop_time;
CREATE INDEX orders_shop_placed ON orders (shop_id, placed_at, channel, customer_id, subtotal_minor);

CREATE TABLE widget_origins (
  shop_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  allowed BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, origin)
)${keyed}
`;
    },
    async backfill(tx) {
      // names are split into normalised words in JavaScript (accents folded), the same way as when a profile is saved
      for (const row of await tx.all<{ shop_id: string; id: string; name: string }>("SELECT shop_id, id, name FROM customers WHERE name IS NOT NULL"))
        for (const word of searchWords(row.name))
          await tx.run("INSERT INTO customer_name_words (shop_id, word, customer_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [
            row.shop_id,
            word,
            row.id,
          ]);
      // the launcher label is now at most 24 characters: longer saved ones are cut, so that every stored theme still parses
      for (const row of await tx.all<{ id: string; theme: string }>("SELECT id, theme FROM shops")) {
        const theme = JSON.parse(row.theme) as { launcherLabel?: string; locales?: Record<string, { launcherLabel?: string }> };
        const clip = (label: string | undefined) => (label && label.length > 24 ? label.slice(0, 24).trim() : label);
        theme.launcherLabel = clip(theme.launcherLabel);
        for (const words of Object.values(theme.locales ?? {})) if (words.launcherLabel) words.launcherLabel = clip(words.launcherLabel);
        await tx.run("UPDATE shops SET theme = ? WHERE id = ?", [JSON.stringify(theme), row.id]);
      }
    },
  },
  {
    // version 4 is left to the console's accounts
    version: 5,
    sql: (dialect) => {
      const { identity } = types[dialect];
      return `
ALTER TABLE ledger ADD COLUMN occurred_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN pending_until BIGINT;
UPDATE ledger SET occurred_at = COALESCE((SELECT o.placed_at FROM orders o WHERE o.shop_id = ledger.shop_id AND o.id = ledger.order_id AND ledger.kind = 'earn'), created_at);
CREATE INDEX ledger_pending ON ledger (shop_id, pending_until) WHERE pending_until IS NOT NULL;

ALTER TABLE customers ADD COLUMN pending BIGINT NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN last_earned_at BIGINT;
ALTER TABLE customers ADD COLUMN expired_through BIGINT;
ALTER TABLE customers ADD COLUMN reminded_through BIGINT;
UPDATE customers SET last_earned_at = (SELECT MAX(l.occurred_at) FROM ledger l WHERE l.shop_id = customers.shop_id AND l.customer_id = customers.id AND l.kind = 'earn' AND l.points > 0);
CREATE INDEX customers_last_earned ON customers (shop_id, last_earned_at);
CREATE INDEX customers_birthday ON customers (shop_id, substr(birthday, 6, 5));

CREATE INDEX orders_customer_time ON orders (shop_id, customer_id, placed_at);

CREATE TABLE actions (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  action_id TEXT NOT NULL,
  points BIGINT NOT NULL,
  occurred_at BIGINT NOT NULL,
  request_hash TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX actions_customer ON actions (shop_id, customer_id, action_id, occurred_at);

CREATE TABLE events (
  id ${identity},
  shop_id TEXT NOT NULL,
  type TEXT NOT NULL,
  customer_id TEXT,
  data TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX events_shop ON events (shop_id, id);
CREATE INDEX events_customer ON events (shop_id, customer_id);

CREATE TABLE job_state (
  shop_id TEXT NOT NULL,
  job TEXT NOT NULL,
  state TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, job)
)
`;
    },
  },
  {
    // Contract 7.4: raffles (their secret seeds, entries and draws), post-purchase feedback, the history of consent
    version: 6,
    sql: (dialect) => {
      const { identity } = types[dialect];
      return `
CREATE TABLE raffles (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  seed TEXT NOT NULL,
  commitment TEXT NOT NULL,
  terms TEXT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  winner_entry_id TEXT,
  winner_customer_id TEXT,
  prize_code TEXT,
  prize_expires_at BIGINT,
  drawn_at BIGINT,
  cancelled_at BIGINT,
  settled_at BIGINT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX raffles_unsettled ON raffles (shop_id, settled_at, closes_at);
CREATE INDEX raffles_winner ON raffles (shop_id, winner_customer_id);

CREATE TABLE raffle_purchases (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  raffle_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  entries BIGINT NOT NULL,
  points BIGINT NOT NULL,
  refunded_at BIGINT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX raffle_purchases_customer ON raffle_purchases (shop_id, customer_id, raffle_id);
CREATE INDEX raffle_purchases_refunds ON raffle_purchases (shop_id, raffle_id, refunded_at);

CREATE TABLE raffle_entries (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  raffle_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  purchase_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
);
CREATE INDEX raffle_entries_raffle ON raffle_entries (shop_id, raffle_id, id);
CREATE INDEX raffle_entries_customer ON raffle_entries (shop_id, customer_id, raffle_id);

CREATE TABLE feedback (
  shop_id TEXT NOT NULL,
  order_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  rating BIGINT NOT NULL,
  comment TEXT,
  points BIGINT NOT NULL,
  request_hash TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, order_id)
);
CREATE INDEX feedback_newest ON feedback (shop_id, created_at, order_id);
CREATE INDEX feedback_customer ON feedback (shop_id, customer_id);

CREATE TABLE consents (
  id ${identity},
  shop_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  marketing BIGINT NOT NULL,
  source TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX consents_customer ON consents (shop_id, customer_id, id);

ALTER TABLE customers ADD COLUMN marketing_consent_at BIGINT
`;
    },
  },
  {
    // Contract 7.5 and 7.6: webhooks and their deliveries, connectors, imports. Only erasure events that still hold an id
    // are looked up by type (to forget it), so only they are indexed: the events every order records pay for no extra index.
    version: 7,
    sql: (dialect) => {
      const { identity } = types[dialect];
      return `
CREATE TABLE webhooks (
  shop_id TEXT NOT NULL,
  id TEXT NOT NULL,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_valid_until BIGINT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, id)
);

CREATE TABLE webhook_deliveries (
  id ${identity},
  shop_id TEXT NOT NULL,
  webhook_id TEXT NOT NULL,
  event_id BIGINT NOT NULL,
  message_id TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT,
  claimed_until BIGINT,
  claim TEXT,
  last_status BIGINT,
  last_error TEXT,
  last_attempt_at BIGINT,
  delivered_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX webhook_deliveries_message ON webhook_deliveries (shop_id, webhook_id, event_id);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (shop_id, webhook_id, id);
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX events_erased ON events (created_at) WHERE type = 'customer.erased' AND data <> '{"customerId":null}';

CREATE TABLE connectors (
  shop_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  config TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, platform)
);

CREATE TABLE imports (
  shop_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  result TEXT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (shop_id, key)
)
`;
    },
  },
  {
    // the console's analytics read earnings by when they happened (occurred_at, added by version 5): a referral's credit by
    // the friend's order; customers keep their tier points as of their latest order, for the console's list by tier
    version: 8,
    sql: () => `
UPDATE ledger SET occurred_at = (SELECT o.placed_at FROM orders o WHERE o.shop_id = ledger.shop_id AND o.id = ledger.cause_id)
  WHERE kind = 'referral' AND EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = ledger.shop_id AND o.id = ledger.cause_id);
CREATE INDEX ledger_shop_occurred ON ledger (shop_id, occurred_at, kind, points);
ALTER TABLE customers ADD COLUMN tier_points BIGINT NOT NULL DEFAULT 0;
CREATE INDEX customers_shop_tier ON customers (shop_id, tier_points)
`,
    async backfill(tx) {
      // tier points as of now, each shop by its own tier window (in its program), the way orders keep them from here on
      for (const shop of await tx.all<{ id: string; program: string }>("SELECT id, program FROM shops")) {
        const days = Number((JSON.parse(shop.program) as { tierWindowDays?: number }).tierWindowDays ?? 365);
        await tx.run(
          `UPDATE customers SET tier_points = (SELECT COALESCE(SUM(o.points_earned - o.points_reversed), 0) FROM orders o
             WHERE o.shop_id = customers.shop_id AND o.customer_id = customers.id AND o.placed_at >= ?) WHERE shop_id = ?`,
          [Date.now() - days * 86_400_000, shop.id],
        );
      }
    },
  },
  {
    // PostgreSQL: an order without codes or referral applied in one statement (operations/order-in-one-trip.ts plans it);
    // SQLite runs in the endpoint's process, where a statement costs no round trip, and needs nothing
    version: 9,
    sql: (dialect) => (dialect === "postgres" ? RECORD_ORDER_FUNCTION : ""),
  },
  {
    // PostgreSQL: an order with reward codes applied in one statement too (migration 9's function kept under a new name and
    // wrapped by one that also marks the codes used); SQLite needs nothing, as for 9
    version: 10,
    sql: (dialect) => (dialect === "postgres" ? RECORD_ORDER_WITH_CODES_FUNCTION : ""),
  },
  {
    // PostgreSQL: the orders of one turn of the event loop applied in one statement (migration 10's function, once a plan);
    // SQLite needs nothing, as for 9
    version: 11,
    sql: (dialect) => (dialect === "postgres" ? RECORD_ORDERS_FUNCTION : ""),
  },
  {
    // a member's tier points (every order's facts, the widget's view) summed from one index, without visiting the orders'
    // rows, which lie one a page across the table; and fewer indexes for every order to keep: orders_customer is the new
    // index's prefix, and nothing reads customers by created_at or the ledger by created_at (analytics moved to
    // occurred_at in version 8). PostgreSQL carries the points beside the key (INCLUDE); SQLite reads them from the key.
    version: 12,
    sql: (dialect) => `
DROP INDEX orders_customer;
DROP INDEX orders_customer_time;
CREATE INDEX orders_customer_points ON orders ${
      dialect === "postgres"
        ? "(shop_id, customer_id, placed_at) INCLUDE (points_earned, points_reversed)"
        : "(shop_id, customer_id, placed_at, points_earned, points_reversed)"
    };
DROP INDEX customers_shop_time;
DROP INDEX ledger_shop_time
`,
  },
  {
    // PostgreSQL: the plans of one statement written together, a statement per table instead of several per plan, when none
    // uses codes and no member has two; else each in turn, as 11 did. SQLite needs nothing, as for 9
    version: 13,
    sql: (dialect) => (dialect === "postgres" ? RECORD_ORDERS_TOGETHER_FUNCTION : ""),
  },
  {
    // members without an email or a birthday (most come from orders alone) take no entry in those indexes, which are only
    // ever searched for a value (the birthday's predicate is the indexed expression's, which SQLite then sees implied by
    // `substr(birthday, 6, 5) IN (...)`). On PostgreSQL an order rewrites the member's row and adds an entry to every index the new
    // row is in; SQLite rewrites only the entries whose columns changed, and gains the space.
    version: 14,
    sql: () => `
DROP INDEX customers_email;
CREATE INDEX customers_email ON customers (shop_id, email_normalized) WHERE email_normalized IS NOT NULL;
DROP INDEX customers_birthday;
CREATE INDEX customers_birthday ON customers (shop_id, substr(birthday, 6, 5)) WHERE substr(birthday, 6, 5) IS NOT NULL
`,
  },
];

/** Splits a migration into statements (no statement here contains a semicolon of its own). */
export function statements(sql: string): string[] {
  return sql
    .split(";")
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/**
 * Applies an order's plan atomically: the customer's row moves only if its `version` is still the one the plan was made
 * from (else nothing is written and the answer is 'stale'); then the order with its answer, its ledger entry, its events
 * and their webhook messages. A concurrent order of the same id fails the whole statement on the orders' primary key.
 * Migration 10 renames it `loyalty_record_plain_order` and calls it from the function that also uses codes.
 */
const RECORD_ORDER_FUNCTION = `
CREATE OR REPLACE FUNCTION loyalty_record_order(plan jsonb) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
  shop text := plan->>'shopId';
  c jsonb := plan->'customer';
  o jsonb := plan->'order';
  l jsonb := plan->'ledger';
  at bigint := (plan->>'at')::bigint;
  e jsonb;
  d jsonb;
  event_id bigint;
BEGIN
  UPDATE customers SET
    balance = balance + (c->>'balanceDelta')::bigint,
    pending = pending + (c->>'pendingDelta')::bigint,
    version = version + 1,
    orders_count = orders_count + 1,
    joined_at = LEAST(joined_at, (o->>'placedAt')::bigint),
    tier_points = CASE WHEN (c->>'tierPointsCurrent')::boolean THEN (c->>'tierPoints')::bigint ELSE tier_points + (c->>'tierPoints')::bigint END,
    last_earned_at = CASE WHEN c->>'earnedAt' IS NOT NULL AND (last_earned_at IS NULL OR last_earned_at < (c->>'earnedAt')::bigint)
      THEN (c->>'earnedAt')::bigint ELSE last_earned_at END
  WHERE shop_id = shop AND id = c->>'id' AND version = (c->>'version')::bigint;
  IF NOT FOUND THEN
    RETURN 'stale';
  END IF;
  INSERT INTO orders (shop_id, id, customer_id, subtotal_minor, currency, channel, placed_at, points_earned, points_per_unit,
    multiplier, tier_id, campaign_id, request_hash, result, created_at)
  VALUES (shop, o->>'id', c->>'id', (o->>'subtotalMinor')::bigint, o->>'currency', o->>'channel', (o->>'placedAt')::bigint,
    (o->>'pointsEarned')::bigint, (o->>'pointsPerUnit')::double precision, (o->>'multiplier')::double precision, o->>'tierId',
    o->>'campaignId', o->>'requestHash', o->>'result', at);
  IF jsonb_typeof(l) = 'object' THEN
    INSERT INTO ledger (shop_id, customer_id, kind, points, cause_type, cause_id, order_id, reward_id, reason, created_at, occurred_at, pending_until)
    VALUES (shop, c->>'id', 'earn', (l->>'points')::bigint, 'order', o->>'id', o->>'id', NULL, NULL, at, (o->>'placedAt')::bigint,
      (l->>'pendingUntil')::bigint);
  END IF;
  FOR e IN SELECT value FROM jsonb_array_elements(plan->'events') LOOP
    INSERT INTO events (shop_id, type, customer_id, data, created_at) VALUES (shop, e->>'type', c->>'id', e->>'data', at)
      RETURNING id INTO event_id;
    FOR d IN SELECT value FROM jsonb_array_elements(e->'deliveries') LOOP
      INSERT INTO webhook_deliveries (shop_id, webhook_id, event_id, message_id, status, next_attempt_at, created_at)
      VALUES (shop, d->>'webhookId', event_id, d->>'messageId', 'pending', at, at);
    END LOOP;
  END LOOP;
  RETURN 'ok';
END
$fn$`;

/**
 * Applies an order's plan with the reward codes it uses (`plan.codes`: `[{ "code", "ownerId" }]`): migration 9's function,
 * renamed `loyalty_record_plain_order`, does the order; around it, before anything is written, the customer's row and then
 * the codes are locked (the order the transactional path locks them in, so the two never deadlock) and checked: the
 * customer's `version` still the plan's, every code still unused and its owner's. Else 'stale' and nothing written. After
 * the order, each code is marked used by it at the plan's time and its owner touched (`codes.markUsed`, `touchCustomer`).
 */
const RECORD_ORDER_WITH_CODES_FUNCTION = `
ALTER FUNCTION loyalty_record_order(jsonb) RENAME TO loyalty_record_plain_order;
CREATE OR REPLACE FUNCTION loyalty_record_order(plan jsonb) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
  shop text := plan->>'shopId';
  c jsonb := plan->'customer';
  applied jsonb := COALESCE(plan->'codes', '[]'::jsonb);
  k jsonb;
  unused bigint;
  outcome text;
BEGIN
  IF jsonb_array_length(applied) > 0 THEN
    PERFORM 1 FROM customers WHERE shop_id = shop AND id = c->>'id' AND version = (c->>'version')::bigint FOR UPDATE;
    IF NOT FOUND THEN
      RETURN 'stale';
    END IF;
    SELECT count(*) INTO unused FROM (
      SELECT 1 FROM codes WHERE shop_id = shop AND used_by_order IS NULL
        AND (code, customer_id) IN (SELECT a.code, a."ownerId" FROM jsonb_to_recordset(applied) AS a(code text, "ownerId" text))
      FOR UPDATE) AS locked;
    IF unused <> jsonb_array_length(applied) THEN
      RETURN 'stale';
    END IF;
  END IF;
  outcome := loyalty_record_plain_order(plan);
  IF outcome <> 'ok' THEN
    RETURN outcome;
  END IF;
  FOR k IN SELECT value FROM jsonb_array_elements(applied) LOOP
    UPDATE codes SET used_by_order = plan->'order'->>'id', used_at = (plan->>'at')::bigint WHERE shop_id = shop AND code = k->>'code';
    UPDATE customers SET version = version + 1 WHERE shop_id = shop AND id = k->>'ownerId';
  END LOOP;
  RETURN 'ok';
END
$fn$`;

/**
 * Applies several orders' plans in one transaction, each through migration 10's function, in the order given: the array of
 * their outcomes ('ok' or 'stale'), one a plan. An error in any (the same order id recorded meanwhile, a deadlock) undoes
 * them all; the endpoint then applies each alone.
 */
const RECORD_ORDERS_FUNCTION = `
CREATE OR REPLACE FUNCTION loyalty_record_orders(plans jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  outcomes text[] := '{}';
  plan jsonb;
BEGIN
  FOR plan IN SELECT value FROM jsonb_array_elements(plans) LOOP
    outcomes := outcomes || loyalty_record_order(plan);
  END LOOP;
  RETURN to_jsonb(outcomes);
END
$fn$`;

/**
 * Plans without codes, of different members, written together and as migration 10's function writes each: one UPDATE of
 * their customers' rows (each only if its `version` is still the plan's, else the plan is 'stale' and nothing of it is
 * written), then one INSERT each for their orders, ledger entries, events and webhook messages, in the plans' order, so
 * that ids follow it as one plan at a time would give them. The customers' rows are locked in the plans' order (the
 * endpoint sorts them by customer), so two batches at once lock the rows they share in the same order.
 */
const RECORD_TOGETHER_STATEMENT = `WITH p AS (
    SELECT t.ordinality AS i, t.value AS plan, t.value->'customer' AS c, t.value->'order' AS o, t.value->'ledger' AS l,
      t.value->>'shopId' AS shop, (t.value->>'at')::bigint AS at
    FROM jsonb_array_elements(plans) WITH ORDINALITY AS t(value, ordinality)
  ), moved AS (
    UPDATE customers SET
      balance = balance + (p.c->>'balanceDelta')::bigint,
      pending = pending + (p.c->>'pendingDelta')::bigint,
      version = version + 1,
      orders_count = orders_count + 1,
      joined_at = LEAST(joined_at, (p.o->>'placedAt')::bigint),
      tier_points = CASE WHEN (p.c->>'tierPointsCurrent')::boolean THEN (p.c->>'tierPoints')::bigint ELSE tier_points + (p.c->>'tierPoints')::bigint END,
      last_earned_at = CASE WHEN p.c->>'earnedAt' IS NOT NULL AND (last_earned_at IS NULL OR last_earned_at < (p.c->>'earnedAt')::bigint)
        THEN (p.c->>'earnedAt')::bigint ELSE last_earned_at END
    FROM p WHERE customers.shop_id = p.shop AND customers.id = p.c->>'id' AND customers.version = (p.c->>'version')::bigint
    RETURNING p.i
  ), applied AS (
    SELECT p.* FROM p JOIN moved ON moved.i = p.i
  ), new_orders AS (
    INSERT INTO orders (shop_id, id, customer_id, subtotal_minor, currency, channel, placed_at, points_earned, points_per_unit,
      multiplier, tier_id, campaign_id, request_hash, result, created_at)
    SELECT shop, o->>'id', c->>'id', (o->>'subtotalMinor')::bigint, o->>'currency', o->>'channel', (o->>'placedAt')::bigint,
      (o->>'pointsEarned')::bigint, (o->>'pointsPerUnit')::double precision, (o->>'multiplier')::double precision, o->>'tierId',
      o->>'campaignId', o->>'requestHash', o->>'result', at
    FROM applied ORDER BY i
  ), new_entries AS (
    INSERT INTO ledger (shop_id, customer_id, kind, points, cause_type, cause_id, order_id, reward_id, reason, created_at, occurred_at, pending_until)
    SELECT shop, c->>'id', 'earn', (l->>'points')::bigint, 'order', o->>'id', o->>'id', NULL, NULL, at, (o->>'placedAt')::bigint,
      (l->>'pendingUntil')::bigint
    FROM applied WHERE jsonb_typeof(l) = 'object' ORDER BY i
  ), numbered_events AS (
    SELECT listed.*, nextval(pg_get_serial_sequence('events', 'id')) AS id FROM (
      SELECT applied.shop, applied.at, applied.c->>'id' AS customer_id, e.value AS event
      FROM applied CROSS JOIN LATERAL jsonb_array_elements(applied.plan->'events') WITH ORDINALITY AS e(value, ordinality)
      ORDER BY applied.i, e.ordinality
    ) AS listed
  ), new_events AS (
    INSERT INTO events (id, shop_id, type, customer_id, data, created_at) OVERRIDING SYSTEM VALUE
    SELECT id, shop, event->>'type', customer_id, event->>'data', at FROM numbered_events ORDER BY id
  ), new_deliveries AS (
    INSERT INTO webhook_deliveries (shop_id, webhook_id, event_id, message_id, status, next_attempt_at, created_at)
    SELECT n.shop, d.value->>'webhookId', n.id, d.value->>'messageId', 'pending', n.at, n.at
    FROM numbered_events AS n CROSS JOIN LATERAL jsonb_array_elements(n.event->'deliveries') WITH ORDINALITY AS d(value, ordinality)
    ORDER BY n.id, d.ordinality
  )
  SELECT COALESCE(jsonb_agg(CASE WHEN moved.i IS NULL THEN 'stale' ELSE 'ok' END ORDER BY p.i), '[]'::jsonb) INTO outcomes
  FROM p LEFT JOIN moved ON moved.i = p.i`;

/**
 * Applies several orders' plans in one transaction, as migration 11's function did, with the same outcomes: each plan 'ok'
 * or 'stale', in the order given. When no plan uses codes and no member has two plans, which is the common batch, they go
 * through `loyalty_record_orders_together`; otherwise each through migration 10's function in turn: a code must be locked
 * after its user, and a member's second plan must see the first one's write.
 */
const RECORD_ORDERS_TOGETHER_FUNCTION = `
CREATE FUNCTION loyalty_record_orders_together(plans jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  outcomes jsonb;
BEGIN
  ${RECORD_TOGETHER_STATEMENT};
  RETURN outcomes;
END
$fn$;
CREATE OR REPLACE FUNCTION loyalty_record_orders(plans jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  outcomes text[] := '{}';
  plan jsonb;
BEGIN
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(plans) AS p WHERE jsonb_array_length(COALESCE(p.value->'codes', '[]'::jsonb)) > 0)
    OR (SELECT count(DISTINCT (p.value->>'shopId', p.value->'customer'->>'id')) FROM jsonb_array_elements(plans) AS p)
      < jsonb_array_length(plans) THEN
    FOR plan IN SELECT value FROM jsonb_array_elements(plans) LOOP
      outcomes := outcomes || loyalty_record_order(plan);
    END LOOP;
    RETURN to_jsonb(outcomes);
  END IF;
  RETURN loyalty_record_orders_together(plans);
END
$fn$`;
