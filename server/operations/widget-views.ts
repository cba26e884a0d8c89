/** A member's part of the widget's answers as JSON, with what it was rendered from (checked on every use). */
export interface MemberView {
  /** The customer's `version` and `created_at` when it was rendered: every write bumps the one, an erasure changes the other. */
  version: number;
  createdAt: number;
  /** The shop's configuration version it was rendered under. */
  shopVersion: number;
  /** When it was rendered: redrawn at least once a minute, so that points ageing out of the tier window show. */
  at: number;
  json: string;
  tierId: string;
  /** The storage's change counter when the view was last checked against the customer's row (SQLite; see Driver). */
  checkedAt?: number;
}

const MAX_MEMBER_VIEWS = 50_000;

/**
 * The members' rendered views, one store per app (not per module): an app serving another database in the same process never
 * sees another's. The oldest-used goes first beyond 50,000.
 */
export class WidgetViews {
  private readonly members = new Map<string, MemberView>();

  /** The view last rendered for the customer, whether it still holds or not. */
  get(shopId: string, customerId: string): MemberView | undefined {
    return this.members.get(`${shopId}\u0000${customerId}`);
  }

  /** Keeps a freshly rendered view as the newest. */
  set(shopId: string, customerId: string, view: MemberView) {
    const key = `${shopId}\u0000${customerId}`;
    this.members.delete(key);
    if (this.members.size >= MAX_MEMBER_VIEWS) this.members.delete(this.members.keys().next().value as string);
    this.members.set(key, view);
  }
}
