import type { Driver } from "./driver.ts";

type Dialect = Driver["dialect"];

/** Column types that differ between the engines; everything else is written once. */
const types = {
  sqlite: { identity: "INTEGER PRIMARY KEY AUTOINCREMENT", real: "REAL", keyed: " WITHOUT ROWID" },
  postgres: { identity: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", real: "DOUBLE PRECISION", keyed: "" },
};

/** Versioned migrations, applied in order at start; a version is never edited once released. */
export const migrations: { version: number; sql: (dialect: Dialect) => string }[] = [
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
];

/** Splits a migration into statements (no statement here contains a semicolon of its own). */
export function statements(sql: string): string[] {
  return sql
    .split(";")
    .map((statement) => statement.trim())
    .filter(Boolean);
}
