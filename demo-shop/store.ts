import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { OrderResult } from "../contract/index.ts";
import type { Cents } from "./money.ts";

/** A shopper account of the demo shop (the seeded ones, and any created on the sign-in page). */
export interface Account {
  id: string;
  name: string;
  email: string;
}

/** An order as the shop keeps it: what was bought and what the loyalty endpoint answered. */
export interface ShopOrder {
  id: string;
  customerId: string;
  channel: "online" | "store";
  placedAt: string;
  lines: { slug: string; quantity: number; total: Cents }[];
  goods: Cents;
  discount: Cents;
  subtotal: Cents;
  shipping: Cents;
  total: Cents;
  code: string | null;
  referralCode: string | null;
  /** The endpoint's answer; null if it could not be reached when the order was placed. */
  loyalty: OrderResult | null;
  refunds: { id: string; amount: Cents; pointsReversed: number; at: string }[];
}

interface Book {
  accounts: Account[];
  orders: ShopOrder[];
}

/**
 * The demo shop's own records, as any shop has its own database: accounts and orders, in one JSON
 * file written atomically (a temporary file renamed over the old one).
 */
export class ShopStore {
  private book: Book;

  constructor(private readonly file: string | null) {
    this.book = file && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Book) : { accounts: [], orders: [] };
  }

  accounts(): readonly Account[] {
    return this.book.accounts;
  }

  account(id: string): Account | undefined {
    return this.book.accounts.find((account) => account.id === id);
  }

  addAccount(account: Account) {
    if (!this.account(account.id)) this.book.accounts.push(account);
    this.save();
  }

  ordersOf(customerId: string): ShopOrder[] {
    return this.book.orders.filter((order) => order.customerId === customerId).sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  }

  order(id: string): ShopOrder | undefined {
    return this.book.orders.find((order) => order.id === id);
  }

  addOrder(order: ShopOrder) {
    this.book.orders.push(order);
    this.save();
  }

  addRefund(orderId: string, refund: ShopOrder["refunds"][number]) {
    this.order(orderId)?.refunds.push(refund);
    this.save();
  }

  private save() {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.book, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
  }
}

/** What is left to refund of an order, in cents. */
export const refundable = (order: ShopOrder): Cents => order.subtotal - order.refunds.reduce((sum, refund) => sum + refund.amount, 0);
