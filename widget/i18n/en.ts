/** English texts, one per line in the order of `textKeys` (keys.ts). */
export const en = `Home
Earn
Rewards
Invite
Activity
Close
Sections
Your balance
{p} to go for your next reward
{p} to go
You can redeem a reward now!
{p} to your next reward
Progress to your next reward
{t} tier
{p} to go for {t} tier
{t}: {n} left
{p} per {m} spent
In our physical stores too
{n}x points
Invite a friend and earn {p}
Redeem
Redeem “{t}” for {p}?
Confirm
Cancel
Redeeming…
Your code
Copy
Copied
Valid until {t}
Try again
You don't have enough points for this reward.
This reward is no longer available.
No connection. Nothing was lost: please try again.
Your session has expired. Please sign in again.
Something went wrong. Please try again.
Your invite link
Share
Email
Join me at {t}: {n}
Your friend gets {t}
You get {p} after their first order
{n} visits · {t} friends ordered · {p}
{m} off
{n}% off
free shipping
{t} on orders from {m}
A friend gives you {t}
Show more
No activity yet.
Purchase
Reward redeemed
Refund
Adjustment
Friend invited
Points expired
Join
Sign in
Join for free and earn points on every order.
{n} h {t} min
{t} min`;
