import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { checkCustomerToken } from "../../server/domain/tokens.ts";

// A shop's backend is not this repository: each check runs plain Node in a project of its own under the system's temp folder.
const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const helper = join(root, "server/sdk/sign-customer-token.js");
const dir = mkdtempSync(join(tmpdir(), "loyalty-sdk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secret = "ss_shop_backend_secret";
const sign = `signCustomerToken({ signingSecret: ${JSON.stringify(secret)}, shop: "demo", customerId: "cus_42", expiresIn: 600 })`;

// About 3 s with a warm npm cache; with a cold one npm downloads the package's dependencies first.
const PACK_AND_INSTALL_TIMEOUT = 180_000;

/** What the endpoint says of a token a script printed. */
const verdict = (stdout: string) => checkCustomerToken(stdout.trim(), "demo", [secret]);

async function node(cwd: string, ...args: string[]) {
  const { stdout } = await run(process.execPath, args, { cwd });
  return stdout;
}

describe("signCustomerToken in a shop's own Node project", () => {
  test("a plain .mjs script imports it by path, or as a copied file, and the endpoint accepts its token", async () => {
    const project = join(dir, "by-path");
    mkdirSync(project);
    writeFileSync(
      join(project, "from-repo.mjs"),
      `import { signCustomerToken } from ${JSON.stringify(pathToFileURL(helper).href)};\nconsole.log(${sign});\n`,
    );
    copyFileSync(helper, join(project, "sign-customer-token.mjs"));
    writeFileSync(join(project, "from-copy.mjs"), `import { signCustomerToken } from "./sign-customer-token.mjs";\nconsole.log(${sign});\n`);
    expect(verdict(await node(project, "from-repo.mjs"))).toEqual({ ok: true, customerId: "cus_42" });
    expect(verdict(await node(project, "from-copy.mjs"))).toEqual({ ok: true, customerId: "cus_42" });
  });

  test(
    "installed from the packed tarball, ESM and CommonJS import premio-loyalty/sign-customer-token and the endpoint accepts the token",
    async () => {
      const packs = join(dir, "packs");
      mkdirSync(packs);
      const { stdout: packed } = await run("npm", ["pack", "--json", "--pack-destination", packs], { cwd: root });
      const [tarball] = JSON.parse(packed) as { filename: string; files: { path: string }[] }[];
      const files = tarball!.files.map((file) => file.path).sort();
      expect(files).toEqual(["LICENSE", "README.md", "package.json", "server/sdk/sign-customer-token.d.ts", "server/sdk/sign-customer-token.js"]);

      const project = join(dir, "shop-backend");
      mkdirSync(project);
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "shop-backend", private: true, version: "1.0.0" }));
      await run("npm", ["install", join(packs, tarball!.filename), "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"], {
        cwd: project,
      });

      writeFileSync(join(project, "sign.mjs"), `import { signCustomerToken } from "premio-loyalty/sign-customer-token";\nconsole.log(${sign});\n`);
      expect(verdict(await node(project, "sign.mjs"))).toEqual({ ok: true, customerId: "cus_42" });
      // CommonJS (the project has no "type": "module") reaches the ESM helper through import()
      const commonJs = `import("premio-loyalty/sign-customer-token").then(({ signCustomerToken }) => console.log(${sign}));`;
      expect(verdict(await node(project, "-e", commonJs))).toEqual({ ok: true, customerId: "cus_42" });
    },
    PACK_AND_INSTALL_TIMEOUT,
  );
});
