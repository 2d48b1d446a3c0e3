// Problem types of the currency service: currencies, accounts, transfers, payment requests, redemptions.
import type { ProblemEntry } from './catalog.js';

export const currencyProblems: Record<string, ProblemEntry> = {
  invalid_currency: {
    kind: 'invalid',
    en: [
      'The currency is not valid',
      'Its code, name, minor units (0 to 2), rate per hour or redemption fee is not valid; errors names each one.',
    ],
    fr: [
      'La monnaie n’est pas valide',
      'Son code, son nom, ses décimales (0 à 2), son taux horaire ou sa commission de conversion ne sont pas valides ; errors les nomme.',
    ],
  },
  code_taken: {
    kind: 'conflict',
    en: ['The code is taken', 'Another territory’s currency has this code.', 'Choose another code.'],
    fr: ['Le code est pris', 'La monnaie d’un autre territoire porte ce code.', 'Choisissez un autre code.'],
  },
  currency_fixed: {
    kind: 'conflict',
    en: ['Fixed once created', 'A currency’s code and minor units stay as created: amounts are counted in them.'],
    fr: ['Fixé à la création', 'Le code et les décimales d’une monnaie restent ceux de sa création : les montants s’y comptent.'],
  },
  currency_overlaps: {
    kind: 'conflict',
    en: ['Another currency applies here', 'A territory above or below this one has its own currency: one currency per place.'],
    fr: ['Une autre monnaie s’applique ici', 'Un territoire au-dessus ou en dessous a sa propre monnaie : une monnaie par lieu.'],
  },
  currency_not_found: {
    kind: 'not_found',
    en: ['No such currency', 'There is no currency with this id.'],
    fr: ['Monnaie introuvable', 'Aucune monnaie ne porte cet identifiant.'],
  },
  unknown_currency: {
    kind: 'invalid',
    en: ['Unknown currency', 'A field names a currency that does not exist.'],
    fr: ['Monnaie inconnue', 'Un champ nomme une monnaie qui n’existe pas.'],
  },
  no_currency_here: {
    kind: ['not_found', 'conflict'],
    en: [
      'No local currency here',
      'No local currency applies to this territory (or the organization’s place) yet.',
      'A treasury officer of the territory or above creates one first.',
    ],
    fr: [
      'Pas de monnaie locale ici',
      'Aucune monnaie locale ne s’applique encore à ce territoire (ou au lieu de l’organisation).',
      'Un agent du trésor du territoire ou au-dessus en crée d’abord une.',
    ],
  },
  currency_mismatch: {
    kind: 'invalid',
    en: ['Not the organization’s currency', 'An organization holds the currency of its place.'],
    fr: ['Pas la monnaie de l’organisation', 'Une organisation détient la monnaie de son lieu.'],
  },
  account_not_found: {
    kind: 'not_found',
    en: ['No such account', 'There is no account with this id that you may see.'],
    fr: ['Compte introuvable', 'Aucun compte visible pour vous ne porte cet identifiant.'],
  },
  unknown_account: {
    kind: 'invalid',
    en: ['Unknown account', 'A field names an account that does not exist.'],
    fr: ['Compte inconnu', 'Un champ nomme un compte qui n’existe pas.'],
  },
  invalid_amount: {
    kind: 'invalid',
    en: ['Not an amount', 'An amount is a positive whole number of minor units.'],
    fr: ['Pas un montant', 'Un montant est un nombre entier positif d’unités mineures.'],
  },
  amount_too_large: {
    kind: 'invalid',
    en: ['Amount too large', 'A single amount is at most a billion units.'],
    fr: ['Montant trop élevé', 'Un montant unique vaut au plus un milliard d’unités.'],
  },
  same_account: {
    kind: 'invalid',
    en: ['Same account', 'An account cannot pay itself.'],
    fr: ['Même compte', 'Un compte ne peut pas se payer lui-même.'],
  },
  transfer_not_allowed: {
    kind: 'invalid',
    en: ['This transfer is not allowed', 'This kind of transfer does not go between these kinds of accounts.'],
    fr: ['Ce virement n’est pas permis', 'Ce type de virement ne va pas entre ces types de comptes.'],
  },
  insufficient_funds: {
    kind: 'conflict',
    en: ['Not enough money', 'The paying account does not hold enough of this currency.'],
    fr: ['Solde insuffisant', 'Le compte payeur ne détient pas assez de cette monnaie.'],
  },
  transfer_not_found: {
    kind: 'not_found',
    en: ['No such transfer', 'There is no transfer with this id that you may see.'],
    fr: ['Virement introuvable', 'Aucun virement visible pour vous ne porte cet identifiant.'],
  },
  not_a_merchant: {
    kind: 'forbidden',
    en: ['Merchants only', 'Only merchants redeem local currency to euros.'],
    fr: ['Commerçants seulement', 'Seuls les commerçants convertissent la monnaie locale en euros.'],
  },
  payment_request_not_found: {
    kind: 'not_found',
    en: ['No such payment request', 'There is no payment request with this id.'],
    fr: ['Demande de paiement introuvable', 'Aucune demande de paiement ne porte cet identifiant.'],
  },
  request_already_paid: {
    kind: 'conflict',
    en: ['Already paid', 'This payment request is already paid.'],
    fr: ['Déjà payée', 'Cette demande de paiement est déjà payée.'],
  },
  request_expired: {
    kind: 'conflict',
    en: ['Expired', 'This payment request expired.', 'Ask the merchant for a new one.'],
    fr: ['Expirée', 'Cette demande de paiement a expiré.', 'Demandez-en une nouvelle au commerçant.'],
  },
  redemption_not_found: {
    kind: 'not_found',
    en: ['No such redemption', 'There is no redemption with this id.'],
    fr: ['Conversion introuvable', 'Aucune conversion ne porte cet identifiant.'],
  },
  redemption_decided: {
    kind: 'conflict',
    en: ['Already decided', 'This redemption was already approved or rejected.'],
    fr: ['Déjà tranchée', 'Cette conversion a déjà été approuvée ou rejetée.'],
  },
  merchant_not_verified: {
    kind: 'conflict',
    en: [
      'Merchant not verified',
      'This organization is not verified by an Engagement 21 officer: it cannot be paid, take payment requests or redeem.',
      'The organization asks an officer of its territory to verify it.',
    ],
    fr: [
      'Commerçant non vérifié',
      'Cette organisation n’est pas vérifiée par un agent Engagement 21 : elle ne peut être payée, émettre de demande de paiement ni convertir.',
      'L’organisation demande à un agent de son territoire de la vérifier.',
    ],
  },
  merchant_not_found: {
    kind: 'not_found',
    en: ['No such merchant', 'No organization with this id has an account here.'],
    fr: ['Commerçant introuvable', 'Aucune organisation portant cet identifiant n’a de compte ici.'],
  },
};
