import { afterEach, describe, expect, it, vi } from "vitest";
import { type Settled, TurnBatches } from "../../server/operations/turn-batches.ts";

/** A batch runner that records each batch it is given and answers when told to. */
function recordingRunner() {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const run = (inputs: number[]) =>
    new Promise<Settled<number>[]>((resolve) => {
      batches.push(inputs);
      finish.push(() =>
        resolve(
          inputs.map((input) => (input < 0 ? { status: "rejected", reason: new Error(`no ${input}`) } : { status: "fulfilled", value: input * 10 })),
        ),
      );
    });
  return { batches, finish, run };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("batches of one turn of the event loop", () => {
  it("runs the calls of one turn as one batch, answers each its own outcome, and splits beyond the most a batch takes", async () => {
    const runner = recordingRunner();
    const batches = new TurnBatches(runner.run, { most: 3, inFlight: 5 });
    const calls = [1, 2, -3, 4].map((input) =>
      batches.add(input).then(
        (value) => ({ value }),
        (error: Error) => ({ error: error.message }),
      ),
    );
    await turn();
    expect(runner.batches).toEqual([[1, 2, -3], [4]]);
    for (const finish of runner.finish) finish();
    expect(await Promise.all(calls)).toEqual([{ value: 10 }, { value: 20 }, { error: "no -3" }, { value: 40 }]);
  });

  it("while as many batches as allowed run, later calls wait and go together in one batch", async () => {
    const runner = recordingRunner();
    const batches = new TurnBatches(runner.run, { most: 100, inFlight: 1 });
    const first = batches.add(1);
    await turn();
    const later = [batches.add(2), batches.add(3)];
    await turn();
    const last = batches.add(4);
    await turn();
    expect(runner.batches).toEqual([[1]]);
    runner.finish[0]?.();
    expect(await first).toBe(10);
    // the batch's end schedules the next for the turn after
    await turn();
    await turn();
    expect(runner.batches).toEqual([[1], [2, 3, 4]]);
    runner.finish[1]?.();
    expect(await Promise.all([...later, last])).toEqual([20, 30, 40]);
  });

  it("a batch that fails fails each of its calls, and the next batch still runs", async () => {
    let fail = true;
    const batches = new TurnBatches<number, number>(
      async (inputs) => {
        if (fail) throw new Error("the database went away");
        return inputs.map((input) => ({ status: "fulfilled", value: input }));
      },
      { most: 10, inFlight: 1 },
    );
    const failed = await Promise.allSettled([batches.add(1), batches.add(2)]);
    expect(failed.map((outcome) => outcome.status === "rejected" && (outcome.reason as Error).message)).toEqual([
      "the database went away",
      "the database went away",
    ]);
    fail = false;
    expect(await batches.add(3)).toBe(3);
  });

  describe("with a second batch allowed only once the first is slow", () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    const fakeClock = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "performance"] });

    it("calls made while a quick batch runs gather into one batch after it", async () => {
      fakeClock();
      const runner = recordingRunner();
      const batches = new TurnBatches(runner.run, { most: 100, inFlight: 2, slowAfter: 50 });
      const first = batches.add(1);
      await vi.advanceTimersByTimeAsync(0);
      const later = [batches.add(2)];
      await vi.advanceTimersByTimeAsync(10);
      later.push(batches.add(3));
      await vi.advanceTimersByTimeAsync(10);
      expect(runner.batches).toEqual([[1]]);
      runner.finish[0]?.();
      expect(await first).toBe(10);
      await vi.advanceTimersByTimeAsync(0);
      expect(runner.batches).toEqual([[1], [2, 3]]);
      runner.finish[1]?.();
      expect(await Promise.all(later)).toEqual([20, 30]);
    });

    it("a batch that runs longer lets the next start once it has run that long, and never more than inFlight at once", async () => {
      fakeClock();
      const runner = recordingRunner();
      const batches = new TurnBatches(runner.run, { most: 100, inFlight: 2, slowAfter: 50 });
      const stuck = batches.add(1);
      await vi.advanceTimersByTimeAsync(0);
      const second = batches.add(2);
      await vi.advanceTimersByTimeAsync(49);
      expect(runner.batches).toEqual([[1]]);
      await vi.advanceTimersByTimeAsync(2);
      expect(runner.batches).toEqual([[1], [2]]);
      // two running, both slow now: a third waits for one of them to end
      const third = batches.add(3);
      await vi.advanceTimersByTimeAsync(200);
      expect(runner.batches).toEqual([[1], [2]]);
      runner.finish[1]?.();
      expect(await second).toBe(20);
      await vi.advanceTimersByTimeAsync(0);
      expect(runner.batches).toEqual([[1], [2], [3]]);
      runner.finish[0]?.();
      runner.finish[2]?.();
      expect(await Promise.all([stuck, third])).toEqual([10, 30]);
    });
  });
});
