import type { WidgetTexts } from "../../contract/widget.ts";

/** The widget's Galician texts by key: the same keys and placeholders as Spanish (es.ts says what they mean). */
export const gl: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": { one: "Fáltache {points}", other: "Fáltanche {points}" },
  "launcher.ready": "Xa podes canxear {reward}",
  "launcher.failed": "Non se puido abrir. Téntao de novo.",

  // the panel's frame
  "panel.close": "Pechar",
  "panel.sections": "Seccións",
  "panel.balance": "O teu saldo",
  "tab.home": "Inicio",
  "tab.earn": "Gañar",
  "tab.rewards": "Premios",
  "tab.referral": "Convidar",
  "tab.activity": "Historial",

  // home
  "home.ready": "Xa podes canxear {reward}!",
  "home.seeRewards": "Ver premios",
  "home.toNext": { one: "Fáltache {points} para {reward}", other: "Fáltanche {points} para {reward}" },
  "home.progress": "Progreso cara a {reward}",
  "home.negative": "Debes {points}: unha devolución retirou puntos que xa canxearas. As túas próximas compras compénsano primeiro.",
  "home.summaryTitle": "Como funciona",
  "pending.points": { one: "{points} pendente", other: "{points} pendentes" },
  "pending.until": "Súmanse ao teu saldo o {date}, ao rematar o prazo de devolución.",
  "pending.why": "Súmanse ao teu saldo ao rematar o prazo de devolución.",
  "expiry.notice": {
    one: "{points} caduca o {date} se antes non sumas máis puntos.",
    other: "{points} caducan o {date} se antes non sumas máis puntos.",
  },
  "tier.current": "Nivel {tier}",
  "tier.next": { one: "Fáltache {points} para o nivel {tier}", other: "Fáltanche {points} para o nivel {tier}" },
  "tier.progress": "Progreso cara ao nivel {tier}",

  // guests
  "guest.title": "Gaña puntos en cada compra",
  "guest.text": "Únete gratis e trócaos por descontos.",
  "guest.join": "Únete gratis",
  "guest.signIn": "Inicia sesión",
  "guest.redeem": "Únete ou inicia sesión para canxear premios.",

  // bonus campaigns
  "campaign.multiplier": "Puntos x{multiplier}",
  "campaign.endsIn": "Remata dentro de {time}",
  "campaign.weekly": "Cada {days}, de {start} a {end}",
  "campaign.dates": "Do {start} ao {end}",
  "campaign.next": "Proximamente",
  "campaign.zone": "({zone})",
  "time.days": { one: "{count} día e {hours} h", other: "{count} días e {hours} h" },
  "time.hours": "{hours} h {minutes} min",
  "time.minutes": "{minutes} min",

  // ways to earn
  "earn.heading": "Formas de gañar puntos",
  "earn.purchase": "Fai un pedido",
  "earn.perAmount": "{points} por cada {amount}",
  "earn.store": "Na tenda en liña e nas nosas tendas físicas",
  "earn.referral": "Convida un amigo",
  "earn.referralDetail": "Cando faga o seu primeiro pedido",
  "earn.tiers": "Niveis",
  "earn.tiersNote": { one: "Segundo os puntos gañados no último día.", other: "Segundo os puntos gañados nos últimos {count} días." },
  "earn.tierFrom": "Desde {points}",
  "earn.points": "+{points}",
  "earn.terms": "Condicións do programa",
  "action.signup": "Crea a túa conta",
  "action.birthday": "O teu aniversario",
  "action.newsletter": "Subscríbete ao boletín",
  "action.social_follow": "Séguenos nas redes sociais",
  "action.review": "Escribe unha opinión",
  "action.feedback": "Valora o teu pedido",
  "action.custom": "Acción especial",
  "limit.ever": { one: "Unha vez", other: "Ata {count} veces" },
  "limit.year": { one: "Unha vez ao ano", other: "Ata {count} veces ao ano" },
  "limit.month": { one: "Unha vez ao mes", other: "Ata {count} veces ao mes" },
  "limit.day": { one: "Unha vez ao día", other: "Ata {count} veces ao día" },

  // rewards (what an offer gives, said inside a sentence: "Un amigo regálache {offer}")
  "reward.amount_off": "{amount} de desconto",
  "reward.percent_off": "{percent} de desconto",
  "reward.free_shipping": "envío gratis",
  "reward.free_product": "un produto gratis",
  "reward.minimum": "En pedidos desde {amount}",
  "reward.available": "Dispoñible",
  "reward.toGo": { one: "Fáltache {points}", other: "Fáltanche {points}" },
  "reward.tierOnly": "Só nivel {tier}",
  "reward.redeem": "Canxear",
  "reward.confirm": "Canxear {reward} por {points}?",
  "reward.after": { one: "Quedarache {points}.", other: "Quedaranche {points}." },
  "reward.yes": "Si, canxear",
  "reward.cancel": "Cancelar",
  "reward.busy": "Canxeando…",
  "reward.done": "Feito! Aquí tes o teu código.",
  "reward.retry": "Tentar de novo",
  "rewards.empty": "Aínda non hai premios.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "Os teus códigos",
  "code.copy": "Copiar",
  "code.copied": "Copiado",
  "code.expires": "Válido ata o {date}",
  "code.apply": "Aplicar ao carriño",
  "code.applied": "Enviado ao carriño",
  "welcome.title": "Un amigo regálache {offer}",
  "welcome.hint": "Úsao no teu primeiro pedido.",

  // referral
  "referral.title": "Regala {offer} e gaña {points}",
  "referral.how": "O teu amigo recibe {offer} para o seu primeiro pedido, e ti gañas {points} cando o faga.",
  "referral.link": "A túa ligazón para convidar",
  "referral.share": "Compartir",
  "referral.shareText": "Convídote a coñecer {shop}: {link}",
  "referral.visits": { one: "{count} visita", other: "{count} visitas" },
  "referral.friends": { one: "{count} amigo comprou", other: "{count} amigos compraron" },
  "referral.earned": { one: "{points} gañado", other: "{points} gañados" },

  // activity
  "activity.empty": "Aínda non hai movementos.",
  "activity.more": "Ver máis",
  "entry.earn": "Compra",
  "entry.redeem": "Premio canxeado",
  "entry.refund": "Devolución",
  "entry.adjustment": "Axuste",
  "entry.referral": "Amigo convidado",
  "entry.referral_reversal": "Devolución do pedido dun amigo",
  "entry.expiry": "Puntos caducados",
  "entry.action": "Puntos extra",
  "entry.import": "Saldo traído doutro programa",
  "entry.raffle_entry": "Participación nun sorteo",
  "entry.raffle_refund": "Sorteo cancelado: puntos devoltos",
  "entry.other": "Movemento de puntos",
  "activity.pending": "Pendentes ata o {date}",

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Recibir recordatorios e ofertas do programa",
  "consent.hint": "Avisos de puntos a piques de caducar, novidades e ofertas. Podes cambialo cando queiras.",

  // errors and announcements to screen readers
  "error.unauthorized": "A túa sesión caducou. Volve iniciar sesión.",
  "error.network_error": "Non hai conexión. Non se perdeu nada: téntao de novo.",
  "error.insufficient_points": "Non tes puntos suficientes para este premio.",
  "error.reward_unavailable": "Este premio xa non está dispoñible.",
  "error.rate_limited": "Demasiados intentos seguidos. Agarda un momento e volve probar.",
  "error.failed": "Algo fallou. Téntao de novo.",
  "live.balance": "O teu saldo: {points}",
};
