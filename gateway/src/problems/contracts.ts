// Problem types of the contracts service: employer commitments, SAR contracts and their negotiation,
// schedules, SAR holidays.
import type { ProblemEntry } from './catalog.js';

export const contractsProblems: Record<string, ProblemEntry> = {
  invalid_commitment: {
    kind: 'invalid',
    en: [
      'The commitment is not valid',
      'A commitment is a number of minutes, or a share of the declared working minutes that comes to at least one minute.',
    ],
    fr: [
      'L’engagement n’est pas valide',
      'Un engagement est un nombre de minutes, ou une part des minutes de travail déclarées qui fait au moins une minute.',
    ],
  },
  commitment_below_allocation: {
    kind: 'conflict',
    en: [
      'Below what is signed',
      'Signed contracts already allocate more minutes than this commitment; a commitment is never lowered below them.',
      'Commit at least the allocated minutes the problem gives.',
    ],
    fr: [
      'En dessous de ce qui est signé',
      'Les contrats signés allouent déjà plus de minutes que cet engagement ; il ne descend jamais en dessous.',
      'Engagez au moins les minutes allouées que donne le problème.',
    ],
  },
  commitment_exceeded: {
    kind: 'conflict',
    en: [
      'Beyond the employer’s commitment',
      'Signing would allocate more hours than the employer committed for the year.',
      'The employer raises its commitment, or the contract asks fewer hours.',
    ],
    fr: [
      'Au-delà de l’engagement de l’employeur',
      'La signature allouerait plus d’heures que l’employeur n’en a engagé pour l’année.',
      'L’employeur relève son engagement, ou le contrat demande moins d’heures.',
    ],
  },
  invalid_terms: {
    kind: 'invalid',
    en: [
      'The terms are not valid',
      'The period (one calendar year at most), yearly hours, competences, schedule or preferred projects are not valid; errors names each one.',
    ],
    fr: [
      'Les conditions ne sont pas valides',
      'La période (une année civile au plus), les heures annuelles, les compétences, le calendrier ou les projets préférés ne sont pas valides ; errors les nomme.',
    ],
  },
  schedule_exceeds_yearly_minutes: {
    kind: 'invalid',
    en: [
      'The schedule plans more than the yearly hours',
      'The weekly allowance and the blocks plan more minutes than the contract’s yearly minutes.',
      'Lower the weekly allowance or the blocks, or raise the yearly hours.',
    ],
    fr: [
      'Le calendrier prévoit plus que les heures annuelles',
      'L’enveloppe hebdomadaire et les blocs prévoient plus de minutes que le contrat n’en compte par an.',
      'Baissez l’enveloppe ou les blocs, ou augmentez les heures annuelles.',
    ],
  },
  contract_not_found: {
    kind: 'not_found',
    en: ['No such contract', 'There is no contract with this id that you are a party to.'],
    fr: ['Contrat introuvable', 'Aucun contrat dont vous êtes partie ne porte cet identifiant.'],
  },
  version_not_found: {
    kind: 'not_found',
    en: ['No such version', 'The contract has no version with this number.'],
    fr: ['Version introuvable', 'Le contrat n’a pas de version de ce numéro.'],
  },
  contract_overlaps: {
    kind: 'conflict',
    en: [
      'Overlaps another contract',
      'The person already has a contract over part of this period.',
      'Choose a period after it, or terminate the other contract first.',
    ],
    fr: [
      'Chevauche un autre contrat',
      'La personne a déjà un contrat sur une partie de cette période.',
      'Choisissez une période après, ou résiliez d’abord l’autre contrat.',
    ],
  },
  no_employer: {
    kind: 'conflict',
    en: ['No employer yet', 'The person is an employee of no organization.', 'Their employer adds them as a member first.'],
    fr: ['Pas encore d’employeur', 'La personne n’est salariée d’aucune organisation.', 'Son employeur l’ajoute d’abord comme membre.'],
  },
  not_the_employer: {
    kind: 'invalid',
    en: ['Not the person’s employer', 'The employer named is not an organization the person belongs to.'],
    fr: ['Pas l’employeur de la personne', 'L’employeur nommé n’est pas une organisation dont la personne est membre.'],
  },
  no_office: {
    kind: 'conflict',
    en: [
      'No Engagement 21 office here',
      'No Engagement 21 office serves the person’s territory yet.',
      'A territory admin registers the office first.',
    ],
    fr: [
      'Pas de bureau Engagement 21 ici',
      'Aucun bureau Engagement 21 ne sert encore le territoire de la personne.',
      'Un administrateur de territoire inscrit d’abord le bureau.',
    ],
  },
  not_a_party: {
    kind: 'forbidden',
    en: ['Not a party', 'You cannot act as this party on this contract.'],
    fr: ['Pas partie au contrat', 'Vous ne pouvez pas agir comme cette partie sur ce contrat.'],
  },
  party_required: {
    kind: 'invalid',
    en: ['Say as which party', 'You may act as several parties on this contract.', 'Send `party`: one of those the problem names.'],
    fr: [
      'Dites en tant que quelle partie',
      'Vous pouvez agir comme plusieurs parties sur ce contrat.',
      'Envoyez `party` : une de celles que nomme le problème.',
    ],
  },
  contract_closed: {
    kind: 'conflict',
    en: ['The contract is closed', 'A terminated or withdrawn contract is negotiated no more.'],
    fr: ['Le contrat est clos', 'Un contrat résilié ou retiré ne se négocie plus.'],
  },
  contract_suspended: {
    kind: 'conflict',
    en: [
      'The contract is suspended',
      'A suspended contract is resumed before it is amended.',
      'The employer or the office resumes it first.',
    ],
    fr: ['Le contrat est suspendu', 'Un contrat suspendu est repris avant d’être modifié.', 'L’employeur ou le bureau le reprend d’abord.'],
  },
  nothing_to_accept: {
    kind: 'conflict',
    en: ['Nothing to accept', 'No version is under negotiation.'],
    fr: ['Rien à accepter', 'Aucune version n’est en négociation.'],
  },
  nothing_to_withdraw: {
    kind: 'conflict',
    en: ['Nothing to withdraw', 'No version is under negotiation.'],
    fr: ['Rien à retirer', 'Aucune version n’est en négociation.'],
  },
  not_signed: {
    kind: 'conflict',
    en: ['Not signed', 'Only signed versions are documents.'],
    fr: ['Non signée', 'Seules les versions signées sont des documents.'],
  },
  not_suspended: {
    kind: 'conflict',
    en: ['Not suspended', 'Only a suspended contract is resumed.'],
    fr: ['Pas suspendu', 'Seul un contrat suspendu se reprend.'],
  },
  party_cannot_suspend: {
    kind: 'forbidden',
    en: ['The employer or the office suspends', 'Only the employer or the office suspends a contract.'],
    fr: ['L’employeur ou le bureau suspend', 'Seuls l’employeur ou le bureau suspendent un contrat.'],
  },
  party_cannot_resume: {
    kind: 'forbidden',
    en: ['The employer or the office resumes', 'Only the employer or the office resumes a suspended contract.'],
    fr: ['L’employeur ou le bureau reprend', 'Seuls l’employeur ou le bureau reprennent un contrat suspendu.'],
  },
  invalid_end_date: {
    kind: 'invalid',
    en: ['Not a possible end date', 'A contract ends within its period, not before what was already given.'],
    fr: ['Date de fin impossible', 'Un contrat prend fin dans sa période, pas avant ce qui a déjà été donné.'],
  },
  contract_not_in_force: {
    kind: 'conflict',
    en: ['The contract is not in force', 'The contract is not in force on this date (not signed, suspended, or outside its period).'],
    fr: ['Le contrat n’est pas en vigueur', 'Le contrat n’est pas en vigueur à cette date (non signé, suspendu ou hors de sa période).'],
  },
  invalid_holidays: {
    kind: 'invalid',
    en: ['The SAR holidays are not valid', 'Their dates (within the contract’s period) or minutes are not valid; errors names each one.'],
    fr: [
      'Les congés DAS ne sont pas valides',
      'Leurs dates (dans la période du contrat) ou leurs minutes ne sont pas valides ; errors les nomme.',
    ],
  },
  holidays_exceed_sar: {
    kind: 'conflict',
    en: [
      'More than the SAR holds',
      'With these holidays the contract would plan more minutes than its yearly minutes.',
      'Ask for fewer minutes.',
    ],
    fr: [
      'Plus que le DAS n’en contient',
      'Avec ces congés, le contrat prévoirait plus de minutes que ses minutes annuelles.',
      'Demandez moins de minutes.',
    ],
  },
  holidays_not_found: {
    kind: 'not_found',
    en: ['No such SAR holidays', 'There are no SAR holidays with this id.'],
    fr: ['Congés DAS introuvables', 'Aucun congé DAS ne porte cet identifiant.'],
  },
  holidays_decided: {
    kind: 'conflict',
    en: ['Already decided', 'These SAR holidays were already approved, refused or cancelled.'],
    fr: ['Déjà tranchés', 'Ces congés DAS ont déjà été approuvés, refusés ou annulés.'],
  },
  not_your_decision: {
    kind: 'conflict',
    en: ['Not your turn', 'The SAR holidays wait for another party’s decision (the employer agrees before the office approves).'],
    fr: ['Pas votre tour', 'Les congés DAS attendent la décision d’une autre partie (l’employeur accepte avant que le bureau approuve).'],
  },
  not_project_initiator: {
    kind: 'invalid',
    en: ['Not your initiative', 'SAR holidays are for a project you initiated and coordinate.'],
    fr: ['Pas votre initiative', 'Les congés DAS sont pour un projet que vous avez lancé et coordonnez.'],
  },
  project_not_eligible: {
    kind: 'invalid',
    en: ['Not a project for SAR holidays', 'SAR holidays are for individual initiatives and international solidarity projects.'],
    fr: [
      'Pas un projet pour des congés DAS',
      'Les congés DAS sont pour les initiatives individuelles et les projets de solidarité internationale.',
    ],
  },
  project_not_approved: {
    kind: 'invalid',
    en: ['The project is not approved', 'The project must be approved (or running) first.'],
    fr: ['Le projet n’est pas approuvé', 'Le projet doit d’abord être approuvé (ou en cours).'],
  },
  unknown_project: {
    kind: 'invalid',
    en: ['Unknown project', 'A field names a project that does not exist.'],
    fr: ['Projet inconnu', 'Un champ nomme un projet qui n’existe pas.'],
  },
};
