// Problem types of the timesheets service: time entries and the checks on them, validation,
// monthly periods, corrections.
import type { ProblemEntry } from './catalog.js';

export const timesheetsProblems: Record<string, ProblemEntry> = {
  invalid_entry: {
    kind: 'invalid',
    en: ['The entry is not valid', 'Its date, minutes (1 to 720), competence or note is not valid; errors names each one.'],
    fr: ['La saisie n’est pas valide', 'Sa date, ses minutes (1 à 720), sa compétence ou sa note ne sont pas valides ; errors les nomme.'],
  },
  entry_not_found: {
    kind: 'not_found',
    en: ['No such entry', 'There is no time entry with this id that you may see.'],
    fr: ['Saisie introuvable', 'Aucune saisie d’heures visible pour vous ne porte cet identifiant.'],
  },
  future_date: {
    kind: 'invalid',
    en: ['In the future', 'Hours are logged once given, not before.'],
    fr: ['Dans le futur', 'Les heures se saisissent une fois données, pas avant.'],
  },
  contract_not_signed: {
    kind: 'conflict',
    en: ['The contract is not signed', 'Hours are logged once every party accepted the contract.'],
    fr: ['Le contrat n’est pas signé', 'Les heures se saisissent une fois le contrat accepté par toutes les parties.'],
  },
  not_your_contract: {
    kind: 'forbidden',
    en: ['Not your contract', 'Hours are logged under your own SAR contract.'],
    fr: ['Pas votre contrat', 'Les heures se saisissent sous votre propre contrat DAS.'],
  },
  not_a_member: {
    kind: 'forbidden',
    en: ['Not on the team', 'You are not on this project’s team.', 'Ask to join the project first.'],
    fr: ['Pas dans l’équipe', 'Vous ne faites pas partie de l’équipe de ce projet.', 'Demandez d’abord à rejoindre le projet.'],
  },
  project_not_open: {
    kind: 'conflict',
    en: ['The project takes no hours', 'Hours are logged on approved or running projects (not while a change waits for approval).'],
    fr: [
      'Le projet ne prend pas d’heures',
      'Les heures se saisissent sur des projets approuvés ou en cours (pas pendant qu’une modification attend son approbation).',
    ],
  },
  competence_not_agreed: {
    kind: 'invalid',
    en: ['Competence not agreed', 'The competence is neither one your contract agreed nor the skill of the need you fill.'],
    fr: ['Compétence non convenue', 'La compétence n’est ni une de celles du contrat ni celle du besoin que vous remplissez.'],
  },
  period_closed: {
    kind: 'conflict',
    en: ['The month is closed', 'The month is closed: it takes no entry, change or withdrawal.'],
    fr: ['Le mois est clos', 'Le mois est clos : il ne prend ni saisie, ni modification, ni retrait.'],
  },
  blackout_day: {
    kind: 'conflict',
    en: ['A blackout day', 'The date is in a blackout period of your schedule: nothing may be logged.'],
    fr: ['Jour de fermeture', 'La date tombe dans une période de fermeture de votre calendrier : rien ne peut être saisi.'],
  },
  over_12_hours_a_day: {
    kind: 'conflict',
    en: ['More than 12 hours a day', 'No more than 12 hours a day are logged, across all your entries.'],
    fr: ['Plus de 12 heures par jour', 'On ne saisit pas plus de 12 heures par jour, toutes saisies comprises.'],
  },
  over_daily_allowance: {
    kind: 'conflict',
    en: ['Beyond the day’s allowance', 'Your schedule allows fewer minutes that day.'],
    fr: ['Au-delà de l’enveloppe du jour', 'Votre calendrier autorise moins de minutes ce jour-là.'],
  },
  over_weekly_allowance: {
    kind: 'conflict',
    en: ['Beyond the week’s allowance', 'Your schedule allows fewer minutes that week.'],
    fr: ['Au-delà de l’enveloppe de la semaine', 'Votre calendrier autorise moins de minutes cette semaine-là.'],
  },
  yearly_hours_exceeded: {
    kind: 'conflict',
    en: ['Beyond the yearly hours', 'The contract’s yearly hours are used up (approved and pending entries count).'],
    fr: ['Au-delà des heures annuelles', 'Les heures annuelles du contrat sont épuisées (les saisies approuvées et en attente comptent).'],
  },
  not_your_entry: {
    kind: 'forbidden',
    en: ['Not your entry', 'Only the person who logged the hours changes or withdraws them.'],
    fr: ['Pas votre saisie', 'Seule la personne qui a saisi les heures les modifie ou les retire.'],
  },
  entry_approved: {
    kind: 'conflict',
    en: [
      'Approved: final',
      'The entry is approved, and an approval is final.',
      'An officer corrects approved hours once the month is closed.',
    ],
    fr: [
      'Approuvée : définitive',
      'La saisie est approuvée, et une approbation est définitive.',
      'Un agent corrige les heures approuvées une fois le mois clos.',
    ],
  },
  entry_rejected: {
    kind: 'conflict',
    en: ['Rejected', 'The entry was rejected: it waits for the person’s correction.'],
    fr: ['Rejetée', 'La saisie a été rejetée : elle attend la correction de la personne.'],
  },
  entry_withdrawn: { kind: 'conflict', en: ['Withdrawn', 'The entry was withdrawn.'], fr: ['Retirée', 'La saisie a été retirée.'] },
  not_a_validator: {
    kind: 'forbidden',
    en: ['The project’s board validates', 'Only the project’s coordinator or co-managers see and validate its hours.'],
    fr: ['Le bureau du projet valide', 'Seuls le coordinateur ou les co-gestionnaires du projet voient et valident ses heures.'],
  },
  own_hours: {
    kind: 'forbidden',
    en: ['Not your own hours', 'Nobody validates their own hours.', 'Another coordinator or co-manager does.'],
    fr: ['Pas vos propres heures', 'Personne ne valide ses propres heures.', 'Un autre coordinateur ou co-gestionnaire s’en charge.'],
  },
  month_not_over: {
    kind: 'conflict',
    en: ['The month is not over', 'A month is closed once it has ended.'],
    fr: ['Le mois n’est pas fini', 'Un mois se clôt une fois terminé.'],
  },
  pending_entries: {
    kind: 'conflict',
    en: [
      'Entries still wait',
      'Entries of the month still wait for validation.',
      'Have them validated, or close with carryPending to carry them to the next month.',
    ],
    fr: [
      'Des saisies attendent',
      'Des saisies du mois attendent encore leur validation.',
      'Faites-les valider, ou clôturez avec carryPending pour les reporter au mois suivant.',
    ],
  },
  entry_not_approved: {
    kind: 'conflict',
    en: ['Not approved', 'Only approved hours are corrected.'],
    fr: ['Non approuvée', 'Seules les heures approuvées se corrigent.'],
  },
  period_not_closed: {
    kind: 'conflict',
    en: ['The month is not closed', 'Approved hours are corrected once their month is closed; before, the person changes them.'],
    fr: ['Le mois n’est pas clos', 'Les heures approuvées se corrigent une fois leur mois clos ; avant, la personne les modifie.'],
  },
  nothing_to_correct: {
    kind: 'invalid',
    en: ['Nothing to correct', 'The entry already has these minutes.'],
    fr: ['Rien à corriger', 'La saisie a déjà ces minutes.'],
  },
  invalid_range: {
    kind: 'invalid',
    en: ['Not a range of months', 'The last month is on or after the first, at most the number of months a report covers.'],
    fr: ['Pas une plage de mois', 'Le dernier mois est au plus tôt le premier, dans la limite de mois que couvre un rapport.'],
  },
};
