import type { WidgetTexts } from "../../contract/widget.ts";

/**
 * The widget's Basque texts by key: the same keys and placeholders as Spanish (es.ts says what they mean). A placeholder never
 * takes a case ending (the right one depends on how its number or word is said), so dates, amounts and points stand in the
 * absolutive, often after a colon ("Iraungitze-data: {date}"); the verb agrees with the points ("zaizu", "zaizkizu").
 */
export const eu: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": { one: "{points} falta zaizu", other: "{points} falta zaizkizu" },
  "launcher.ready": "{reward} lor dezakezu orain",
  "launcher.failed": "Ezin izan da ireki. Saiatu berriro.",

  // the panel's frame
  "panel.close": "Itxi",
  "panel.sections": "Atalak",
  "panel.balance": "Zure saldoa",
  "tab.home": "Hasiera",
  "tab.earn": "Irabazi",
  "tab.rewards": "Sariak",
  "tab.referral": "Gonbidatu",
  "tab.activity": "Historia",

  // home
  "home.ready": "{reward} lor dezakezu orain!",
  "home.seeRewards": "Ikusi sariak",
  "home.toNext": { one: "{reward} lortzeko {points} falta zaizu", other: "{reward} lortzeko {points} falta zaizkizu" },
  "home.progress": "Aurrerapena: {reward}",
  "home.negative": {
    one: "{points} zor duzu: itzulketa batek dagoeneko trukatu zenituen puntuak kendu ditu. Zure hurrengo erosketekin konpentsatuko da lehenik.",
    other: "{points} zor dituzu: itzulketa batek dagoeneko trukatu zenituen puntuak kendu ditu. Zure hurrengo erosketekin konpentsatuko da lehenik.",
  },
  "home.summaryTitle": "Nola funtzionatzen du",
  "pending.points": "{points} zain",
  "pending.until": "Zure saldoan sartuko dira itzulketa-epea amaitzean. Data: {date}.",
  "pending.why": "Zure saldoan sartuko dira itzulketa-epea amaitzean.",
  "expiry.notice": {
    one: "Puntu gehiago irabazten ez baduzu, {points} iraungiko da data honetan: {date}.",
    other: "Puntu gehiago irabazten ez baduzu, {points} iraungiko dira data honetan: {date}.",
  },
  "tier.current": "{tier} maila",
  "tier.next": { one: "{tier} mailara iristeko {points} falta zaizu", other: "{tier} mailara iristeko {points} falta zaizkizu" },
  "tier.progress": "{tier} mailarako aurrerapena",

  // guests
  "guest.title": "Irabazi puntuak erosketa bakoitzean",
  "guest.text": "Egin bazkide doan eta bihurtu puntuak deskontu.",
  "guest.join": "Egin bazkide doan",
  "guest.signIn": "Hasi saioa",
  "guest.redeem": "Egin bazkide edo hasi saioa sariak lortzeko.",

  // bonus campaigns
  "campaign.multiplier": "Puntuak x{multiplier}",
  "campaign.endsIn": "{time} barru amaituko da",
  "campaign.weekly": "Astero, {days}: {start}–{end}",
  "campaign.dates": "{start} – {end}",
  "campaign.next": "Laster",
  "campaign.zone": "({zone})",
  "time.days": "{count} egun eta {hours} h",
  "time.hours": "{hours} h {minutes} min",
  "time.minutes": "{minutes} min",

  // ways to earn
  "earn.heading": "Puntuak irabazteko moduak",
  "earn.purchase": "Egin eskaera bat",
  "earn.perAmount": "{points} {amount} bakoitzeko",
  "earn.store": "Online dendan eta gure denda fisikoetan",
  "earn.referral": "Gonbidatu lagun bat",
  "earn.referralDetail": "Lehen eskaera egiten duenean",
  "earn.tiers": "Mailak",
  "earn.tiersNote": {
    one: "Azken egunean irabazitako puntuen arabera.",
    other: "Azken {count} egunetan irabazitako puntuen arabera.",
  },
  "earn.tierFrom": "Gutxienez {points}",
  "earn.points": "+{points}",
  "earn.terms": "Programaren baldintzak",
  "action.signup": "Sortu zure kontua",
  "action.birthday": "Zure urtebetetzea",
  "action.newsletter": "Harpidetu buletinera",
  "action.social_follow": "Jarrai iezaguzu sare sozialetan",
  "action.review": "Idatzi iritzi bat",
  "action.feedback": "Baloratu zure eskaera",
  "action.custom": "Ekintza berezia",
  "limit.ever": { one: "Behin", other: "Gehienez {count} aldiz" },
  "limit.year": { one: "Urtean behin", other: "Urtean gehienez {count} aldiz" },
  "limit.month": { one: "Hilean behin", other: "Hilean gehienez {count} aldiz" },
  "limit.day": { one: "Egunean behin", other: "Egunean gehienez {count} aldiz" },

  // rewards (what an offer gives, said inside a sentence: "Lagun baten oparia: {offer}")
  "reward.amount_off": "{amount} deskontua",
  "reward.percent_off": "{percent} deskontua",
  "reward.free_shipping": "bidalketa doakoa",
  "reward.free_product": "doako produktu bat",
  "reward.minimum": "{amount} edo gehiagoko eskaeretan",
  "reward.available": "Eskuragarri",
  "reward.toGo": { one: "{points} falta zaizu", other: "{points} falta zaizkizu" },
  "reward.tierOnly": "{tier} mailarentzat bakarrik",
  "reward.redeem": "Trukatu",
  "reward.confirm": { one: "{points} trukatu nahi duzu {reward} lortzeko?", other: "{points} trukatu nahi dituzu {reward} lortzeko?" },
  "reward.after": { one: "{points} geratuko zaizu.", other: "{points} geratuko zaizkizu." },
  "reward.yes": "Bai, trukatu",
  "reward.cancel": "Utzi",
  "reward.busy": "Trukatzen…",
  "reward.done": "Eginda! Hona hemen zure kodea.",
  "reward.retry": "Saiatu berriro",
  "rewards.empty": "Oraindik ez dago saririk.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "Zure kodeak",
  "code.copy": "Kopiatu",
  "code.copied": "Kopiatuta",
  "code.expires": "Iraungitze-data: {date}",
  "code.apply": "Aplikatu saskian",
  "code.applied": "Saskira bidalita",
  "welcome.title": "Lagun baten oparia: {offer}",
  "welcome.hint": "Erabili zure lehen eskaeran.",

  // referral
  "referral.title": "Oparitu {offer} eta irabazi {points}",
  "referral.how": {
    one: "Zure lagunak {offer} jasoko du bere lehen eskaeran, eta zuk {points} irabaziko duzu eskaera egiten duenean.",
    other: "Zure lagunak {offer} jasoko du bere lehen eskaeran, eta zuk {points} irabaziko dituzu eskaera egiten duenean.",
  },
  "referral.link": "Zure gonbidapen-esteka",
  "referral.share": "Partekatu",
  "referral.shareText": "{shop} gomendatzen dizut: {link}",
  "referral.visits": "{count} bisita",
  "referral.friends": "Erosi duten lagunak: {count}",
  "referral.earned": "{points} irabazita",

  // activity
  "activity.empty": "Oraindik ez dago mugimendurik.",
  "activity.more": "Ikusi gehiago",
  "entry.earn": "Erosketa",
  "entry.redeem": "Trukatutako saria",
  "entry.refund": "Itzulketa",
  "entry.adjustment": "Doikuntza",
  "entry.referral": "Gonbidatutako laguna",
  "entry.referral_reversal": "Lagun baten eskaeraren itzulketa",
  "entry.expiry": "Iraungitako puntuak",
  "entry.action": "Puntu gehigarriak",
  "entry.import": "Beste programa batetik ekarritako saldoa",
  "entry.raffle_entry": "Zozketa batean parte hartzea",
  "entry.raffle_refund": "Zozketa bertan behera: puntuak itzulita",
  "entry.other": "Puntu-mugimendua",
  "activity.pending": "Zain data honetara arte: {date}",

  // raffles (contract 7.4): raffle.terms and raffle.<status> are written by the endpoint
  "raffle.heading": "Zozketak",
  "raffle.terms": "Saria: {prize}. {points} parte-hartze bakoitzeko, gehienez {max} pertsonako.",
  "raffle.upcoming": "Irekiera: {date}",
  "raffle.open": "Itxiera: {date}",
  "raffle.closed": "Itxita: zozketa laster egingo da",
  "raffle.drawn": "Zozketa-data: {date}",
  "raffle.cancelled": "Bertan behera: parte-hartze guztien puntuak itzuli dira",
  "raffle.mine": "{count}/{max} parte-hartze dituzu",
  "raffle.won": "Zozketa hau irabazi duzu! Saria kode bat bada, hasieran duzu.",
  "raffle.lost": "Oraingoan ez da zortea izan.",
  "raffle.enter": "Parte hartu",
  "raffle.again": "Berriro parte hartu",
  "raffle.busy": "Parte hartzen…",
  "raffle.short": "{points} falta zaizkizu parte hartzeko",
  "feedback.stars": { one: "Izar {count}", other: "{count} izar" },

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Programaren gogorarazpenak eta eskaintzak jaso",
  "consent.hint": "Iraungitzear dauden puntuen abisuak, berrikuntzak eta eskaintzak. Nahi duzunean alda dezakezu.",

  // errors and announcements to screen readers
  "error.unauthorized": "Saioa iraungi egin da. Hasi saioa berriro.",
  "error.network_error": "Ez dago konexiorik. Ez da ezer galdu: saiatu berriro.",
  "error.insufficient_points": "Ez duzu nahikoa puntu sari honetarako.",
  "error.reward_unavailable": "Sari hau jada ez dago eskuragarri.",
  "error.rate_limited": "Saiakera gehiegi jarraian. Itxaron une bat eta saiatu berriro.",
  "error.failed": "Zerbait gaizki atera da. Saiatu berriro.",
  "live.balance": "Zure saldoa: {points}",
};
