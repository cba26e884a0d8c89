import type { WidgetTexts } from "../../contract/widget.ts";

/**
 * The widget's Spanish texts by key (the reference language: every other one has the same keys and placeholders).
 * Placeholders are named: `{points}` is an amount with the program's points name ("120 puntos"), `{count}` a plain number,
 * `{reward}` a reward's title, `{amount}` money, `{date}` a date. A plural text has one form per CLDR category, picked by
 * `{count}` when the text has it, else by `{points}`. Keys starting `launcher.` travel with the boot; the rest with the panel.
 */
export const es: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": { one: "Te falta {points}", other: "Te faltan {points}" },
  "launcher.ready": "Ya puedes canjear {reward}",
  "launcher.failed": "No se ha podido abrir. Inténtalo de nuevo.",

  // the panel's frame
  "panel.close": "Cerrar",
  "panel.sections": "Secciones",
  "panel.balance": "Tu saldo",
  "tab.home": "Inicio",
  "tab.earn": "Ganar",
  "tab.rewards": "Premios",
  "tab.referral": "Invitar",
  "tab.activity": "Historial",

  // home
  "home.ready": "¡Ya puedes canjear {reward}!",
  "home.seeRewards": "Ver premios",
  "home.toNext": { one: "Te falta {points} para {reward}", other: "Te faltan {points} para {reward}" },
  "home.progress": "Progreso hacia {reward}",
  "home.negative": "Debes {points}: una devolución retiró puntos que ya habías canjeado. Tus próximas compras lo compensan primero.",
  "home.summaryTitle": "Cómo funciona",
  "pending.points": { one: "{points} pendiente", other: "{points} pendientes" },
  "pending.until": "Se suman a tu saldo el {date}, al terminar el plazo de devolución.",
  "pending.why": "Se suman a tu saldo al terminar el plazo de devolución.",
  "expiry.notice": {
    one: "{points} caduca el {date} si no sumas puntos antes.",
    other: "{points} caducan el {date} si no sumas puntos antes.",
  },
  "tier.current": "Nivel {tier}",
  "tier.next": { one: "Te falta {points} para el nivel {tier}", other: "Te faltan {points} para el nivel {tier}" },
  "tier.progress": "Progreso hacia el nivel {tier}",

  // guests
  "guest.title": "Gana puntos en cada compra",
  "guest.text": "Únete gratis y canjéalos por descuentos.",
  "guest.join": "Únete gratis",
  "guest.signIn": "Inicia sesión",
  "guest.redeem": "Únete o inicia sesión para canjear premios.",

  // bonus campaigns
  "campaign.multiplier": "Puntos x{multiplier}",
  "campaign.endsIn": "Termina en {time}",
  "campaign.weekly": "Cada {days}, de {start} a {end}",
  "campaign.dates": "Del {start} al {end}",
  "campaign.next": "Próximamente",
  "campaign.zone": "({zone})",
  "time.days": { one: "{count} día y {hours} h", other: "{count} días y {hours} h" },
  "time.hours": "{hours} h {minutes} min",
  "time.minutes": "{minutes} min",

  // ways to earn
  "earn.heading": "Formas de ganar puntos",
  "earn.purchase": "Haz un pedido",
  "earn.perAmount": "{points} por cada {amount}",
  "earn.store": "En la tienda online y en nuestras tiendas físicas",
  "earn.referral": "Invita a un amigo",
  "earn.referralDetail": "Cuando haga su primer pedido",
  "earn.tiers": "Niveles",
  "earn.tiersNote": { one: "Según los puntos ganados en el último día.", other: "Según los puntos ganados en los últimos {count} días." },
  "earn.tierFrom": "Desde {points}",
  "earn.points": "+{points}",
  "earn.terms": "Condiciones del programa",
  "action.signup": "Crea tu cuenta",
  "action.birthday": "Tu cumpleaños",
  "action.newsletter": "Suscríbete al boletín",
  "action.social_follow": "Síguenos en redes sociales",
  "action.review": "Escribe una opinión",
  "action.feedback": "Valora tu pedido",
  "action.custom": "Acción especial",
  "limit.ever": { one: "Una vez", other: "Hasta {count} veces" },
  "limit.year": { one: "Una vez al año", other: "Hasta {count} veces al año" },
  "limit.month": { one: "Una vez al mes", other: "Hasta {count} veces al mes" },
  "limit.day": { one: "Una vez al día", other: "Hasta {count} veces al día" },

  // rewards (what an offer gives, said inside a sentence: "Un amigo te regala {offer}")
  "reward.amount_off": "{amount} de descuento",
  "reward.percent_off": "{percent} de descuento",
  "reward.free_shipping": "envío gratis",
  "reward.free_product": "un producto de regalo",
  "reward.minimum": "En pedidos desde {amount}",
  "reward.available": "Disponible",
  "reward.toGo": { one: "Te falta {points}", other: "Te faltan {points}" },
  "reward.tierOnly": "Solo nivel {tier}",
  "reward.redeem": "Canjear",
  "reward.confirm": "¿Canjear {reward} por {points}?",
  "reward.after": "Te quedarán {points}.",
  "reward.yes": "Sí, canjear",
  "reward.cancel": "Cancelar",
  "reward.busy": "Canjeando…",
  "reward.done": "¡Hecho! Aquí tienes tu código.",
  "reward.retry": "Reintentar",
  "rewards.empty": "Todavía no hay premios.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "Tus códigos",
  "code.copy": "Copiar",
  "code.copied": "Copiado",
  "code.expires": "Válido hasta el {date}",
  "code.apply": "Aplicar al carrito",
  "code.applied": "Enviado al carrito",
  "welcome.title": "Un amigo te regala {offer}",
  "welcome.hint": "Úsalo en tu primer pedido.",

  // referral
  "referral.title": "Regala {offer} y gana {points}",
  "referral.how": "Tu amigo recibe {offer} para su primer pedido, y tú ganas {points} cuando lo haga.",
  "referral.link": "Tu enlace para invitar",
  "referral.share": "Compartir",
  "referral.shareText": "Te invito a {shop}: {link}",
  "referral.visits": { one: "{count} visita", other: "{count} visitas" },
  "referral.friends": { one: "{count} amigo ha comprado", other: "{count} amigos han comprado" },
  "referral.earned": { one: "{points} ganado", other: "{points} ganados" },

  // activity
  "activity.empty": "Aún no hay movimientos.",
  "activity.more": "Ver más",
  "entry.earn": "Compra",
  "entry.redeem": "Premio canjeado",
  "entry.refund": "Devolución",
  "entry.adjustment": "Ajuste",
  "entry.referral": "Amigo invitado",
  "entry.referral_reversal": "Devolución del pedido de un amigo",
  "entry.expiry": "Puntos caducados",
  "entry.action": "Puntos extra",
  "entry.import": "Saldo traído de otro programa",
  "entry.raffle_entry": "Participación en un sorteo",
  "entry.raffle_refund": "Sorteo cancelado: puntos devueltos",
  "entry.other": "Movimiento de puntos",
  "activity.pending": "Pendientes hasta el {date}",

  // raffles (contract 7.4): raffle.terms and raffle.<status> are written by the endpoint
  "raffle.heading": "Sorteos",
  "raffle.terms": "Premio: {prize}. {points} por participación, hasta {max} por persona.",
  "raffle.upcoming": "Abre el {date}",
  "raffle.open": "Cierra el {date}",
  "raffle.closed": "Cerrado: el sorteo se hace en breve",
  "raffle.drawn": "Sorteado el {date}",
  "raffle.cancelled": "Cancelado: se han devuelto los puntos de cada participación",
  "raffle.mine": { one: "Tienes {count} participación de {max}", other: "Tienes {count} participaciones de {max}" },
  "raffle.won": "¡Has ganado este sorteo! Si el premio es un código, lo tienes en Inicio.",
  "raffle.lost": "Esta vez no ha habido suerte.",
  "raffle.enter": "Participar",
  "raffle.again": "Participar otra vez",
  "raffle.busy": "Participando…",
  "raffle.short": "Te faltan {points} para participar",
  "feedback.stars": { one: "{count} estrella", other: "{count} estrellas" },

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Recibir recordatorios y ofertas del programa",
  "consent.hint": "Avisos de puntos a punto de caducar, novedades y ofertas. Puedes cambiarlo cuando quieras.",

  // errors and announcements to screen readers
  "error.unauthorized": "Tu sesión ha caducado. Vuelve a iniciar sesión.",
  "error.network_error": "No hay conexión. No se ha perdido nada: inténtalo de nuevo.",
  "error.insufficient_points": "No tienes puntos suficientes para este premio.",
  "error.reward_unavailable": "Este premio ya no está disponible.",
  "error.rate_limited": "Demasiados intentos seguidos. Espera un momento y vuelve a probar.",
  "error.failed": "Algo ha fallado. Inténtalo de nuevo.",
  "live.balance": "Tu saldo: {points}",
};
