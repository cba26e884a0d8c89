import { openDriver, readEnvironment } from "../config.ts";
import { invite, resetLink } from "../operations/console/marketers.ts";
import { Services } from "../operations/services.ts";
import type { Role } from "../storage/console.ts";

/**
 * `npm run console -- <command>`, on the endpoint's machine (after `npm run build`), for self-hosters without email:
 *   invite <shop> <email> [owner|editor|viewer]   a one-time link to join a shop (the way to make a shop's first owner)
 *   reset-password <email>                        a one-time link to set a new password
 * Each prints the link (valid 7 days, usable once) and writes the action to the shop's audit log as "cli".
 */
const usage = "usage: npm run console -- invite <shop> <email> [owner|editor|viewer] | reset-password <email>";
const [command, ...args] = process.argv.slice(2);
const env = readEnvironment();
const endpoint = env.publicUrl ? new URL(env.publicUrl).origin : `http://${env.host === "0.0.0.0" ? "127.0.0.1" : env.host}:${env.port}`;

async function run(services: Services): Promise<string> {
  if (command === "invite" && args[0] && args[1]) {
    const role = (args[2] ?? "owner") as Role;
    if (!["owner", "editor", "viewer"].includes(role)) throw new Error(usage);
    const link = await invite(services, await services.shops.require(args[0]), "cli", args[1], role, endpoint);
    return `Invitation for ${link.email} (${role}) to shop "${args[0]}", valid until ${link.expiresAt}, usable once:\n  ${link.link}`;
  }
  if (command === "reset-password" && args[0]) {
    const link = await resetLink(services, null, "cli", args[0], endpoint);
    return `Password reset for ${link.email}, valid until ${link.expiresAt}, usable once:\n  ${link.link}`;
  }
  throw new Error(usage);
}

const driver = await openDriver(env.databaseUrl);
try {
  await driver.migrate();
  console.log(await run(new Services(driver)));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await driver.close();
}
