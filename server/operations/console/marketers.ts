import { randomBytes } from "node:crypto";
import type { LinkInfo, MarketerList, OneTimeLink } from "../../../contract/index.ts";
import { DAY } from "../../../contract/time.ts";
import { digest } from "../../domain/secrets.ts";
import { auditLog } from "../../storage/audit.ts";
import { accounts, type LinkKind, links, memberships, type Role, sessions } from "../../storage/console.ts";
import type { Queries } from "../../storage/driver.ts";
import { ApiError } from "../errors.ts";
import type { Services, Shop } from "../services.ts";
import { MIN_PASSWORD, normaliseEmail, openSession } from "./accounts.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

/** One-time links stay valid for 7 days, and work once. */
export const LINK_MS = 7 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();

/** The console page a one-time link opens; the token rides in the fragment, which browsers never send to a server. */
export const linkUrl = (endpoint: string, token: string) => `${endpoint}/console/#link=${token}`;

/** The shop's marketers and its invitations still open. */
export async function marketerList(services: Services, shop: Shop): Promise<MarketerList> {
  const read = services.driver.read;
  const [members, invites] = await Promise.all([memberships.ofShop(read, shop.id), links.pendingInvites(read, shop.id, services.now())]);
  return {
    marketers: members.map((member) => ({ email: member.email, role: member.role, since: iso(member.created_at) })),
    invites: invites.map((invite) => ({
      email: invite.email,
      role: invite.role ?? "viewer",
      invitedBy: invite.created_by,
      expiresAt: iso(invite.expires_at),
    })),
  };
}

async function newLink(
  services: Services,
  tx: Queries,
  link: { kind: LinkKind; email: string; shopId: string | null; role: Role | null; createdBy: string },
  endpoint: string,
): Promise<OneTimeLink> {
  const token = randomBytes(24).toString("base64url");
  const now = services.now();
  const expiresAt = now + LINK_MS;
  await links.create(tx, {
    token_hash: digest(token),
    kind: link.kind,
    email: link.email,
    shop_id: link.shopId,
    role: link.role,
    created_by: link.createdBy,
    expires_at: expiresAt,
    created_at: now,
  });
  return { kind: link.kind, email: link.email, link: linkUrl(endpoint, token), expiresAt: iso(expiresAt) };
}

/** An owner invites someone to the shop with a role: a one-time link for them to join (and set a password if they have no account). */
export async function invite(services: Services, shop: Shop, by: string, email: string, role: Role, endpoint: string): Promise<OneTimeLink> {
  const address = normaliseEmail(email);
  return services.driver.transaction(async (tx) => {
    if (await memberships.get(tx, shop.id, address))
      throw new ApiError("conflict", `${address} already works on this shop: change their role instead`);
    const link = await newLink(services, tx, { kind: "invite", email: address, shopId: shop.id, role, createdBy: by }, endpoint);
    await auditLog.record(tx, { shopId: shop.id, actor: by, action: "marketer.invited", details: { email: address, role }, at: services.now() });
    return link;
  });
}

export async function revokeInvite(services: Services, shop: Shop, by: string, email: string): Promise<void> {
  const address = normaliseEmail(email);
  await services.driver.transaction(async (tx) => {
    if (!(await links.revokeInvite(tx, shop.id, address))) throw new ApiError("not_found", `no open invitation for ${address}`);
    await auditLog.record(tx, { shopId: shop.id, actor: by, action: "marketer.invite_revoked", details: { email: address }, at: services.now() });
  });
}

/** An owner changes a marketer's role; the shop always keeps at least one owner. */
export async function changeRole(services: Services, shop: Shop, by: string, email: string, role: Role): Promise<void> {
  const address = normaliseEmail(email);
  await services.driver.transaction(async (tx) => {
    const member = await memberships.get(tx, shop.id, address);
    if (!member) throw new ApiError("not_found", `${address} does not work on this shop`);
    if (member.role === "owner" && role !== "owner" && (await memberships.owners(tx, shop.id)) <= 1)
      throw new ApiError("conflict", "a shop needs at least one owner: make someone else owner first");
    await memberships.upsert(tx, shop.id, address, role, member.created_at);
    await auditLog.record(tx, {
      shopId: shop.id,
      actor: by,
      action: "marketer.role_changed",
      details: { email: address, from: member.role, to: role },
      at: services.now(),
    });
  });
}

/** An owner removes a marketer from the shop (their account and other shops stay); their sessions on it end. */
export async function removeMarketer(services: Services, shop: Shop, by: string, email: string): Promise<void> {
  const address = normaliseEmail(email);
  await services.driver.transaction(async (tx) => {
    const member = await memberships.get(tx, shop.id, address);
    if (!member) throw new ApiError("not_found", `${address} does not work on this shop`);
    if (member.role === "owner" && (await memberships.owners(tx, shop.id)) <= 1)
      throw new ApiError("conflict", "a shop needs at least one owner: make someone else owner first");
    await memberships.remove(tx, shop.id, address);
    await sessions.endInShop(tx, address, shop.id);
    await auditLog.record(tx, {
      shopId: shop.id,
      actor: by,
      action: "marketer.removed",
      details: { email: address, role: member.role },
      at: services.now(),
    });
  });
}

/**
 * A one-time link to set a new password. From the console, an owner may make one for a marketer of the shop only when every
 * shop that person works on is also the owner's: a reset opens the whole account, so it must not reach into shops the
 * owner has no say in. `by: "cli"` (the command line on the endpoint's machine) may make one for anyone.
 */
export async function resetLink(services: Services, shop: Shop | null, by: string, email: string, endpoint: string): Promise<OneTimeLink> {
  const address = normaliseEmail(email);
  return services.driver.transaction(async (tx) => {
    if (!(await accounts.get(tx, address))) throw new ApiError("not_found", `no console account for ${address}`);
    if (shop) {
      if (!(await memberships.get(tx, shop.id, address))) throw new ApiError("not_found", `${address} does not work on this shop`);
      if ((await memberships.outsideOwnership(tx, address, by)) > 0)
        throw new ApiError(
          "forbidden",
          `${address} also works on shops you don't own: they can change their password when signed in, or the operator can make a link with npm run console -- reset-password`,
        );
    }
    const link = await newLink(services, tx, { kind: "reset", email: address, shopId: shop?.id ?? null, role: null, createdBy: by }, endpoint);
    const shops = shop ? [{ shop_id: shop.id }] : await memberships.ofAccount(tx, address);
    for (const { shop_id } of shops)
      await auditLog.record(tx, { shopId: shop_id, actor: by, action: "marketer.reset_link", details: { email: address }, at: services.now() });
    return link;
  });
}

/** What a one-time link is for, so that the console can ask for the right password; not_found when used, expired or unknown. */
export async function linkInfo(services: Services, token: string): Promise<LinkInfo> {
  const read = services.driver.read;
  const link = await links.live(read, digest(token), services.now());
  if (!link) throw new ApiError("not_found", "this link has been used or has expired: ask for a new one");
  const shop = link.shop_id ? await services.shops.get(link.shop_id) : null;
  return {
    kind: link.kind,
    email: link.email,
    shop: shop && { id: shop.id, name: shop.name },
    role: link.role,
    accountExists: Boolean(await accounts.get(read, link.email)),
    expiresAt: iso(link.expires_at),
  };
}

/**
 * Uses a one-time link, once. An invitation joins the shop: a new account sets its password, an existing one confirms with
 * its current password (an invitation never changes someone's password). A reset sets the new password and ends every other
 * session of the person. Either way the person is signed in.
 */
export async function acceptLink(services: Services, token: string, password: string): Promise<string> {
  const tokenHash = digest(token);
  const now = services.now();
  const link = await links.live(services.driver.read, tokenHash, now);
  if (!link) throw new ApiError("not_found", "this link has been used or has expired: ask for a new one");
  const account = await accounts.get(services.driver.read, link.email);
  const settingPassword = link.kind === "reset" || !account;
  if (settingPassword && password.length < MIN_PASSWORD)
    throw new ApiError("invalid_request", `a console password needs at least ${MIN_PASSWORD} characters`);
  if (!settingPassword && !(account && (await verifyPassword(password, account.password_hash))))
    throw new ApiError("forbidden", "the password is not right: use the one you sign in with");
  const hash = settingPassword ? await hashPassword(password) : null;
  return services.driver.transaction(async (tx) => {
    if (!(await links.live(tx, tokenHash, now, true)) || !(await links.use(tx, tokenHash, now)))
      throw new ApiError("not_found", "this link has been used or has expired: ask for a new one");
    if (hash && !(await accounts.setPassword(tx, link.email, hash))) await accounts.create(tx, link.email, hash, now);
    if (link.kind === "reset") {
      await sessions.endAllOf(tx, link.email);
      const shops = await memberships.ofAccount(tx, link.email);
      for (const { shop_id } of shops) await auditLog.record(tx, { shopId: shop_id, actor: link.email, action: "password.reset", at: now });
      const chosen = shops.find((shop) => shop.shop_id === account?.last_shop_id) ?? (shops.length === 1 ? shops[0] : undefined);
      return openSession(services, tx, link.email, chosen?.shop_id ?? null);
    }
    if (!link.shop_id || !link.role || !(await services.shops.get(link.shop_id)))
      throw new ApiError("not_found", "the shop of this invitation is gone");
    await memberships.upsert(tx, link.shop_id, link.email, link.role, now);
    await auditLog.record(tx, { shopId: link.shop_id, actor: link.email, action: "marketer.joined", details: { role: link.role }, at: now });
    return openSession(services, tx, link.email, link.shop_id);
  });
}
