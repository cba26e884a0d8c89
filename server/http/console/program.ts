import { Hono } from "hono";
import { CampaignPreview, CampaignPreviewRequest, Program } from "../../../contract/index.ts";
import { activeCampaign, nextCampaign, type Window } from "../../../contract/rules/campaigns.ts";
import { document } from "../docs.ts";
import { jsonBody } from "../validate.ts";
import { type ConsoleEnv, requireRole, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
document({ ...doc, role: "viewer", method: "get", path: "/v1/console/program", response: Program, summary: "The loyalty program", errors: [401] });
document({
  ...doc,
  role: "editor",
  method: "put",
  path: "/v1/console/program",
  body: Program,
  response: Program,
  summary: "Replace the program (the API's own schema); past ledger entries are never rewritten",
  errors: [400, 401, 403, 415],
});
document({
  ...doc,
  role: "viewer",
  method: "post",
  path: "/v1/console/program/campaign-preview",
  body: CampaignPreviewRequest,
  response: CampaignPreview,
  summary: "The campaign window open now and the next one, in the program's time zone, for drafted campaigns",
  errors: [400, 401, 403, 415],
});

const toWindow = (window: Window | null) =>
  window && {
    id: window.campaign.id,
    name: window.campaign.name,
    multiplier: window.campaign.multiplier,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
  };

/** Earning, rewards, tiers, campaigns and referrals, validated with the same schema as PUT /v1/program. */
export const programRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", (c) => c.json(c.get("shop").program))
  .put("/", requireRole("editor"), jsonBody(Program), async (c) =>
    c.json(await c.get("services").settings.saveProgram(c.get("shop"), c.get("body"), c.get("actor"))),
  )
  .post("/campaign-preview", jsonBody(CampaignPreviewRequest), (c) => {
    const { campaigns, timeZone } = c.get("body");
    const now = new Date(c.get("services").now());
    return c.json({ timeZone, active: toWindow(activeCampaign(campaigns, now, timeZone)), next: toWindow(nextCampaign(campaigns, now, timeZone)) });
  });
