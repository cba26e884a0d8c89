import type { WidgetTexts } from "../../contract/widget.ts";

/** The widget's English texts by key: the same keys and placeholders as Spanish (es.ts says what they mean). */
export const en: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": "{points} to go",
  "launcher.ready": "You can redeem {reward} now",
  "launcher.failed": "This didn't open. Please try again.",

  // the panel's frame
  "panel.close": "Close",
  "panel.sections": "Sections",
  "panel.balance": "Your balance",
  "tab.home": "Home",
  "tab.earn": "Earn",
  "tab.rewards": "Rewards",
  "tab.referral": "Invite",
  "tab.activity": "Activity",

  // home
  "home.ready": "You can redeem {reward} now!",
  "home.seeRewards": "See rewards",
  "home.toNext": "{points} to go for {reward}",
  "home.progress": "Progress to {reward}",
  "home.negative": "You owe {points}: a refund took back points you had already redeemed. Your next orders make up for it first.",
  "home.summaryTitle": "How it works",
  "pending.points": "{points} pending",
  "pending.until": "They join your balance on {date}, when the return window closes.",
  "pending.why": "They join your balance when the return window closes.",
  "expiry.notice": {
    one: "{points} expires on {date} unless you earn more before then.",
    other: "{points} expire on {date} unless you earn more before then.",
  },
  "tier.current": "{tier} tier",
  "tier.next": "{points} to go for {tier} tier",
  "tier.progress": "Progress to {tier} tier",

  // guests
  "guest.title": "Earn points on every order",
  "guest.text": "Join for free and turn them into discounts.",
  "guest.join": "Join for free",
  "guest.signIn": "Sign in",
  "guest.redeem": "Join or sign in to redeem rewards.",

  // bonus campaigns
  "campaign.multiplier": "{multiplier}x points",
  "campaign.endsIn": "Ends in {time}",
  "campaign.weekly": "Every {days}, {start}–{end}",
  "campaign.dates": "{start} to {end}",
  "campaign.next": "Coming up",
  "campaign.zone": "({zone})",
  "time.days": { one: "{count} day {hours} h", other: "{count} days {hours} h" },
  "time.hours": "{hours} h {minutes} min",
  "time.minutes": "{minutes} min",

  // ways to earn
  "earn.heading": "Ways to earn points",
  "earn.purchase": "Place an order",
  "earn.perAmount": "{points} for every {amount} you spend",
  "earn.store": "Online and in our shops",
  "earn.referral": "Invite a friend",
  "earn.referralDetail": "When they place their first order",
  "earn.tiers": "Tiers",
  "earn.tiersNote": { one: "Based on the points you earned in the last day.", other: "Based on the points you earned in the last {count} days." },
  "earn.tierFrom": "From {points}",
  "earn.points": "+{points}",
  "earn.terms": "Program terms",
  "action.signup": "Create your account",
  "action.birthday": "Your birthday",
  "action.newsletter": "Subscribe to our newsletter",
  "action.social_follow": "Follow us on social media",
  "action.review": "Write a review",
  "action.feedback": "Rate your order",
  "action.custom": "Special action",
  "limit.ever": { one: "Once", other: "Up to {count} times" },
  "limit.year": { one: "Once a year", other: "Up to {count} times a year" },
  "limit.month": { one: "Once a month", other: "Up to {count} times a month" },
  "limit.day": { one: "Once a day", other: "Up to {count} times a day" },

  // rewards (what an offer gives, said inside a sentence: "A friend gives you {offer}")
  "reward.amount_off": "{amount} off",
  "reward.percent_off": "{percent} off",
  "reward.free_shipping": "free shipping",
  "reward.free_product": "a free product",
  "reward.minimum": "On orders from {amount}",
  "reward.available": "Available",
  "reward.toGo": "{points} to go",
  "reward.tierOnly": "{tier} tier only",
  "reward.redeem": "Redeem",
  "reward.confirm": "Redeem {reward} for {points}?",
  "reward.after": "You'll have {points} left.",
  "reward.yes": "Yes, redeem",
  "reward.cancel": "Cancel",
  "reward.busy": "Redeeming…",
  "reward.done": "Done! Here is your code.",
  "reward.retry": "Try again",
  "rewards.empty": "No rewards yet.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "Your codes",
  "code.copy": "Copy",
  "code.copied": "Copied",
  "code.expires": "Valid until {date}",
  "code.apply": "Apply to cart",
  "code.applied": "Sent to your cart",
  "welcome.title": "A friend gives you {offer}",
  "welcome.hint": "Use it on your first order.",

  // referral
  "referral.title": "Give {offer}, get {points}",
  "referral.how": "Your friend gets {offer} on their first order, and you get {points} when they place it.",
  "referral.link": "Your invite link",
  "referral.share": "Share",
  "referral.shareText": "Join me at {shop}: {link}",
  "referral.visits": { one: "{count} visit", other: "{count} visits" },
  "referral.friends": { one: "{count} friend ordered", other: "{count} friends ordered" },
  "referral.earned": "{points} earned",

  // activity
  "activity.empty": "No activity yet.",
  "activity.more": "Show more",
  "entry.earn": "Purchase",
  "entry.redeem": "Reward redeemed",
  "entry.refund": "Refund",
  "entry.adjustment": "Adjustment",
  "entry.referral": "Friend invited",
  "entry.referral_reversal": "A friend's order refunded",
  "entry.expiry": "Points expired",
  "entry.action": "Bonus points",
  "entry.import": "Balance brought from another program",
  "entry.raffle_entry": "Raffle entry",
  "entry.raffle_refund": "Raffle cancelled: points returned",
  "entry.other": "Points",
  "activity.pending": "Pending until {date}",

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Get reminders and offers from the program",
  "consent.hint": "Points about to expire, news and offers. You can change this at any time.",

  // errors and announcements to screen readers
  "error.unauthorized": "Your session has expired. Please sign in again.",
  "error.network_error": "No connection. Nothing was lost: please try again.",
  "error.insufficient_points": "You don't have enough points for this reward.",
  "error.reward_unavailable": "This reward is no longer available.",
  "error.rate_limited": "Too many attempts in a row. Please wait a moment and try again.",
  "error.failed": "Something went wrong. Please try again.",
  "live.balance": "Your balance: {points}",
};
