import { openDriver, readEnvironment } from "../config.ts";
import { invite, resetLink } from "../operations/console/marketers.ts";
import { seedDemoMarketer } from "../operations/console/seed.ts";
import { Services } from "../operations/services.ts";
import type { Role } from "../storage/console.ts";

/**
 * `npm run console -- <command>`, on the endpoint's machine (after `npm run build`), for self-hosters without email:
 *   invite <shop> <email> [owner|editor|viewer]   a one-time link to join a shop (the way to make a shop's first owner)
 *   reset-password <email>                        a one-time link to set a new password
 *   demo-owner <shop>                             development only (`npm start`): the demo owner's account, its
 *                                                 credentials printed as JSON
 * invite and reset-password print the link (valid 7 days, usable once) and write the action to the shop's audit log as "cli".
 */
const usage = "usage: npm run console -- invite <shop> <email> [owner|editor|viewer] | reset-password <email> | demo-owner <shop>";
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
  if (command === "demo-owner" && args[0]) return JSON.stringify(await seedDemoMarketer(services, args[0]));
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
