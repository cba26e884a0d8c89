import { Hono } from "hono";
import { defaultTheme, ThemeResponse, ThemeUpdate } from "../../../contract/index.ts";
import { contrastWarnings } from "../../domain/contrast.ts";
import { document } from "../docs.ts";
import { jsonBody } from "../validate.ts";
import { type ConsoleEnv, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none", response: ThemeResponse } as const;
document({ ...doc, method: "get", path: "/v1/console/theme", summary: "The saved theme and its contrast warnings", errors: [401] });
document({
  ...doc,
  method: "put",
  path: "/v1/console/theme",
  body: ThemeUpdate,
  summary: "Save theme tokens: shoppers see them on their next page view; low contrast is saved and flagged",
  errors: [400, 401, 403, 415],
});
document({ ...doc, method: "post", path: "/v1/console/theme/reset", summary: "Put every theme token back to its default", errors: [401, 403] });

/** The widget's look, as the theme editor reads and saves it. */
export const themeRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", (c) => c.json({ theme: c.get("shop").theme, warnings: contrastWarnings(c.get("shop").theme) }))
  .put("/", jsonBody(ThemeUpdate), async (c) => c.json(await c.get("services").saveTheme(c.get("shop"), c.get("body"))))
  .post("/reset", async (c) => c.json(await c.get("services").saveTheme(c.get("shop"), defaultTheme)));
