import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type RunningEndpoint, startTestEndpoint } from "../support/server.ts";
import { launchBrowser } from "./support/browser.ts";
import { type HostPage, shopPage, startHostPage } from "./support/host-page.ts";

// Every text a marketer can set reaches shoppers as text: HTML and script payloads show literally
// and never run, and CSS-injection attempts in colours are refused before they are saved.
const hostile = {
  programName: `<img src=x onerror="window.pwned='programName'">`,
  // the launcher label is at most 24 characters
  launcherLabel: `<script>pwned=1</script>`,
  rewardTitle: `"><svg onload="window.pwned='reward'">`,
  summary: `<iframe src="javascript:window.top.pwned='summary'"></iframe>`,
};

let host: HostPage;
let endpoint: RunningEndpoint;
let browser: Browser;
beforeAll(async () => {
  host = await startHostPage();
  endpoint = await startTestEndpoint({ allowedOrigins: [host.origin] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await endpoint?.stop();
  await host?.stop();
});

test("merchant texts are shown as text and never run; CSS injection in colours is refused", async () => {
  for (const accent of ["red;}:host{display:none", "url(https://evil.example/x)", "var(--x)", "#0a7;background:url(x)"]) {
    expect((await endpoint.backend("PUT", "/v1/theme", { accent })).status).toBe(400);
  }
  expect((await endpoint.backend("PUT", "/v1/theme", { programName: hostile.programName, launcherLabel: hostile.launcherLabel })).status).toBe(200);
  const program = (await endpoint.backend("GET", "/v1/program")).json;
  program.rewards[0].title = { es: hostile.rewardTitle };
  program.summary = { es: hostile.summary };
  expect((await endpoint.backend("PUT", "/v1/program", program)).status).toBe(200);
  await endpoint.backend("POST", "/v1/customers/ana/adjustments", { id: "seed", points: 50, reason: "<b>bold</b>" });

  host.serve(shopPage({ endpoint: endpoint.url, token: endpoint.token("ana") }));
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(host.origin);
  await page.locator('[part="launcher"]').click();
  await page.locator('[part="panel"]').waitFor();
  const home = await page.locator('[part="panel"]').textContent();
  await page.evaluate(() => (window as unknown as { Loyalty: (...args: unknown[]) => void }).Loyalty("open", "rewards"));
  await page.locator('[part="reward"]').first().waitFor();
  const rewards = await page.locator('[part="panel"]').textContent();
  const launcher = await page.locator('[part="launcher"]').textContent();

  const injected = await page.evaluate(() => {
    const root = document.querySelector("[data-loyalty-host]")?.shadowRoot;
    return {
      pwned: (window as unknown as { pwned?: string }).pwned ?? null,
      elements: root ? root.querySelectorAll("img, script, iframe, svg[onload], [onerror], [onload]").length : -1,
    };
  });
  await page.close();

  expect(injected).toEqual({ pwned: null, elements: 0 });
  expect(dialogs).toEqual([]);
  expect(`${home} ${launcher}`).toContain(hostile.programName);
  expect(`${home} ${launcher}`).toContain(hostile.launcherLabel);
  expect(home).toContain(hostile.summary);
  expect(rewards).toContain(hostile.rewardTitle);
});
