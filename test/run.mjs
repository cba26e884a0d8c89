// `npm test`: lint, types, every test suite; browser and PostgreSQL suites where their servers exist.
// With CI=true nothing may be skipped: a missing browser or database fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const ci = process.env.CI === "true";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const skipped = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
let failed = false;

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    failed = true;
  }
  return result.status === 0;
}

function vitest(title, projects, env = {}) {
  mkdirSync("test-results", { recursive: true });
  const report = `test-results/${title.replace(/\W+/g, "-")}.json`;
  const args = [
    "vitest",
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ];
  run(title, "npx", args, env);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, "utf8"));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
  }
}

function skip(what, why) {
  if (ci) {
    console.error(`✖ CI=true and ${what} cannot run: ${why}`);
    failed = true;
  } else skipped.push(`${what}: ${why}`);
}

run("lint (biome)", "npx", ["biome", "check", "."]);
run("types (tsc)", "npx", ["tsc", "-p", "."]);
vitest("unit, http and dom tests (SQLite)", ["node", "dom"]);

const postgresUrl = process.env.LOYALTY_TEST_POSTGRES_URL;
if (postgresUrl) vitest("storage and http tests on PostgreSQL", ["node"], { LOYALTY_TEST_DATABASE: postgresUrl });
else skip("the PostgreSQL run", "LOYALTY_TEST_POSTGRES_URL is not set (.ci/run starts a server and sets it)");

if (existsSync(chromium)) {
  if (run("build (widget and endpoint)", "npm", ["run", "build", "--silent"]))
    vitest("browser tests (Chromium)", ["e2e"], { CHROMIUM_PATH: chromium });
} else skip("the browser tests", `no Chromium at ${chromium} (apt-get install chromium)`);

console.log(`\n${"=".repeat(72)}`);
if (skipped.length) {
  console.log("SKIPPED (not run on this machine):");
  for (const line of skipped) console.log(`  ⚠ ${line}`);
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed || totals.failed ? 1 : 0);
