import { Hono } from "hono";
import { defaultTheme, ThemeResponse, ThemeUpdate, WidgetTextDefaults } from "../../../contract/index.ts";
import { contrastWarnings } from "../../../contract/rules/contrast.ts";
import { widgetTextDefaults } from "../../operations/console/texts.ts";
import { document } from "../docs.ts";
import { jsonBody } from "../validate.ts";
import { type ConsoleEnv, requireRole, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none", response: ThemeResponse } as const;
document({ ...doc, role: "viewer", method: "get", path: "/v1/console/theme", summary: "The saved theme and its contrast warnings", errors: [401] });
document({
  ...doc,
  role: "editor",
  method: "put",
  path: "/v1/console/theme",
  body: ThemeUpdate,
  summary: "Save theme tokens: shoppers see them on their next page view; low contrast is saved and flagged",
  errors: [400, 401, 403, 415],
});
document({
  ...doc,
  role: "editor",
  method: "post",
  path: "/v1/console/theme/reset",
  summary: "Put every theme token back to its default",
  errors: [401, 403],
});
document({
  tag: "console",
  auth: "none",
  role: "viewer",
  method: "get",
  path: "/v1/console/theme/texts",
  response: WidgetTextDefaults,
  summary: "The widget's own texts in every language it speaks, with each language's plural categories: what overrides replace",
  errors: [401],
});

/** The widget's look, as the theme editor reads and saves it. */
export const themeRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", (c) => c.json({ theme: c.get("shop").theme, warnings: contrastWarnings(c.get("shop").theme) }))
  .get("/texts", (c) => c.json(widgetTextDefaults()))
  .put("/", requireRole("editor"), jsonBody(ThemeUpdate), async (c) =>
    c.json(await c.get("services").settings.saveTheme(c.get("shop"), c.get("body"), c.get("actor"))),
  )
  .post("/reset", requireRole("editor"), async (c) =>
    c.json(await c.get("services").settings.saveTheme(c.get("shop"), { ...defaultTheme, dark: {} }, c.get("actor"), "theme.reset")),
  );
