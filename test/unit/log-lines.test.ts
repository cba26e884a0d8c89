import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";

// The endpoint's log lines are written together once per turn of the event loop; none may be lost or reordered, also when
// the process ends before the next turn.
const run = (script: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", cwd: process.cwd() });

test("lines logged in one turn are written in order, in one write, and those pending at exit are not lost", () => {
  const result = run(`
    import { createLogLines } from "./server/cli/log-lines.ts";
    const lines = createLogLines();
    for (let i = 0; i < 2000; i++) lines.write("line " + i);
    setImmediate(() => {
      lines.write("after the first batch");
      // the process ends before the next turn: the exit handler writes what is pending
      process.exit(0);
    });
  `);
  expect(result.status).toBe(0);
  const written = result.stdout.trimEnd().split("\n");
  expect(written).toEqual([...Array.from({ length: 2000 }, (_, i) => `line ${i}`), "after the first batch"]);
});

test("nothing is written until the turn ends: a burst of requests costs one write to the log file", () => {
  const file = join(mkdtempSync(join(tmpdir(), "log-lines-")), "endpoint.log");
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `
      import { createLogLines } from "./server/cli/log-lines.ts";
      import { statSync } from "node:fs";
      const lines = createLogLines();
      lines.write("one");
      lines.write("two");
      const size = () => statSync(${JSON.stringify(file)}).size;
      process.stderr.write(size() + " ");
      setImmediate(() => process.stderr.write(String(size())));
    `,
    ],
    { encoding: "utf8", cwd: process.cwd(), stdio: ["ignore", openSync(file, "w"), "pipe"] },
  );
  expect(result.stderr).toBe("0 8");
  expect(readFileSync(file, "utf8")).toBe("one\ntwo\n");
});
