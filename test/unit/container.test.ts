import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// No container runtime runs here: these checks keep the Dockerfile and compose.yaml honest against the project — the
// image starts the endpoint exactly as `npm run serve` does, as a non-root user, from built files only.

const dockerfile = readFileSync("Dockerfile", "utf8");
const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"))
  .map((line) => {
    const [keyword = "", ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
  });
const stages = instructions.reduce<{ keyword: string; args: string }[][]>((all, instruction) => {
  if (instruction.keyword === "FROM") all.push([]);
  all.at(-1)?.push(instruction);
  return all;
}, []);
const final = stages.at(-1) ?? [];

describe("the Dockerfile", () => {
  it("has a build stage and a final stage, every line a known instruction", () => {
    expect(stages.length).toBe(2);
    const known = new Set(["FROM", "WORKDIR", "RUN", "COPY", "ENV", "USER", "VOLUME", "EXPOSE", "HEALTHCHECK", "CMD"]);
    for (const { keyword } of instructions) expect(known.has(keyword), keyword).toBe(true);
    expect(instructions[0]?.args).toMatch(/^node:20\S* AS build$/);
  });

  it("starts the endpoint with the command `npm run serve` runs, as a non-root user", () => {
    const cmd = final.find((instruction) => instruction.keyword === "CMD");
    expect(JSON.parse(cmd?.args ?? "[]")).toEqual(packageJson.scripts.serve?.split(" "));
    const user = final.filter((instruction) => instruction.keyword === "USER").at(-1);
    expect(user?.args).toBeTruthy();
    expect(user?.args).not.toMatch(/^(root|0)$/);
  });

  it("carries only built files and production dependencies into the final image, and checks readiness", () => {
    const copied = final.filter((instruction) => instruction.keyword === "COPY").map((instruction) => instruction.args);
    for (const copy of copied) expect(copy).toMatch(/^--from=build \/app\/(dist\/(server|widget|console)|node_modules|package\.json) /);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(final.find((instruction) => instruction.keyword === "EXPOSE")?.args).toBe("8787");
    expect(final.find((instruction) => instruction.keyword === "HEALTHCHECK")?.args).toContain("/readyz");
    expect(readFileSync(".dockerignore", "utf8").split("\n")).toEqual(expect.arrayContaining(["node_modules", "data", "dist"]));
  });
});

describe("compose.yaml", () => {
  const compose = parse(readFileSync("compose.yaml", "utf8")) as {
    services: Record<
      string,
      { image?: string; build?: string; environment?: Record<string, string>; depends_on?: unknown; stop_grace_period?: string }
    >;
    volumes: Record<string, unknown>;
  };

  it("runs the image built here on PostgreSQL, once PostgreSQL is healthy, with time to shut down gracefully", () => {
    const endpoint = compose.services.endpoint;
    expect(endpoint?.build).toBe(".");
    expect(endpoint?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/loyalty:.*@postgres:5432\/loyalty$/);
    expect(endpoint?.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    const grace = Number(endpoint?.stop_grace_period?.replace(/s$/, ""));
    expect(grace).toBeGreaterThan(Number(endpoint?.environment?.LOYALTY_SHUTDOWN_TIMEOUT ?? 10));
    expect(compose.services.postgres?.image).toMatch(/^postgres:\d+/);
    expect(Object.keys(compose.volumes)).toContain("pgdata");
  });
});
