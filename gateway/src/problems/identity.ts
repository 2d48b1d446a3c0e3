// Problem types of the identity service: people, organizations, territories, roles, competences.
import type { ProblemEntry } from './catalog.js';

export const identityProblems: Record<string, ProblemEntry> = {
  invalid_person: {
    kind: 'invalid',
    en: [
      'The person is not valid',
      'A name, email, language, status or territory of the person is not valid (a name is one line of visible characters); errors names each one.',
    ],
    fr: [
      'La personne n’est pas valide',
      'Un nom, un e-mail, une langue, un statut ou un territoire n’est pas valide (un nom tient sur une ligne de caractères visibles) ; errors les nomme.',
    ],
  },
  weak_password: {
    kind: 'invalid',
    en: ['The password is too weak', 'A password has 10 to 200 characters.'],
    fr: ['Le mot de passe est trop faible', 'Un mot de passe compte de 10 à 200 caractères.'],
  },
  email_taken: {
    kind: 'already_exists',
    en: [
      'This email is registered already',
      'Someone is already registered with this email address.',
      'Sign in with it, or use another address.',
    ],
    fr: [
      'Cet e-mail est déjà inscrit',
      'Une personne est déjà inscrite avec cette adresse.',
      'Connectez-vous avec elle, ou prenez une autre adresse.',
    ],
  },
  no_territories: {
    kind: 'conflict',
    en: ['No territory yet', 'People register in a territory, and none exists yet.', 'A territory admin creates the territory tree first.'],
    fr: [
      'Aucun territoire encore',
      'On s’inscrit dans un territoire, et aucun n’existe encore.',
      'Un administrateur de territoire crée d’abord l’arborescence.',
    ],
  },
  unknown_subject: {
    kind: 'not_found',
    en: [
      'Unknown sign-in',
      'This sign-in is linked to no person and carries no email address to link it by.',
      'Sign in with an account whose provider shares a verified email address.',
    ],
    fr: [
      'Connexion inconnue',
      'Cette connexion n’est liée à aucune personne et ne porte pas d’e-mail pour l’y relier.',
      'Connectez-vous avec un compte dont le fournisseur partage une adresse vérifiée.',
    ],
  },
  invalid_subject: {
    kind: 'invalid',
    en: ['Not a subject', 'A subject is "person:<uuid>", "client:<id>" or "system:<service>".'],
    fr: ['Pas un sujet', 'Un sujet s’écrit « person:<uuid> », « client:<id> » ou « system:<service> ».'],
  },
  person_not_found: {
    kind: 'not_found',
    en: ['No such person', 'There is no person with this id that you may see.'],
    fr: ['Personne introuvable', 'Aucune personne visible pour vous ne porte cet identifiant.'],
  },
  unknown_person: {
    kind: 'invalid',
    en: ['Unknown person', 'A field names a person who does not exist.'],
    fr: ['Personne inconnue', 'Un champ nomme une personne qui n’existe pas.'],
  },
  invalid_organization: {
    kind: 'invalid',
    en: [
      'The organization is not valid',
      'Its name (one line of visible characters), kind or legal id (SIREN, SIRET, VAT...) is not valid; errors names each one.',
    ],
    fr: [
      'L’organisation n’est pas valide',
      'Son nom (une ligne de caractères visibles), son type ou son identifiant légal (SIREN, SIRET, TVA...) n’est pas valide ; errors les nomme.',
    ],
  },
  organization_exists: {
    kind: 'already_exists',
    en: [
      'This organization is registered already',
      'An organization of this kind with this legal id is already registered.',
      'Ask its admins to add you as a member.',
    ],
    fr: [
      'Cette organisation est déjà inscrite',
      'Une organisation de ce type avec cet identifiant légal est déjà inscrite.',
      'Demandez à ses administrateurs de vous ajouter comme membre.',
    ],
  },
  organization_not_found: {
    kind: 'not_found',
    en: ['No such organization', 'There is no organization with this id.'],
    fr: ['Organisation introuvable', 'Aucune organisation ne porte cet identifiant.'],
  },
  unknown_organization: {
    kind: 'invalid',
    en: ['Unknown organization', 'A field names an organization that does not exist.'],
    fr: ['Organisation inconnue', 'Un champ nomme une organisation qui n’existe pas.'],
  },
  membership_not_found: {
    kind: 'not_found',
    en: ['Not a member', 'This person is not a member of the organization.'],
    fr: ['Pas membre', 'Cette personne n’est pas membre de l’organisation.'],
  },
  hr_cannot_manage_managers: {
    kind: 'forbidden',
    en: [
      'Only an admin manages HR managers and admins',
      'HR managers add and remove members; only an admin grants or removes the HR manager and admin roles.',
      'Ask an admin of the organization.',
    ],
    fr: [
      'Seul un administrateur gère les RH et les administrateurs',
      'Les responsables RH ajoutent et retirent des membres ; seul un administrateur donne ou retire les rôles RH et administrateur.',
      'Demandez à un administrateur de l’organisation.',
    ],
  },
  last_admin: {
    kind: 'conflict',
    en: ['The last admin stays', 'An organization keeps at least one admin.', 'Make someone else admin first.'],
    fr: [
      'Le dernier administrateur reste',
      'Une organisation garde au moins un administrateur.',
      'Nommez d’abord quelqu’un d’autre administrateur.',
    ],
  },
  territory_not_found: {
    kind: 'not_found',
    en: ['No such territory', 'There is no territory with this id.'],
    fr: ['Territoire introuvable', 'Aucun territoire ne porte cet identifiant.'],
  },
  unknown_territory: {
    kind: 'invalid',
    en: ['Unknown territory', 'A field names a territory that does not exist.'],
    fr: ['Territoire inconnu', 'Un champ nomme un territoire qui n’existe pas.'],
  },
  invalid_territory: {
    kind: 'invalid',
    en: [
      'The territory is not valid',
      'Its level, code, labels or parent are not valid (a territory sits under a territory of a higher level, never under itself).',
    ],
    fr: [
      'Le territoire n’est pas valide',
      'Son niveau, son code, ses libellés ou son parent ne sont pas valides (un territoire est sous un territoire de niveau supérieur, jamais sous lui-même).',
    ],
  },
  invalid_grantee: {
    kind: 'invalid',
    en: ['Not a grantee', 'A grantee is "person:<uuid>" or "client:<client id>".'],
    fr: ['Pas un bénéficiaire', 'Un bénéficiaire s’écrit « person:<uuid> » ou « client:<id du client> ».'],
  },
  client_role: {
    kind: 'invalid',
    en: ['Clients are integrators only', 'An integration client can only be given the integrator role.'],
    fr: ['Un client n’est qu’intégrateur', 'Un client d’intégration ne peut recevoir que le rôle d’intégrateur.'],
  },
  role_needs_territory: {
    kind: 'invalid',
    en: [
      'This role is given on a territory',
      'Officers, territory admins, assembly members, moderators, treasury officers and integrators hold their role on a territory.',
      'Send scopeKind territory with the territory’s id.',
    ],
    fr: [
      'Ce rôle se donne sur un territoire',
      'Agents, administrateurs de territoire, membres d’assemblée, modérateurs, agents du trésor et intégrateurs tiennent leur rôle sur un territoire.',
      'Envoyez scopeKind territory avec l’identifiant du territoire.',
    ],
  },
  role_grant_not_found: {
    kind: 'not_found',
    en: ['No such role grant', 'There is no role grant with this id.'],
    fr: ['Attribution de rôle introuvable', 'Aucune attribution de rôle ne porte cet identifiant.'],
  },
  unknown_skill: {
    kind: 'not_found',
    en: ['Unknown skill', 'The skills taxonomy has no skill with this id.', 'Search the taxonomy (GET /v1/skills) and use one of its ids.'],
    fr: [
      'Compétence inconnue',
      'La taxonomie ne contient aucune compétence avec cet identifiant.',
      'Cherchez dans la taxonomie (GET /v1/skills) et prenez un de ses identifiants.',
    ],
  },
  skill_group: {
    kind: 'invalid',
    en: ['A group, not a skill', 'This id is a group of skills; a competence is one skill of it.', 'Choose a skill within the group.'],
    fr: [
      'Un groupe, pas une compétence',
      'Cet identifiant est un groupe de compétences ; une compétence en est une.',
      'Choisissez une compétence du groupe.',
    ],
  },
  invalid_skill_id: {
    kind: 'invalid',
    en: ['Not a skill id', 'A skill id is a non-empty identifier of the taxonomy, at most 300 characters.'],
    fr: [
      'Pas un identifiant de compétence',
      'Un identifiant de compétence est un identifiant non vide de la taxonomie, de 300 caractères au plus.',
    ],
  },
  invalid_level: {
    kind: 'invalid',
    en: ['Not a level', 'A competence level is 1 (basic) to 4 (expert).'],
    fr: ['Pas un niveau', 'Un niveau de compétence va de 1 (notions) à 4 (expert).'],
  },
  competence_not_found: {
    kind: 'not_found',
    en: ['Not in the profile', 'The person’s profile has no competence with this skill.'],
    fr: ['Absente du profil', 'Le profil de la personne n’a pas cette compétence.'],
  },
  invitation_required: {
    kind: 'conflict',
    en: [
      'Invite them first',
      'A person joins an organization only by accepting its invitation; only existing members can be changed here.',
      'Invite the person by e-mail.',
    ],
    fr: [
      'Invitez d’abord',
      'Une personne ne rejoint une organisation qu’en acceptant son invitation ; seuls les membres existants se modifient ici.',
      'Invitez la personne par e-mail.',
    ],
  },
  invitation_not_found: {
    kind: 'not_found',
    en: ['No such invitation', 'There is no invitation with this id that you may see.'],
    fr: ['Invitation introuvable', 'Aucune invitation visible pour vous ne porte cet identifiant.'],
  },
  invitation_pending: {
    kind: 'conflict',
    en: [
      'Already invited',
      'An invitation to this address is already waiting for an answer.',
      'Wait for the answer, or withdraw it and invite again.',
    ],
    fr: [
      'Déjà invitée',
      'Une invitation à cette adresse attend déjà sa réponse.',
      'Attendez la réponse, ou retirez-la et invitez de nouveau.',
    ],
  },
  invitation_not_pending: {
    kind: 'conflict',
    en: ['The invitation is settled', 'This invitation was already answered, withdrawn or has expired.'],
    fr: ['L’invitation est close', 'Cette invitation a déjà reçu sa réponse, a été retirée ou a expiré.'],
  },
  invitation_accepted: {
    kind: 'conflict',
    en: ['Already accepted', 'This invitation was accepted: the person is a member.'],
    fr: ['Déjà acceptée', 'Cette invitation a été acceptée : la personne est membre.'],
  },
  invitation_revoked: {
    kind: 'conflict',
    en: ['Withdrawn', 'The organization withdrew this invitation.'],
    fr: ['Retirée', 'L’organisation a retiré cette invitation.'],
  },
  invitation_expired: {
    kind: 'conflict',
    en: ['Expired', 'Invitations expire after 30 days without an answer.', 'Ask the organization to invite you again.'],
    fr: ['Expirée', 'Une invitation expire après 30 jours sans réponse.', 'Demandez à l’organisation de vous inviter de nouveau.'],
  },
  own_organization: {
    kind: 'forbidden',
    en: [
      'Not your own organization',
      'An officer does not verify an organization they belong to.',
      'Another officer of the territory verifies it.',
    ],
    fr: [
      'Pas votre propre organisation',
      'Un agent ne vérifie pas une organisation dont il est membre.',
      'Un autre agent du territoire la vérifie.',
    ],
  },
  not_verified: {
    kind: 'conflict',
    en: ['Not verified', 'This organization is not verified: there is no verification to revoke.'],
    fr: ['Non vérifiée', 'Cette organisation n’est pas vérifiée : il n’y a pas de vérification à retirer.'],
  },
};
