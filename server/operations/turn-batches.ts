/** What one call of a batch came to: its own answer, or its own failure. */
export type Settled<Out> = PromiseSettledResult<Out>;

export interface TurnBatchOptions {
  /** More calls than this in one batch are split over several. */
  most: number;
  /** How many batches may run at once; calls made meanwhile wait and go together in the next. */
  inFlight: number;
  /**
   * A batch beyond the first starts only once every batch running has run this long (milliseconds): while they are quick,
   * calls gather into one larger batch after them; one that waits (for a row another transaction holds) does not hold up
   * the rest for longer than this. Without it, a batch starts whenever fewer than `inFlight` run.
   */
  slowAfter?: number;
}

interface Waiting<In, Out> {
  input: In;
  resolve(output: Out): void;
  reject(error: unknown): void;
}

/**
 * Gathers the calls made in one turn of the event loop and runs them as one batch: one round trip to the database for every
 * request in flight instead of one each. At most `inFlight` batches run at once; calls made while they run wait for the next
 * turn after one ends (or, with `slowAfter`, once the running ones are slow), so under load a batch grows instead of the
 * number of round trips. A call alone in its turn goes at once, so an idle endpoint answers as fast as without batching.
 * `run` answers each input in order, each settled on its own.
 */
export class TurnBatches<In, Out> {
  private waiting: Waiting<In, Out>[] = [];
  /** The batches running, with when each started (`performance.now()`). */
  private readonly running = new Set<{ startedAt: number }>();
  private scheduled = false;
  private recheck: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: (inputs: In[]) => Promise<Settled<Out>[]>,
    private readonly options: TurnBatchOptions,
  ) {}

  add(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || !this.waiting.length || this.running.size >= this.options.inFlight) return;
    const wait = this.untilAnotherMayStart();
    if (wait > 0) {
      this.recheck ??= setTimeout(() => {
        this.recheck = undefined;
        this.schedule();
      }, wait);
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  /** Milliseconds until the youngest running batch has run `slowAfter` (0: another may start now). */
  private untilAnotherMayStart(): number {
    const { slowAfter } = this.options;
    if (slowAfter === undefined || this.running.size === 0) return 0;
    let youngest = 0;
    for (const batch of this.running) youngest = Math.max(youngest, batch.startedAt);
    return Math.max(0, youngest + slowAfter - performance.now());
  }

  private start() {
    while (this.waiting.length && this.running.size < this.options.inFlight && this.untilAnotherMayStart() === 0) {
      const batch = this.waiting.splice(0, this.options.most);
      const running = { startedAt: performance.now() };
      this.running.add(running);
      this.run(batch.map((call) => call.input))
        .then(
          (outcomes) =>
            batch.forEach((call, index) => {
              const outcome = outcomes[index];
              if (outcome?.status === "fulfilled") call.resolve(outcome.value);
              else call.reject(outcome ? outcome.reason : new Error("a batch answered fewer calls than it was given"));
            }),
          (error: unknown) => {
            for (const call of batch) call.reject(error);
          },
        )
        .finally(() => {
          this.running.delete(running);
          this.schedule();
        });
    }
    // calls left waiting for the running batches to end or be slow
    this.schedule();
  }
}
