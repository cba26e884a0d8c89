/** What one call of a batch came to: its own answer, or its own failure. */
export type Settled<Out> = PromiseSettledResult<Out>;

export interface TurnBatchOptions {
  /** More calls than this in one batch are split over several. */
  most: number;
  /** How many batches may run at once; calls made meanwhile wait and go together in the next. */
  inFlight: number;
}

interface Waiting<In, Out> {
  input: In;
  resolve(output: Out): void;
  reject(error: unknown): void;
}

/**
 * Gathers the calls made in one turn of the event loop and runs them as one batch: one round trip to the database for every
 * request in flight instead of one each. At most `inFlight` batches run at once; calls made while they run wait for the next
 * turn after one ends, so under load a batch grows instead of the number of round trips. A call alone in its turn goes at
 * once, so an idle endpoint answers as fast as without batching. `run` answers each input in order, each settled on its own.
 */
export class TurnBatches<In, Out> {
  private waiting: Waiting<In, Out>[] = [];
  private running = 0;
  private scheduled = false;

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
    if (this.scheduled || !this.waiting.length || this.running >= this.options.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.start();
    });
  }

  private start() {
    while (this.waiting.length && this.running < this.options.inFlight) {
      const batch = this.waiting.splice(0, this.options.most);
      this.running++;
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
          this.running--;
          this.schedule();
        });
    }
  }
}
