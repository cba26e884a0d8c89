import type { WidgetTexts } from "../../contract/widget.ts";

/**
 * The widget's German texts by key: the same keys and placeholders as Spanish (es.ts says what they mean). An offer
 * ("reward.*") reads the same as subject and as object ("Gratisversand", "ein Gratisprodukt", "5 € Rabatt").
 */
export const de: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": "Noch {points}",
  "launcher.ready": "Jetzt einlösbar: {reward}",
  "launcher.failed": "Das hat nicht geklappt. Versuch es noch einmal.",

  // the panel's frame
  "panel.close": "Schließen",
  "panel.sections": "Bereiche",
  "panel.balance": "Dein Punktestand",
  "tab.home": "Start",
  "tab.earn": "Sammeln",
  "tab.rewards": "Prämien",
  "tab.referral": "Einladen",
  "tab.activity": "Verlauf",

  // home
  "home.ready": "Du kannst jetzt {reward} einlösen!",
  "home.seeRewards": "Prämien ansehen",
  "home.toNext": "Noch {points} bis {reward}",
  "home.progress": "Fortschritt bis {reward}",
  "home.negative":
    "Dein Punktestand ist im Minus: {points}. Eine Rückerstattung hat Punkte abgezogen, die du schon eingelöst hattest. Deine nächsten Einkäufe gleichen das zuerst aus.",
  "home.summaryTitle": "So funktioniert’s",
  "pending.points": "{points} ausstehend",
  "pending.until": "Sie werden deinem Punktestand am {date} gutgeschrieben, wenn die Rückgabefrist abgelaufen ist.",
  "pending.why": "Sie werden deinem Punktestand gutgeschrieben, sobald die Rückgabefrist abgelaufen ist.",
  "expiry.notice": {
    one: "{points} verfällt am {date}, wenn du bis dahin keine neuen Punkte sammelst.",
    other: "{points} verfallen am {date}, wenn du bis dahin keine neuen Punkte sammelst.",
  },
  "tier.current": "Stufe {tier}",
  "tier.next": "Noch {points} bis Stufe {tier}",
  "tier.progress": "Fortschritt bis Stufe {tier}",

  // guests
  "guest.title": "Sammle bei jedem Einkauf Punkte",
  "guest.text": "Mach kostenlos mit und löse sie gegen Rabatte ein.",
  "guest.join": "Kostenlos mitmachen",
  "guest.signIn": "Anmelden",
  "guest.redeem": "Mach mit oder melde dich an, um Prämien einzulösen.",

  // bonus campaigns
  "campaign.multiplier": "{multiplier}-fache Punkte",
  "campaign.endsIn": "Läuft noch {time}",
  "campaign.weekly": "Jeden {days} von {start} bis {end} Uhr",
  "campaign.dates": "Vom {start} bis zum {end}",
  "campaign.next": "Demnächst",
  "campaign.zone": "({zone})",
  "time.days": { one: "{count} Tag und {hours} Std.", other: "{count} Tage und {hours} Std." },
  "time.hours": "{hours} Std. {minutes} Min.",
  "time.minutes": "{minutes} Min.",

  // ways to earn
  "earn.heading": "So sammelst du Punkte",
  "earn.purchase": "Bestell bei uns",
  "earn.perAmount": "{points} pro {amount} Einkaufswert",
  "earn.store": "Online und in unseren Läden",
  "earn.referral": "Lade Freunde ein",
  "earn.referralDetail": "Bei ihrer ersten Bestellung",
  "earn.tiers": "Stufen",
  "earn.tiersNote": { one: "Maßgeblich sind die Punkte des letzten Tages.", other: "Maßgeblich sind die Punkte der letzten {count} Tage." },
  "earn.tierFrom": "Ab {points}",
  "earn.points": "+{points}",
  "earn.terms": "Teilnahmebedingungen",
  "action.signup": "Erstelle dein Konto",
  "action.birthday": "Dein Geburtstag",
  "action.newsletter": "Abonniere unseren Newsletter",
  "action.social_follow": "Folge uns in den sozialen Medien",
  "action.review": "Schreib eine Bewertung",
  "action.feedback": "Bewerte deine Bestellung",
  "action.custom": "Sonderaktion",
  "limit.ever": { one: "Einmal", other: "Bis zu {count}-mal" },
  "limit.year": { one: "Einmal im Jahr", other: "Bis zu {count}-mal im Jahr" },
  "limit.month": { one: "Einmal im Monat", other: "Bis zu {count}-mal im Monat" },
  "limit.day": { one: "Einmal am Tag", other: "Bis zu {count}-mal am Tag" },

  // rewards (what an offer gives, said inside a sentence: "Ein Freund schenkt dir {offer}")
  "reward.amount_off": "{amount} Rabatt",
  "reward.percent_off": "{percent} Rabatt",
  "reward.free_shipping": "Gratisversand",
  "reward.free_product": "ein Gratisprodukt",
  "reward.minimum": "Ab {amount} Bestellwert",
  "reward.available": "Verfügbar",
  "reward.toGo": "Noch {points}",
  "reward.tierOnly": "Nur für Stufe {tier}",
  "reward.redeem": "Einlösen",
  "reward.confirm": "{reward} für {points} einlösen?",
  "reward.after": "Danach hast du noch {points}.",
  "reward.yes": "Ja, einlösen",
  "reward.cancel": "Abbrechen",
  "reward.busy": "Wird eingelöst…",
  "reward.done": "Geschafft! Hier ist dein Code.",
  "reward.retry": "Erneut versuchen",
  "rewards.empty": "Noch keine Prämien.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "Deine Codes",
  "code.copy": "Kopieren",
  "code.copied": "Kopiert",
  "code.expires": "Gültig bis zum {date}",
  "code.apply": "Im Warenkorb einlösen",
  "code.applied": "An den Warenkorb übergeben",
  "welcome.title": "Ein Freund schenkt dir {offer}",
  "welcome.hint": "Lös ihn bei deiner ersten Bestellung ein.",

  // referral
  "referral.title": "Schenk {offer} und erhalte {points}",
  "referral.how": "Deine Freunde erhalten {offer} auf ihre erste Bestellung, und du bekommst {points}, sobald sie bestellen.",
  "referral.link": "Dein Einladungslink",
  "referral.share": "Teilen",
  "referral.shareText": "Schau mal bei {shop} vorbei: {link}",
  "referral.visits": { one: "{count} Besuch", other: "{count} Besuche" },
  "referral.friends": { one: "{count} Freund hat bestellt", other: "{count} Freunde haben bestellt" },
  "referral.earned": "{points} gesammelt",

  // activity
  "activity.empty": "Noch keine Aktivitäten.",
  "activity.more": "Mehr anzeigen",
  "entry.earn": "Einkauf",
  "entry.redeem": "Prämie eingelöst",
  "entry.refund": "Rückerstattung",
  "entry.adjustment": "Korrektur",
  "entry.referral": "Freund eingeladen",
  "entry.referral_reversal": "Bestellung eines Freundes erstattet",
  "entry.expiry": "Punkte verfallen",
  "entry.action": "Bonuspunkte",
  "entry.import": "Punkte aus einem anderen Programm übernommen",
  "entry.raffle_entry": "Teilnahme an einer Verlosung",
  "entry.raffle_refund": "Verlosung abgesagt: Punkte zurückerstattet",
  "entry.other": "Punktebuchung",
  "activity.pending": "Ausstehend bis zum {date}",

  // raffles (contract 7.4): raffle.terms and raffle.<status> are written by the endpoint
  "raffle.heading": "Verlosungen",
  "raffle.terms": "Preis: {prize}. {points} pro Los, bis zu {max} Lose pro Person.",
  "raffle.upcoming": "Beginnt am {date}",
  "raffle.open": "Endet am {date}",
  "raffle.closed": "Geschlossen: die Ziehung folgt in Kürze",
  "raffle.drawn": "Gezogen am {date}",
  "raffle.cancelled": "Abgesagt: die Punkte für jedes Los wurden zurückgegeben",
  "raffle.mine": { one: "Du hast {count} von {max} Losen", other: "Du hast {count} von {max} Losen" },
  "raffle.won": "Du hast diese Verlosung gewonnen! Ist der Preis ein Code, findest du ihn unter „Start“.",
  "raffle.lost": "Diesmal hat es nicht geklappt.",
  "raffle.enter": "Teilnehmen",
  "raffle.again": "Noch ein Los",
  "raffle.busy": "Wird gesendet…",
  "raffle.short": "Noch {points} bis zur Teilnahme",
  "feedback.stars": { one: "{count} Stern", other: "{count} Sterne" },

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Erinnerungen und Angebote des Programms erhalten",
  "consent.hint": "Hinweise auf bald verfallende Punkte, Neuigkeiten und Angebote. Du kannst das jederzeit ändern.",

  // errors and announcements to screen readers
  "error.unauthorized": "Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.",
  "error.network_error": "Keine Verbindung. Es ist nichts verloren gegangen: Versuch es noch einmal.",
  "error.insufficient_points": "Du hast nicht genug Punkte für diese Prämie.",
  "error.reward_unavailable": "Diese Prämie ist nicht mehr verfügbar.",
  "error.rate_limited": "Zu viele Versuche hintereinander. Warte kurz und versuch es dann noch einmal.",
  "error.failed": "Etwas ist schiefgelaufen. Versuch es noch einmal.",
  "live.balance": "Dein Punktestand: {points}",
};
