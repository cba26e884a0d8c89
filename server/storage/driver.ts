/** A value bound to or read from SQL: both adapters speak these four. */
export type SqlValue = string | number | null | bigint;
export type Row = Record<string, SqlValue>;

/** The statements a repository runs. Written with `?` placeholders; adapters translate. */
export interface Queries {
  one<T extends Row = Row>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  all<T extends Row = Row>(sql: string, params?: SqlValue[]): Promise<T[]>;
  run(sql: string, params?: SqlValue[]): Promise<{ changes: number }>;
}

/**
 * One storage engine (SQLite or PostgreSQL) behind one async interface.
 * `transaction` runs `work` atomically and retries it when the engine reports a conflict that a
 * retry resolves (PostgreSQL serialization failures, unique races between processes).
 * `SELECT ... FOR UPDATE` locks rows on PostgreSQL; SQLite serialises writers and ignores it.
 */
export interface Driver {
  readonly dialect: "sqlite" | "postgres";
  /** Reads outside a transaction see committed data only. */
  readonly read: Queries;
  transaction<T>(work: (tx: Queries) => Promise<T>): Promise<T>;
  migrate(): Promise<number>;
  close(): Promise<void>;
  /** SQLite: calls `listener` with the number of transactions each group commit held (for metrics). */
  observeCommits?(listener: (transactions: number) => void): void;
  /**
   * SQLite with its separate reading connection: a number that changes whenever any connection or process commits (the
   * reader's `PRAGMA data_version`), so a reader can tell that nothing changed without asking; undefined where unknown.
   */
  changeCounter?(): number | undefined;
  /** PostgreSQL: the pool's connections, for metrics. */
  poolStats?(): { total: number; idle: number; waiting: number };
}

/** Thrown by adapters when an insert hits a unique constraint. */
export class UniqueViolation extends Error {
  constructor(readonly detail: string) {
    super(`unique constraint: ${detail}`);
  }
}
