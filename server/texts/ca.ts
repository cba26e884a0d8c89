import type { WidgetTexts } from "../../contract/widget.ts";

/**
 * The widget's Catalan texts by key: the same keys and placeholders as Spanish (es.ts says what they mean). A date follows
 * "el dia" ("el dia 1 de març"), which reads right whatever the day, where a bare article would have to be "l’1", "l’11" but
 * "el 2"; for the same reason times and date ranges do not put "de" before a placeholder.
 */
export const ca: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": { one: "Et falta {points}", many: "Et falten {points}", other: "Et falten {points}" },
  "launcher.ready": "Ja pots bescanviar {reward}",
  "launcher.failed": "No s’ha pogut obrir. Torna-ho a provar.",

  // the panel's frame
  "panel.close": "Tanca",
  "panel.sections": "Seccions",
  "panel.balance": "El teu saldo",
  "tab.home": "Inici",
  "tab.earn": "Guanya",
  "tab.rewards": "Premis",
  "tab.referral": "Convida",
  "tab.activity": "Historial",

  // home
  "home.ready": "Ja pots bescanviar {reward}!",
  "home.seeRewards": "Mira els premis",
  "home.toNext": {
    one: "Et falta {points} per aconseguir {reward}",
    many: "Et falten {points} per aconseguir {reward}",
    other: "Et falten {points} per aconseguir {reward}",
  },
  "home.progress": "Progrés cap a {reward}",
  "home.negative": "Deus {points}: una devolució ha retirat punts que ja havies bescanviat. Les teves properes compres ho compensaran primer.",
  "home.summaryTitle": "Com funciona",
  "pending.points": { one: "{points} pendent", many: "{points} pendents", other: "{points} pendents" },
  "pending.until": "S’afegiran al teu saldo el dia {date}, quan acabi el termini de devolució.",
  "pending.why": "S’afegiran al teu saldo quan acabi el termini de devolució.",
  "expiry.notice": {
    one: "{points} caduca el dia {date} si abans no sumes més punts.",
    many: "{points} caduquen el dia {date} si abans no sumes més punts.",
    other: "{points} caduquen el dia {date} si abans no sumes més punts.",
  },
  "tier.current": "Nivell {tier}",
  "tier.next": {
    one: "Et falta {points} per arribar al nivell {tier}",
    many: "Et falten {points} per arribar al nivell {tier}",
    other: "Et falten {points} per arribar al nivell {tier}",
  },
  "tier.progress": "Progrés cap al nivell {tier}",

  // guests
  "guest.title": "Guanya punts amb cada compra",
  "guest.text": "Uneix-te gratis i bescanvia’ls per descomptes.",
  "guest.join": "Uneix-te gratis",
  "guest.signIn": "Inicia la sessió",
  "guest.redeem": "Uneix-te o inicia la sessió per bescanviar premis.",

  // bonus campaigns
  "campaign.multiplier": "Punts x{multiplier}",
  "campaign.endsIn": "Acaba d’aquí a {time}",
  "campaign.weekly": "Cada {days}, {start}–{end}",
  "campaign.dates": "Del dia {start} al dia {end}",
  "campaign.next": "Properament",
  "campaign.zone": "({zone})",
  "time.days": { one: "{count} dia i {hours} h", many: "{count} dies i {hours} h", other: "{count} dies i {hours} h" },
  "time.hours": "{hours} h {minutes} min",
  "time.minutes": "{minutes} min",

  // ways to earn
  "earn.heading": "Maneres de guanyar punts",
  "earn.purchase": "Fes una comanda",
  "earn.perAmount": "{points} per cada {amount}",
  "earn.store": "A la botiga en línia i a les nostres botigues físiques",
  "earn.referral": "Convida un amic",
  "earn.referralDetail": "Quan faci la seva primera comanda",
  "earn.tiers": "Nivells",
  "earn.tiersNote": {
    one: "Segons els punts guanyats l’últim dia.",
    many: "Segons els punts guanyats els últims {count} dies.",
    other: "Segons els punts guanyats els últims {count} dies.",
  },
  "earn.tierFrom": "A partir de {points}",
  "earn.points": "+{points}",
  "earn.terms": "Condicions del programa",
  "action.signup": "Crea el teu compte",
  "action.birthday": "El teu aniversari",
  "action.newsletter": "Subscriu-te al butlletí",
  "action.social_follow": "Segueix-nos a les xarxes socials",
  "action.review": "Escriu una ressenya",
  "action.feedback": "Valora la teva comanda",
  "action.custom": "Acció especial",
  "limit.ever": { one: "Una vegada", many: "Fins a {count} vegades", other: "Fins a {count} vegades" },
  "limit.year": { one: "Una vegada l’any", many: "Fins a {count} vegades l’any", other: "Fins a {count} vegades l’any" },
  "limit.month": { one: "Una vegada al mes", many: "Fins a {count} vegades al mes", other: "Fins a {count} vegades al mes" },
  "limit.day": { one: "Una vegada al dia", many: "Fins a {count} vegades al dia", other: "Fins a {count} vegades al dia" },

  // rewards (what an offer gives, said inside a sentence: "Un amic et regala {offer}")
  "reward.amount_off": "{amount} de descompte",
  "reward.percent_off": "{percent} de descompte",
  "reward.free_shipping": "enviament gratuït",
  "reward.free_product": "un producte gratuït",
  "reward.minimum": "En comandes a partir de {amount}",
  "reward.available": "Disponible",
  "reward.toGo": { one: "Et falta {points}", many: "Et falten {points}", other: "Et falten {points}" },
  "reward.tierOnly": "Només nivell {tier}",
  "reward.redeem": "Bescanvia",
  "reward.confirm": "Vols bescanviar {reward} per {points}?",
  "reward.after": { one: "Et quedarà {points}.", many: "Et quedaran {points}.", other: "Et quedaran {points}." },
  "reward.yes": "Sí, bescanvia",
  "reward.cancel": "Cancel·la",
  "reward.busy": "S’està bescanviant…",
  "reward.done": "Fet! Aquí tens el teu codi.",
  "reward.retry": "Torna-ho a provar",
  "rewards.empty": "Encara no hi ha premis.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "Els teus codis",
  "code.copy": "Copia",
  "code.copied": "Copiat",
  "code.expires": "Vàlid fins al dia {date}",
  "code.apply": "Aplica a la cistella",
  "code.applied": "Enviat a la cistella",
  "welcome.title": "Un amic et regala {offer}",
  "welcome.hint": "Fes-lo servir a la teva primera comanda.",

  // referral
  "referral.title": "Regala {offer} i guanya {points}",
  "referral.how": "El teu amic rep {offer} per a la seva primera comanda, i tu guanyes {points} quan la faci.",
  "referral.link": "El teu enllaç per convidar",
  "referral.share": "Comparteix",
  "referral.shareText": "Et convido a descobrir {shop}: {link}",
  "referral.visits": { one: "{count} visita", many: "{count} visites", other: "{count} visites" },
  "referral.friends": { one: "{count} amic ha comprat", many: "{count} amics han comprat", other: "{count} amics han comprat" },
  "referral.earned": { one: "{points} guanyat", many: "{points} guanyats", other: "{points} guanyats" },

  // activity
  "activity.empty": "Encara no hi ha moviments.",
  "activity.more": "Mostra’n més",
  "entry.earn": "Compra",
  "entry.redeem": "Premi bescanviat",
  "entry.refund": "Devolució",
  "entry.adjustment": "Ajust",
  "entry.referral": "Amic convidat",
  "entry.referral_reversal": "Devolució de la comanda d’un amic",
  "entry.expiry": "Punts caducats",
  "entry.action": "Punts extra",
  "entry.import": "Saldo portat d’un altre programa",
  "entry.raffle_entry": "Participació en un sorteig",
  "entry.raffle_refund": "Sorteig cancel·lat: punts retornats",
  "entry.other": "Moviment de punts",
  "activity.pending": "Pendents fins al dia {date}",

  // raffles (contract 7.4): raffle.terms and raffle.<status> are written by the endpoint
  "raffle.heading": "Sortejos",
  "raffle.terms": "Premi: {prize}. {points} per participació, fins a {max} per persona.",
  "raffle.upcoming": "S’obre el {date}",
  "raffle.open": "Es tanca el {date}",
  "raffle.closed": "Tancat: el sorteig es fa aviat",
  "raffle.drawn": "Sortejat el {date}",
  "raffle.cancelled": "Cancel·lat: s’han retornat els punts de cada participació",
  "raffle.mine": {
    one: "Tens {count} participació de {max}",
    many: "Tens {count} participacions de {max}",
    other: "Tens {count} participacions de {max}",
  },
  "raffle.won": "Has guanyat aquest sorteig! Si el premi és un codi, el tens a l’inici.",
  "raffle.lost": "Aquesta vegada no hi ha hagut sort.",
  "raffle.enter": "Participar",
  "raffle.again": "Tornar a participar",
  "raffle.busy": "Participant…",
  "raffle.short": { one: "Et falta {points} per participar", many: "Et falten {points} per participar", other: "Et falten {points} per participar" },
  "feedback.stars": { one: "{count} estrella", many: "{count} estrelles", other: "{count} estrelles" },

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Rebre recordatoris i ofertes del programa",
  "consent.hint": "Avisos de punts a punt de caducar, novetats i ofertes. Ho pots canviar quan vulguis.",

  // errors and announcements to screen readers
  "error.unauthorized": "La teva sessió ha caducat. Torna a iniciar la sessió.",
  "error.network_error": "No hi ha connexió. No s’ha perdut res: torna-ho a provar.",
  "error.insufficient_points": "No tens prou punts per a aquest premi.",
  "error.reward_unavailable": "Aquest premi ja no està disponible.",
  "error.rate_limited": "Massa intents seguits. Espera un moment i torna-ho a provar.",
  "error.failed": "Alguna cosa ha fallat. Torna-ho a provar.",
  "live.balance": "El teu saldo: {points}",
};
