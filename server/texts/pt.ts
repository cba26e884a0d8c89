import type { WidgetTexts } from "../../contract/widget.ts";

/** The widget's Portuguese texts (as written in Portugal) by key: the same keys and placeholders as Spanish (es.ts says what they mean). */
export const pt: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": { one: "Falta-te {points}", many: "Faltam-te {points}", other: "Faltam-te {points}" },
  "launcher.ready": "Já podes resgatar {reward}",
  "launcher.failed": "Não foi possível abrir. Tenta novamente.",

  // the panel's frame
  "panel.close": "Fechar",
  "panel.sections": "Secções",
  "panel.balance": "O teu saldo",
  "tab.home": "Início",
  "tab.earn": "Ganhar",
  "tab.rewards": "Prémios",
  "tab.referral": "Convidar",
  "tab.activity": "Histórico",

  // home
  "home.ready": "Já podes resgatar {reward}!",
  "home.seeRewards": "Ver prémios",
  "home.toNext": {
    one: "Falta-te {points} para {reward}",
    many: "Faltam-te {points} para {reward}",
    other: "Faltam-te {points} para {reward}",
  },
  "home.progress": "Progresso para {reward}",
  "home.negative":
    "Deves {points}: uma devolução retirou pontos que já tinhas resgatado. As tuas próximas compras servem primeiro para compensar isso.",
  "home.summaryTitle": "Como funciona",
  "pending.points": { one: "{points} pendente", many: "{points} pendentes", other: "{points} pendentes" },
  "pending.until": "Entram no teu saldo a {date}, quando acabar o prazo de devolução.",
  "pending.why": "Entram no teu saldo quando acabar o prazo de devolução.",
  "expiry.notice": {
    one: "{points} expira a {date} se não somares pontos até lá.",
    many: "{points} expiram a {date} se não somares pontos até lá.",
    other: "{points} expiram a {date} se não somares pontos até lá.",
  },
  "tier.current": "Nível {tier}",
  "tier.next": {
    one: "Falta-te {points} para o nível {tier}",
    many: "Faltam-te {points} para o nível {tier}",
    other: "Faltam-te {points} para o nível {tier}",
  },
  "tier.progress": "Progresso para o nível {tier}",

  // guests
  "guest.title": "Ganha pontos em cada compra",
  "guest.text": "Adere grátis e troca-os por descontos.",
  "guest.join": "Adere grátis",
  "guest.signIn": "Inicia sessão",
  "guest.redeem": "Adere ou inicia sessão para resgatar prémios.",

  // bonus campaigns
  "campaign.multiplier": "Pontos x{multiplier}",
  "campaign.endsIn": "Termina daqui a {time}",
  "campaign.weekly": "Cada {days}, das {start} às {end}",
  "campaign.dates": "De {start} a {end}",
  "campaign.next": "Brevemente",
  "campaign.zone": "({zone})",
  "time.days": { one: "{count} dia e {hours} h", many: "{count} dias e {hours} h", other: "{count} dias e {hours} h" },
  "time.hours": "{hours} h {minutes} min",
  "time.minutes": "{minutes} min",

  // ways to earn
  "earn.heading": "Formas de ganhar pontos",
  "earn.purchase": "Faz uma encomenda",
  "earn.perAmount": "{points} por cada {amount}",
  "earn.store": "Na loja online e nas nossas lojas físicas",
  "earn.referral": "Convida um amigo",
  "earn.referralDetail": "Quando fizer a primeira encomenda",
  "earn.tiers": "Níveis",
  "earn.tiersNote": {
    one: "Com base nos pontos ganhos no último dia.",
    many: "Com base nos pontos ganhos nos últimos {count} dias.",
    other: "Com base nos pontos ganhos nos últimos {count} dias.",
  },
  "earn.tierFrom": "A partir de {points}",
  "earn.points": "+{points}",
  "earn.terms": "Condições do programa",
  "action.signup": "Cria a tua conta",
  "action.birthday": "O teu aniversário",
  "action.newsletter": "Subscreve a newsletter",
  "action.social_follow": "Segue-nos nas redes sociais",
  "action.review": "Escreve uma avaliação",
  "action.feedback": "Avalia a tua encomenda",
  "action.custom": "Ação especial",
  "limit.ever": { one: "Uma vez", many: "Até {count} vezes", other: "Até {count} vezes" },
  "limit.year": { one: "Uma vez por ano", many: "Até {count} vezes por ano", other: "Até {count} vezes por ano" },
  "limit.month": { one: "Uma vez por mês", many: "Até {count} vezes por mês", other: "Até {count} vezes por mês" },
  "limit.day": { one: "Uma vez por dia", many: "Até {count} vezes por dia", other: "Até {count} vezes por dia" },

  // rewards (what an offer gives, said inside a sentence: "Um amigo oferece-te {offer}")
  "reward.amount_off": "{amount} de desconto",
  "reward.percent_off": "{percent} de desconto",
  "reward.free_shipping": "portes grátis",
  "reward.free_product": "um produto grátis",
  "reward.minimum": "Em encomendas a partir de {amount}",
  "reward.available": "Disponível",
  "reward.toGo": { one: "Falta-te {points}", many: "Faltam-te {points}", other: "Faltam-te {points}" },
  "reward.tierOnly": "Só para o nível {tier}",
  "reward.redeem": "Resgatar",
  "reward.confirm": "Resgatar {reward} por {points}?",
  "reward.after": "Vais ficar com {points}.",
  "reward.yes": "Sim, resgatar",
  "reward.cancel": "Cancelar",
  "reward.busy": "A resgatar…",
  "reward.done": "Feito! Aqui tens o teu código.",
  "reward.retry": "Tentar novamente",
  "rewards.empty": "Ainda não há prémios.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "Os teus códigos",
  "code.copy": "Copiar",
  "code.copied": "Copiado",
  "code.expires": "Válido até {date}",
  "code.apply": "Aplicar ao carrinho",
  "code.applied": "Enviado para o carrinho",
  "welcome.title": "Um amigo oferece-te {offer}",
  "welcome.hint": "Usa-o na tua primeira encomenda.",

  // referral
  "referral.title": "Oferece {offer} e ganha {points}",
  "referral.how": "O teu amigo recebe {offer} na primeira encomenda, e tu ganhas {points} quando a fizer.",
  "referral.link": "O teu link de convite",
  "referral.share": "Partilhar",
  "referral.shareText": "Convido-te a conhecer {shop}: {link}",
  "referral.visits": { one: "{count} visita", many: "{count} visitas", other: "{count} visitas" },
  "referral.friends": { one: "{count} amigo comprou", many: "{count} amigos compraram", other: "{count} amigos compraram" },
  "referral.earned": { one: "{points} ganho", many: "{points} ganhos", other: "{points} ganhos" },

  // activity
  "activity.empty": "Ainda não há movimentos.",
  "activity.more": "Ver mais",
  "entry.earn": "Compra",
  "entry.redeem": "Prémio resgatado",
  "entry.refund": "Devolução",
  "entry.adjustment": "Ajuste",
  "entry.referral": "Amigo convidado",
  "entry.referral_reversal": "Devolução da encomenda de um amigo",
  "entry.expiry": "Pontos expirados",
  "entry.action": "Pontos extra",
  "entry.import": "Saldo trazido de outro programa",
  "entry.raffle_entry": "Participação num sorteio",
  "entry.raffle_refund": "Sorteio cancelado: pontos devolvidos",
  "entry.other": "Movimento de pontos",
  "activity.pending": "Pendentes até {date}",

  // raffles (contract 7.4): raffle.terms and raffle.<status> are written by the endpoint
  "raffle.heading": "Sorteios",
  "raffle.terms": "Prémio: {prize}. {points} por participação, até {max} por pessoa.",
  "raffle.upcoming": "Abre a {date}",
  "raffle.open": "Fecha a {date}",
  "raffle.closed": "Fechado: o sorteio faz-se em breve",
  "raffle.drawn": "Sorteado a {date}",
  "raffle.cancelled": "Cancelado: os pontos de cada participação foram devolvidos",
  "raffle.mine": {
    one: "Tens {count} participação de {max}",
    many: "Tens {count} participações de {max}",
    other: "Tens {count} participações de {max}",
  },
  "raffle.won": "Ganhaste este sorteio! Se o prémio for um código, está no teu início.",
  "raffle.lost": "Desta vez não houve sorte.",
  "raffle.enter": "Participar",
  "raffle.again": "Participar outra vez",
  "raffle.busy": "A participar…",
  "raffle.short": {
    one: "Falta-te {points} para participar",
    many: "Faltam-te {points} para participar",
    other: "Faltam-te {points} para participar",
  },
  "feedback.stars": { one: "{count} estrela", many: "{count} estrelas", other: "{count} estrelas" },

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Receber lembretes e ofertas do programa",
  "consent.hint": "Avisos de pontos prestes a expirar, novidades e ofertas. Podes mudar isto quando quiseres.",

  // errors and announcements to screen readers
  "error.unauthorized": "A tua sessão expirou. Volta a iniciar sessão.",
  "error.network_error": "Sem ligação. Não se perdeu nada: tenta novamente.",
  "error.insufficient_points": "Não tens pontos suficientes para este prémio.",
  "error.reward_unavailable": "Este prémio já não está disponível.",
  "error.rate_limited": "Demasiadas tentativas seguidas. Espera um momento e tenta novamente.",
  "error.failed": "Algo correu mal. Tenta novamente.",
  "live.balance": "O teu saldo: {points}",
};
