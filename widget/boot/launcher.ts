import type { WidgetBoot } from "../../contract/widget.ts";
import type { WidgetState, Words } from "../seam.ts";
import type { Host } from "./host.ts";

/** The launcher's icons (24×24, stroked in the current colour): a star for the program, a gift when a reward is within reach. */
const star = "M12 3l3 6 6 1-4.5 4 1 6.5L12 17l-5.5 3.5 1-6.5L3 10l6-1z";
const gift = "M4 11h16v9H4zM3 7h18v4H3zM12 7v13M12 7C9 2 6 5 8 7m4 0c3-5 6-2 4 0";

/** What the launcher says under its label: a reward within reach first, else what is missing, else the balance. */
function status(state: WidgetState, customer: WidgetBoot["customer"], words: Words) {
  const { t } = words;
  if (state.panel === "failed") return t("launcher.failed");
  if (!customer) return "";
  if (customer.readyReward) return t("launcher.ready", { reward: words.text(customer.readyReward.title) });
  return customer.nextReward ? t("launcher.toNext", { points: customer.nextReward.missing }) : words.points(customer.balance);
}

/** Draws the launcher for the state (text and attribute writes only): label, status, the ring's progress. */
export function drawLauncher(host: Host, state: WidgetState, boot: WidgetBoot, words: Words) {
  const { customer } = boot;
  const next = customer?.nextReward;
  const ready = !!customer?.readyReward;
  const busy = state.open && state.panel === "loading";
  // how far towards the next reward, 0–1
  const progress = ready ? 1 : next ? Math.max(0, next.cost - next.missing) / next.cost : 0;
  const { launcher } = host;
  host.label.textContent = boot.theme.launcherLabel;
  host.status.textContent = status(state, customer, words);
  host.ringFill.setAttribute("stroke-dashoffset", String(100 - 100 * progress));
  host.icon.setAttribute("d", ready ? gift : star);
  launcher.classList.toggle("member", !!customer);
  launcher.setAttribute("aria-expanded", String(state.open && state.panel === "ready"));
  launcher.setAttribute("aria-busy", String(busy));
}
