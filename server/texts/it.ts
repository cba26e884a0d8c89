import type { WidgetTexts } from "../../contract/widget.ts";

/**
 * The widget's Italian texts by key: the same keys and placeholders as Spanish (es.ts says what they mean). No article or
 * preposition sits right before a date ("il giorno {date}", "Scadenza: {date}"): "il 1" and "dal 8" would be wrong where
 * "l’1" and "dall’8" are right.
 */
export const it: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": { one: "Ti manca {points}", many: "Ti mancano {points}", other: "Ti mancano {points}" },
  "launcher.ready": "Ora puoi riscattare {reward}",
  "launcher.failed": "Impossibile aprire. Riprova.",

  // the panel's frame
  "panel.close": "Chiudi",
  "panel.sections": "Sezioni",
  "panel.balance": "Il tuo saldo",
  "tab.home": "Home",
  "tab.earn": "Guadagna",
  "tab.rewards": "Premi",
  "tab.referral": "Invita",
  "tab.activity": "Movimenti",

  // home
  "home.ready": "Ora puoi riscattare {reward}!",
  "home.seeRewards": "Vedi i premi",
  "home.toNext": {
    one: "Ti manca {points} per {reward}",
    many: "Ti mancano {points} per {reward}",
    other: "Ti mancano {points} per {reward}",
  },
  "home.progress": "Avanzamento verso {reward}",
  "home.negative":
    "Devi {points}: un reso ha tolto punti che avevi già riscattato. I tuoi prossimi acquisti serviranno prima di tutto a compensarli.",
  "home.summaryTitle": "Come funziona",
  "pending.points": "{points} in attesa",
  "pending.until": "Si aggiungeranno al tuo saldo il giorno {date}, alla fine del periodo di reso.",
  "pending.why": "Si aggiungeranno al tuo saldo alla fine del periodo di reso.",
  "expiry.notice": {
    one: "{points} scade il giorno {date} se prima non accumuli altri punti.",
    many: "{points} scadono il giorno {date} se prima non accumuli altri punti.",
    other: "{points} scadono il giorno {date} se prima non accumuli altri punti.",
  },
  "tier.current": "Livello {tier}",
  "tier.next": {
    one: "Ti manca {points} per il livello {tier}",
    many: "Ti mancano {points} per il livello {tier}",
    other: "Ti mancano {points} per il livello {tier}",
  },
  "tier.progress": "Avanzamento verso il livello {tier}",

  // guests
  "guest.title": "Guadagna punti a ogni acquisto",
  "guest.text": "Iscriviti gratis e convertili in sconti.",
  "guest.join": "Iscriviti gratis",
  "guest.signIn": "Accedi",
  "guest.redeem": "Iscriviti o accedi per riscattare i premi.",

  // bonus campaigns
  "campaign.multiplier": "Punti x{multiplier}",
  "campaign.endsIn": "Termina tra {time}",
  "campaign.weekly": "Ogni {days}, dalle {start} alle {end}",
  "campaign.dates": "{start} – {end}",
  "campaign.next": "Prossimamente",
  "campaign.zone": "({zone})",
  "time.days": { one: "{count} giorno e {hours} h", many: "{count} giorni e {hours} h", other: "{count} giorni e {hours} h" },
  "time.hours": "{hours} h {minutes} min",
  "time.minutes": "{minutes} min",

  // ways to earn
  "earn.heading": "Come guadagnare punti",
  "earn.purchase": "Fai un ordine",
  "earn.perAmount": "{points} ogni {amount} di spesa",
  "earn.store": "Online e nei nostri negozi",
  "earn.referral": "Invita un amico",
  "earn.referralDetail": "Quando fa il suo primo ordine",
  "earn.tiers": "Livelli",
  "earn.tiersNote": {
    one: "In base ai punti guadagnati nell’ultimo giorno.",
    many: "In base ai punti guadagnati negli ultimi {count} giorni.",
    other: "In base ai punti guadagnati negli ultimi {count} giorni.",
  },
  "earn.tierFrom": "Da {points}",
  "earn.points": "+{points}",
  "earn.terms": "Regolamento del programma",
  "action.signup": "Crea il tuo account",
  "action.birthday": "Il tuo compleanno",
  "action.newsletter": "Iscriviti alla newsletter",
  "action.social_follow": "Seguici sui social",
  "action.review": "Scrivi una recensione",
  "action.feedback": "Valuta il tuo ordine",
  "action.custom": "Azione speciale",
  "limit.ever": { one: "Una volta", many: "Fino a {count} volte", other: "Fino a {count} volte" },
  "limit.year": { one: "Una volta all’anno", many: "Fino a {count} volte all’anno", other: "Fino a {count} volte all’anno" },
  "limit.month": { one: "Una volta al mese", many: "Fino a {count} volte al mese", other: "Fino a {count} volte al mese" },
  "limit.day": { one: "Una volta al giorno", many: "Fino a {count} volte al giorno", other: "Fino a {count} volte al giorno" },

  // rewards (what an offer gives, said inside a sentence: "Un amico ti regala {offer}")
  "reward.amount_off": "{amount} di sconto",
  "reward.percent_off": "{percent} di sconto",
  "reward.free_shipping": "la spedizione gratuita",
  "reward.free_product": "un prodotto gratuito",
  "reward.minimum": "Per ordini da {amount}",
  "reward.available": "Disponibile",
  "reward.toGo": { one: "Ti manca {points}", many: "Ti mancano {points}", other: "Ti mancano {points}" },
  "reward.tierOnly": "Solo livello {tier}",
  "reward.redeem": "Riscatta",
  "reward.confirm": "Vuoi riscattare {reward} per {points}?",
  "reward.after": { one: "Ti resterà {points}.", many: "Ti resteranno {points}.", other: "Ti resteranno {points}." },
  "reward.yes": "Sì, riscatta",
  "reward.cancel": "Annulla",
  "reward.busy": "Riscatto in corso…",
  "reward.done": "Fatto! Ecco il tuo codice.",
  "reward.retry": "Riprova",
  "rewards.empty": "Ancora nessun premio.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "I tuoi codici",
  "code.copy": "Copia",
  "code.copied": "Copiato",
  "code.expires": "Scadenza: {date}",
  "code.apply": "Applica al carrello",
  "code.applied": "Inviato al carrello",
  "welcome.title": "Un amico ti regala {offer}",
  "welcome.hint": "Usalo per il tuo primo ordine.",

  // referral
  "referral.title": "Regala {offer} e guadagna {points}",
  "referral.how": "Il tuo amico riceve {offer} sul primo ordine, e tu guadagni {points} quando lo effettua.",
  "referral.link": "Il tuo link di invito",
  "referral.share": "Condividi",
  "referral.shareText": "Ti invito a scoprire {shop}: {link}",
  "referral.visits": { one: "{count} visita", many: "{count} visite", other: "{count} visite" },
  "referral.friends": { one: "{count} amico ha acquistato", many: "{count} amici hanno acquistato", other: "{count} amici hanno acquistato" },
  "referral.earned": { one: "{points} guadagnato", many: "{points} guadagnati", other: "{points} guadagnati" },

  // activity
  "activity.empty": "Ancora nessun movimento.",
  "activity.more": "Mostra altro",
  "entry.earn": "Acquisto",
  "entry.redeem": "Premio riscattato",
  "entry.refund": "Reso",
  "entry.adjustment": "Rettifica",
  "entry.referral": "Amico invitato",
  "entry.referral_reversal": "Reso dell’ordine di un amico",
  "entry.expiry": "Punti scaduti",
  "entry.action": "Punti extra",
  "entry.import": "Saldo trasferito da un altro programma",
  "entry.raffle_entry": "Partecipazione a un’estrazione",
  "entry.raffle_refund": "Estrazione annullata: punti restituiti",
  "entry.other": "Movimento punti",
  "activity.pending": "In attesa fino al giorno {date}",

  // raffles (contract 7.4): raffle.terms and raffle.<status> are written by the endpoint
  "raffle.heading": "Estrazioni",
  "raffle.terms": "Premio: {prize}. {points} per partecipazione, fino a {max} a persona.",
  "raffle.upcoming": "Apre il {date}",
  "raffle.open": "Chiude il {date}",
  "raffle.closed": "Chiusa: l’estrazione avverrà a breve",
  "raffle.drawn": "Estratta il {date}",
  "raffle.cancelled": "Annullata: i punti di ogni partecipazione sono stati restituiti",
  "raffle.mine": {
    one: "Hai {count} partecipazione su {max}",
    many: "Hai {count} partecipazioni su {max}",
    other: "Hai {count} partecipazioni su {max}",
  },
  "raffle.won": "Hai vinto questa estrazione! Se il premio è un codice, lo trovi nella tua home.",
  "raffle.lost": "Questa volta non è andata.",
  "raffle.enter": "Partecipa",
  "raffle.again": "Partecipa di nuovo",
  "raffle.busy": "Invio…",
  "raffle.short": {
    one: "Ti manca {points} per partecipare",
    many: "Ti mancano {points} per partecipare",
    other: "Ti mancano {points} per partecipare",
  },
  "feedback.stars": { one: "{count} stella", many: "{count} stelle", other: "{count} stelle" },

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Ricevere promemoria e offerte del programma",
  "consent.hint": "Avvisi sui punti in scadenza, novità e offerte. Puoi cambiarlo quando vuoi.",

  // errors and announcements to screen readers
  "error.unauthorized": "La tua sessione è scaduta. Accedi di nuovo.",
  "error.network_error": "Nessuna connessione. Non hai perso nulla: riprova.",
  "error.insufficient_points": "Non hai abbastanza punti per questo premio.",
  "error.reward_unavailable": "Questo premio non è più disponibile.",
  "error.rate_limited": "Troppi tentativi di seguito. Aspetta un momento e riprova.",
  "error.failed": "Qualcosa è andato storto. Riprova.",
  "live.balance": "Il tuo saldo: {points}",
};
