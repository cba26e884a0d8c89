import { Hono } from "hono";
import { RaffleDetails, RaffleList, Slug } from "../../../contract/index.ts";
import { raffleDetails, raffleSummaries } from "../../operations/raffle-views.ts";
import { document } from "../docs.ts";
import { parseOrThrow } from "../validate.ts";
import { type ConsoleEnv, requireSession } from "./session.ts";

const doc = { tag: "console", auth: "none" } as const;
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/raffles",
  response: RaffleList,
  summary:
    "Every raffle the shop has had, latest closing first: its definition, status, commitment, entries and entrants, and the draw (seed and winner) or the cancellation and its refunds. Raffles are created, edited and cancelled in the program",
  errors: [401],
});
document({
  ...doc,
  role: "viewer",
  method: "get",
  path: "/v1/console/raffles/:raffleId",
  response: RaffleDetails,
  summary: "One raffle with every entry, its customer and whether it was refunded",
  errors: [400, 401, 404],
});

/** Raffles for the marketer: what was entered and how the draw went. */
export const raffleRoutes = new Hono<ConsoleEnv>()
  .use(requireSession)
  .get("/", async (c) => c.json({ raffles: await raffleSummaries(c.get("services"), c.get("shop")) }))
  .get("/:raffleId", async (c) => c.json(await raffleDetails(c.get("services"), c.get("shop"), parseOrThrow(Slug, c.req.param("raffleId")))));
