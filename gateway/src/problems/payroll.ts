// Problem types of the payroll service: Societal Activity Forms, their verification, employer exports.
import type { ProblemEntry } from './catalog.js';

export const payrollProblems: Record<string, ProblemEntry> = {
  form_not_found: {
    kind: 'not_found',
    en: ['No such form', 'There is no Societal Activity Form with this id that you may read.'],
    fr: ['Relevé introuvable', 'Aucun relevé d’activité sociétale lisible par vous ne porte cet identifiant.'],
  },
  form_integrity_failed: {
    kind: 'unavailable',
    en: [
      'The stored form does not match',
      'The stored document no longer matches the hash taken at its issue, so it is not served.',
      'Tell the territory’s officers, quoting the request id.',
    ],
    fr: [
      'Le relevé stocké ne correspond pas',
      'Le document stocké ne correspond plus à l’empreinte prise à son émission : il n’est pas servi.',
      'Prévenez les agents du territoire en citant l’identifiant de la requête.',
    ],
  },
  invalid_code: {
    kind: 'invalid',
    en: ['Not a verification code', 'A verification code is written like SAF-7K2M-9QXP-4TBD.'],
    fr: ['Pas un code de vérification', 'Un code de vérification s’écrit comme SAF-7K2M-9QXP-4TBD.'],
  },
  invalid_sha256: {
    kind: 'invalid',
    en: ['Not a SHA-256', 'A SHA-256 is 64 hexadecimal digits.'],
    fr: ['Pas un SHA-256', 'Un SHA-256 compte 64 chiffres hexadécimaux.'],
  },
  invalid_scope: {
    kind: 'invalid',
    en: ['Say whose forms', 'Give a territory or an organization, not both.'],
    fr: ['Dites de qui', 'Donnez un territoire ou une organisation, pas les deux.'],
  },
  invalid_limit: {
    kind: 'invalid',
    en: ['Not a limit', 'The number of rows asked is out of range.'],
    fr: ['Pas une limite', 'Le nombre de lignes demandé est hors limites.'],
  },
  invalid_layout: {
    kind: 'invalid',
    en: [
      'The layout is not valid',
      'The columns (1 to 20, each once), their headers or the separator are not valid; errors names each one.',
    ],
    fr: [
      'La mise en page n’est pas valide',
      'Les colonnes (1 à 20, chacune une fois), leurs en-têtes ou le séparateur ne sont pas valides ; errors les nomme.',
    ],
  },
  run_not_found: {
    kind: 'not_found',
    en: ['No such run', 'There is no issuing run with this id.'],
    fr: ['Émission introuvable', 'Aucune émission ne porte cet identifiant.'],
  },
};
