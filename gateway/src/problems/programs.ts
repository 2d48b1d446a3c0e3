// Problem types of the programs service: challenges, projects, teams, boards, local programs.
import type { ProblemEntry } from './catalog.js';

export const programsProblems: Record<string, ProblemEntry> = {
  invalid_challenge: {
    kind: 'invalid',
    en: [
      'The challenge is not valid',
      'Its title (one line of visible characters), description or goals (SDG numbers 1 to 17) are not valid; errors names each one.',
    ],
    fr: [
      'Le défi n’est pas valide',
      'Son titre (une ligne de caractères visibles), sa description ou ses objectifs (ODD 1 à 17) ne sont pas valides ; errors les nomme.',
    ],
  },
  challenge_not_found: {
    kind: 'not_found',
    en: ['No such challenge', 'There is no strategic challenge with this id.'],
    fr: ['Défi introuvable', 'Aucun défi stratégique ne porte cet identifiant.'],
  },
  unknown_challenge: {
    kind: 'invalid',
    en: ['Unknown challenge', 'A field names a challenge that does not exist.'],
    fr: ['Défi inconnu', 'Un champ nomme un défi qui n’existe pas.'],
  },
  refines_not_above: {
    kind: 'invalid',
    en: [
      'Refines a challenge from below',
      'A challenge refines a challenge of a territory above its own.',
      'Choose a challenge of a territory above.',
    ],
    fr: [
      'Précise un défi d’en dessous',
      'Un défi précise un défi d’un territoire au-dessus du sien.',
      'Choisissez un défi d’un territoire au-dessus.',
    ],
  },
  invalid_project: {
    kind: 'invalid',
    en: [
      'The project is not valid',
      'Its title (one line of visible characters), description, kind, period (at most five years), challenges or needs are not valid; errors names each one.',
    ],
    fr: [
      'Le projet n’est pas valide',
      'Son titre (une ligne de caractères visibles), sa description, son type, sa période (cinq ans au plus), ses défis ou ses besoins ne sont pas valides ; errors les nomme.',
    ],
  },
  project_not_found: {
    kind: 'not_found',
    en: ['No such project', 'There is no project with this id that you may see (a draft is seen by its own team only).'],
    fr: ['Projet introuvable', 'Aucun projet visible pour vous ne porte cet identifiant (un brouillon n’est vu que par son équipe).'],
  },
  not_editable: {
    kind: 'conflict',
    en: [
      'The project cannot be edited now',
      'A project is edited as a draft, approved or running; not while proposed, nor once refused, completed or cancelled.',
      'Take a proposal back to draft, or rework a refused project as a draft.',
    ],
    fr: [
      'Le projet ne peut pas être modifié maintenant',
      'Un projet se modifie en brouillon, approuvé ou en cours ; ni proposé, ni refusé, terminé ou annulé.',
      'Ramenez une proposition en brouillon, ou retravaillez un projet refusé en brouillon.',
    ],
  },
  fixed_after_draft: {
    kind: 'conflict',
    en: [
      'Fixed once proposed',
      'The territory and the kind of a project change only while it is a draft: they decide who approves it.',
      'Start another project for another territory or kind.',
    ],
    fr: [
      'Fixé une fois proposé',
      'Le territoire et le type d’un projet ne changent qu’en brouillon : ils décident qui l’approuve.',
      'Créez un autre projet pour un autre territoire ou type.',
    ],
  },
  unknown_need: {
    kind: 'invalid',
    en: [
      'Not one of the project’s needs',
      'A need id is not one of the project’s needs.',
      'Read the project and use the ids of its needs (or none, for a new need).',
    ],
    fr: [
      'Pas un besoin du projet',
      'Un identifiant de besoin n’est pas un des besoins du projet.',
      'Relisez le projet et prenez les identifiants de ses besoins (aucun, pour un nouveau besoin).',
    ],
  },
  needs_in_use: {
    kind: 'conflict',
    en: ['Members fill these needs', 'A need members fill cannot be removed, change skill, or ask fewer minutes than they pledged.'],
    fr: [
      'Des membres remplissent ces besoins',
      'Un besoin rempli par des membres ne peut être retiré, changer de compétence ni demander moins de minutes que promis.',
    ],
  },
  invalid_transition: {
    kind: 'conflict',
    en: [
      'Not a move of the lifecycle',
      'A project goes draft → proposed → approved or refused → active → completed, or cancelled on the way; this move is not one of them from its status.',
    ],
    fr: [
      'Pas une étape du cycle de vie',
      'Un projet va de brouillon à proposé, approuvé ou refusé, en cours, terminé, ou annulé en chemin ; ce passage n’en fait pas partie depuis son statut.',
    ],
  },
  not_an_officer: {
    kind: 'forbidden',
    en: ['Officers approve projects', 'Only an Engagement 21 officer of the project’s territory or above approves or refuses it.'],
    fr: ['Les agents approuvent les projets', 'Seul un agent Engagement 21 du territoire du projet ou au-dessus l’approuve ou le refuse.'],
  },
  own_project: {
    kind: 'forbidden',
    en: [
      'Not on your own project',
      'Someone on a project’s team does not approve or refuse it, even as an officer.',
      'Another officer decides.',
    ],
    fr: [
      'Pas sur votre propre projet',
      'Un membre de l’équipe d’un projet ne l’approuve ni ne le refuse, même agent.',
      'Un autre agent décide.',
    ],
  },
  not_on_board: {
    kind: 'forbidden',
    en: ['The project’s board does this', 'Only the coordinator or a co-manager of the project does this.'],
    fr: ['Le bureau du projet s’en charge', 'Seul le coordinateur ou un co-gestionnaire du projet peut le faire.'],
  },
  not_a_co_manager: {
    kind: 'forbidden',
    en: ['Co-managers decide', 'Only the project’s co-managers (the coordinator included) put decisions to the board and vote.'],
    fr: [
      'Les co-gestionnaires décident',
      'Seuls les co-gestionnaires du projet (coordinateur compris) soumettent des décisions au bureau et votent.',
    ],
  },
  join_request_not_found: {
    kind: 'not_found',
    en: ['No such join request', 'There is no request to join with this id on this project.'],
    fr: ['Demande introuvable', 'Aucune demande d’adhésion ne porte cet identifiant sur ce projet.'],
  },
  request_pending: {
    kind: 'conflict',
    en: ['You asked already', 'Your request to join this project waits for the board.', 'Wait for its answer.'],
    fr: ['Vous l’avez déjà demandé', 'Votre demande d’adhésion attend la réponse du bureau.', 'Attendez sa réponse.'],
  },
  already_member: {
    kind: 'conflict',
    en: ['Already on the team', 'This person is already on the project’s team.'],
    fr: ['Déjà dans l’équipe', 'Cette personne fait déjà partie de l’équipe du projet.'],
  },
  already_decided: {
    kind: 'conflict',
    en: ['Already decided', 'This request was already accepted or declined.'],
    fr: ['Déjà tranchée', 'Cette demande a déjà été acceptée ou refusée.'],
  },
  need_filled: {
    kind: 'conflict',
    en: ['The need is filled', 'Members already pledged every minute this need asks.', 'Offer your time to another need.'],
    fr: [
      'Le besoin est comblé',
      'Les membres ont déjà promis toutes les minutes que demande ce besoin.',
      'Proposez votre temps à un autre besoin.',
    ],
  },
  need_removed: {
    kind: 'conflict',
    en: ['The need was removed', 'The need this request fills was removed from the project.', 'Ask again for another need.'],
    fr: [
      'Le besoin a été retiré',
      'Le besoin visé par cette demande a été retiré du projet.',
      'Refaites une demande pour un autre besoin.',
    ],
  },
  exceeds_open_minutes: {
    kind: 'conflict',
    en: [
      'More than the need has left',
      'The minutes offered are more than the need has left to fill.',
      'Offer at most the open minutes the need shows.',
    ],
    fr: [
      'Plus que ce qui reste au besoin',
      'Les minutes proposées dépassent ce qu’il reste à combler.',
      'Proposez au plus les minutes ouvertes que montre le besoin.',
    ],
  },
  member_not_found: {
    kind: 'not_found',
    en: ['Not on the team', 'This person is not on the project’s team.'],
    fr: ['Pas dans l’équipe', 'Cette personne ne fait pas partie de l’équipe du projet.'],
  },
  coordinator_role: {
    kind: 'conflict',
    en: ['The coordinator stays coordinator', 'The coordinator’s role does not change.'],
    fr: ['Le coordinateur reste coordinateur', 'Le rôle du coordinateur ne change pas.'],
  },
  coordinator_cannot_leave: {
    kind: 'conflict',
    en: ['The coordinator stays', 'The coordinator stays with the project.', 'Complete or cancel the project instead.'],
    fr: ['Le coordinateur reste', 'Le coordinateur reste avec le projet.', 'Terminez ou annulez plutôt le projet.'],
  },
  invalid_decision: {
    kind: 'invalid',
    en: ['The decision is not valid', 'Its title (one line of visible characters), description or deadline (in the future) is not valid.'],
    fr: [
      'La décision n’est pas valide',
      'Son titre (une ligne de caractères visibles), sa description ou son échéance (à venir) n’est pas valide.',
    ],
  },
  decision_not_found: {
    kind: 'not_found',
    en: ['No such decision', 'There is no decision with this id on this project.'],
    fr: ['Décision introuvable', 'Aucune décision ne porte cet identifiant sur ce projet.'],
  },
  decision_closed: {
    kind: 'conflict',
    en: ['Voting is over', 'The deadline of this decision has passed.'],
    fr: ['Le vote est clos', 'L’échéance de cette décision est passée.'],
  },
  already_voted: {
    kind: 'conflict',
    en: ['You voted already', 'Each co-manager votes once on a decision.'],
    fr: ['Vous avez déjà voté', 'Chaque co-gestionnaire vote une fois par décision.'],
  },
  project_closed: {
    kind: 'conflict',
    en: ['The project is closed', 'A completed or cancelled project takes no more decisions.'],
    fr: ['Le projet est clos', 'Un projet terminé ou annulé ne prend plus de décisions.'],
  },
  invalid_feedback: {
    kind: 'invalid',
    en: ['The feedback is not valid', 'A rating is 1 to 5, with a comment of at most 2000 characters.'],
    fr: ['L’avis n’est pas valide', 'Une note va de 1 à 5, avec un commentaire de 2000 caractères au plus.'],
  },
  feedback_not_open: {
    kind: 'conflict',
    en: ['Not open for feedback', 'Feedback is for projects that are running or completed.'],
    fr: ['Pas encore d’avis', 'Les avis portent sur les projets en cours ou terminés.'],
  },
  board_cannot_rate: {
    kind: 'forbidden',
    en: ['The board reads feedback', 'The board reads the feedback on its project; contributors and beneficiaries give it.'],
    fr: ['Le bureau lit les avis', 'Le bureau lit les avis sur son projet ; contributeurs et bénéficiaires les donnent.'],
  },
  invalid_program: {
    kind: 'invalid',
    en: [
      'The program is not valid',
      'A local program gathers approved or running projects of the territory (and below) for the year; errors names the projects that are not.',
    ],
    fr: [
      'Le programme n’est pas valide',
      'Un programme local réunit des projets approuvés ou en cours du territoire (et en dessous) pour l’année ; errors nomme ceux qui ne le sont pas.',
    ],
  },
  program_not_found: {
    kind: 'not_found',
    en: ['No such program', 'There is no local program with this id.'],
    fr: ['Programme introuvable', 'Aucun programme local ne porte cet identifiant.'],
  },
};
