import type { WidgetTexts } from "../../contract/widget.ts";

/**
 * The widget's French texts by key: the same keys and placeholders as Spanish (es.ts says what they mean). Before "!" and "?"
 * there is a narrow no-break space (U+202F), before ":" a no-break space (U+00A0), so that a sign never starts a line.
 */
export const fr: WidgetTexts = {
  // the launcher (drawn before the panel loads)
  "launcher.toNext": "Plus que {points}",
  "launcher.ready": "Tu peux obtenir {reward}",
  "launcher.failed": "Impossible d’ouvrir. Réessaie.",

  // the panel's frame
  "panel.close": "Fermer",
  "panel.sections": "Rubriques",
  "panel.balance": "Ton solde",
  "tab.home": "Accueil",
  "tab.earn": "Gagner",
  "tab.rewards": "Récompenses",
  "tab.referral": "Parrainer",
  "tab.activity": "Historique",

  // home
  "home.ready": "Tu peux obtenir {reward} !",
  "home.seeRewards": "Voir les récompenses",
  "home.toNext": "Plus que {points} pour obtenir {reward}",
  "home.progress": "Progression vers {reward}",
  "home.negative":
    "Tu dois {points} : un remboursement a repris des points que tu avais déjà utilisés. Tes prochains achats serviront d’abord à les compenser.",
  "home.summaryTitle": "Comment ça marche",
  "pending.points": "{points} en attente",
  "pending.until": "Ils s’ajouteront à ton solde le {date}, à la fin du délai de retour.",
  "pending.why": "Ils s’ajouteront à ton solde à la fin du délai de retour.",
  "expiry.notice": {
    one: "{points} expirera le {date} si tu n’en gagnes pas d’autres d’ici là.",
    many: "{points} expireront le {date} si tu n’en gagnes pas d’autres d’ici là.",
    other: "{points} expireront le {date} si tu n’en gagnes pas d’autres d’ici là.",
  },
  "tier.current": "Niveau {tier}",
  "tier.next": "Plus que {points} pour le niveau {tier}",
  "tier.progress": "Progression vers le niveau {tier}",

  // guests
  "guest.title": "Gagne des points à chaque achat",
  "guest.text": "Inscris-toi gratuitement et échange-les contre des réductions.",
  "guest.join": "Inscris-toi gratuitement",
  "guest.signIn": "Connecte-toi",
  "guest.redeem": "Inscris-toi ou connecte-toi pour obtenir des récompenses.",

  // bonus campaigns
  "campaign.multiplier": "Points x{multiplier}",
  "campaign.endsIn": "Se termine dans {time}",
  "campaign.weekly": "Chaque {days}, de {start} à {end}",
  "campaign.dates": "Du {start} au {end}",
  "campaign.next": "Bientôt",
  "campaign.zone": "({zone})",
  "time.days": { one: "{count} jour et {hours} h", many: "{count} jours et {hours} h", other: "{count} jours et {hours} h" },
  "time.hours": "{hours} h {minutes} min",
  "time.minutes": "{minutes} min",

  // ways to earn
  "earn.heading": "Comment gagner des points",
  "earn.purchase": "Passe une commande",
  "earn.perAmount": "{points} par {amount} dépensé",
  "earn.store": "En ligne et dans nos boutiques",
  "earn.referral": "Parraine un ami",
  "earn.referralDetail": "Dès sa première commande",
  "earn.tiers": "Niveaux",
  "earn.tiersNote": {
    one: "Selon les points gagnés au cours du dernier jour.",
    many: "Selon les points gagnés au cours des {count} derniers jours.",
    other: "Selon les points gagnés au cours des {count} derniers jours.",
  },
  "earn.tierFrom": "À partir de {points}",
  "earn.points": "+{points}",
  "earn.terms": "Conditions du programme",
  "action.signup": "Crée ton compte",
  "action.birthday": "Ton anniversaire",
  "action.newsletter": "Abonne-toi à la newsletter",
  "action.social_follow": "Suis-nous sur les réseaux sociaux",
  "action.review": "Écris un avis",
  "action.feedback": "Note ta commande",
  "action.custom": "Action spéciale",
  "limit.ever": { one: "Une fois", many: "Jusqu’à {count} fois", other: "Jusqu’à {count} fois" },
  "limit.year": { one: "Une fois par an", many: "Jusqu’à {count} fois par an", other: "Jusqu’à {count} fois par an" },
  "limit.month": { one: "Une fois par mois", many: "Jusqu’à {count} fois par mois", other: "Jusqu’à {count} fois par mois" },
  "limit.day": { one: "Une fois par jour", many: "Jusqu’à {count} fois par jour", other: "Jusqu’à {count} fois par jour" },

  // rewards (what an offer gives, said inside a sentence: "Un ami t’offre {offer}")
  "reward.amount_off": "{amount} de réduction",
  "reward.percent_off": "{percent} de réduction",
  "reward.free_shipping": "la livraison gratuite",
  "reward.free_product": "un produit gratuit",
  "reward.minimum": "Dès {amount} d’achat",
  "reward.available": "Disponible",
  "reward.toGo": "Plus que {points}",
  "reward.tierOnly": "Réservé au niveau {tier}",
  "reward.redeem": "Échanger",
  "reward.confirm": "Échanger {points} contre {reward} ?",
  "reward.after": "Il te restera {points}.",
  "reward.yes": "Oui, échanger",
  "reward.cancel": "Annuler",
  "reward.busy": "Échange en cours…",
  "reward.done": "C’est fait ! Voici ton code.",
  "reward.retry": "Réessayer",
  "rewards.empty": "Pas encore de récompenses.",

  // codes: the wallet, a redeemed code, the friend's welcome code
  "wallet.heading": "Tes codes",
  "code.copy": "Copier",
  "code.copied": "Copié",
  "code.expires": "Valable jusqu’au {date}",
  "code.apply": "Appliquer au panier",
  "code.applied": "Ajouté au panier",
  "welcome.title": "Un ami t’offre {offer}",
  "welcome.hint": "Utilise-le pour ta première commande.",

  // referral
  "referral.title": "Offre {offer} et gagne {points}",
  "referral.how": "Ton ami reçoit {offer} sur sa première commande, et tu gagnes {points} dès qu’il la passe.",
  "referral.link": "Ton lien de parrainage",
  "referral.share": "Partager",
  "referral.shareText": "Je t’invite chez {shop} : {link}",
  "referral.visits": { one: "{count} visite", many: "{count} visites", other: "{count} visites" },
  "referral.friends": { one: "{count} ami a commandé", many: "{count} amis ont commandé", other: "{count} amis ont commandé" },
  "referral.earned": { one: "{points} gagné", many: "{points} gagnés", other: "{points} gagnés" },

  // activity
  "activity.empty": "Aucune activité pour le moment.",
  "activity.more": "Voir plus",
  "entry.earn": "Achat",
  "entry.redeem": "Récompense obtenue",
  "entry.refund": "Remboursement",
  "entry.adjustment": "Ajustement",
  "entry.referral": "Ami parrainé",
  "entry.referral_reversal": "Commande d’un ami remboursée",
  "entry.expiry": "Points expirés",
  "entry.action": "Points bonus",
  "entry.import": "Solde repris d’un autre programme",
  "entry.raffle_entry": "Participation à un tirage au sort",
  "entry.raffle_refund": "Tirage au sort annulé : points rendus",
  "entry.other": "Mouvement de points",
  "activity.pending": "En attente jusqu’au {date}",

  // raffles (contract 7.4): raffle.terms and raffle.<status> are written by the endpoint
  "raffle.heading": "Tirages au sort",
  "raffle.terms": "Lot : {prize}. {points} par participation, jusqu’à {max} par personne.",
  "raffle.upcoming": "Ouvre le {date}",
  "raffle.open": "Ferme le {date}",
  "raffle.closed": "Fermé : le tirage a lieu bientôt",
  "raffle.drawn": "Tiré le {date}",
  "raffle.cancelled": "Annulé : les points de chaque participation ont été rendus",
  "raffle.mine": {
    one: "Tu as {count} participation sur {max}",
    many: "Tu as {count} participations sur {max}",
    other: "Tu as {count} participations sur {max}",
  },
  "raffle.won": "Tu as gagné ce tirage ! Si le lot est un code, il est sur ton accueil.",
  "raffle.lost": "Pas de chance cette fois-ci.",
  "raffle.enter": "Participer",
  "raffle.again": "Participer à nouveau",
  "raffle.busy": "Participation…",
  "raffle.short": "Plus que {points} pour participer",
  "feedback.stars": { one: "{count} étoile", many: "{count} étoiles", other: "{count} étoiles" },

  // the member's consent to reminders and marketing (contract 7.4)
  "consent.label": "Recevoir les rappels et les offres du programme",
  "consent.hint": "Points sur le point d'expirer, nouveautés et offres. Tu peux changer d'avis à tout moment.",

  // errors and announcements to screen readers
  "error.unauthorized": "Ta session a expiré. Reconnecte-toi.",
  "error.network_error": "Pas de connexion. Rien n’est perdu : réessaie.",
  "error.insufficient_points": "Tu n’as pas assez de points pour cette récompense.",
  "error.reward_unavailable": "Cette récompense n’est plus disponible.",
  "error.rate_limited": "Trop de tentatives d’affilée. Attends un instant et réessaie.",
  "error.failed": "Un problème est survenu. Réessaie.",
  "live.balance": "Ton solde : {points}",
};
