// Problem types of the gateway itself and of the checks every service shares (the kit): input,
// sign-in, versions, idempotency, and the generic kinds a service answers without a code of its own.
import type { ProblemEntry } from './catalog.js';

export const gatewayProblems: Record<string, ProblemEntry> = {
  validation_failed: {
    kind: 'invalid',
    en: ['The request is not valid', 'A path parameter, query parameter, header or body field is missing, malformed or out of range.'],
    fr: [
      'La requête n’est pas valide',
      'Un paramètre de chemin ou de requête, un en-tête ou un champ du corps manque, est mal formé ou hors limites.',
    ],
  },
  malformed_json: {
    kind: 'invalid',
    en: [
      'The body is not valid JSON',
      'The body could not be read as JSON.',
      'Send a well-formed JSON document with Content-Type: application/json.',
    ],
    fr: [
      'Le corps n’est pas du JSON valide',
      'Le corps n’a pas pu être lu comme du JSON.',
      'Envoyez un document JSON bien formé avec Content-Type: application/json.',
    ],
  },
  unsupported_media_type: {
    status: 415,
    en: ['The body must be JSON', 'Writes take JSON bodies only.', 'Send the body as application/json (UTF-8).'],
    fr: ['Le corps doit être du JSON', 'Les écritures ne prennent que des corps JSON.', 'Envoyez le corps en application/json (UTF-8).'],
  },
  payload_too_large: {
    status: 413,
    en: ['The body is too large', 'The body is larger than the 64 kB a request may carry.', 'Send less at once.'],
    fr: ['Le corps est trop gros', 'Le corps dépasse les 64 ko qu’une requête peut porter.', 'Envoyez moins de données à la fois.'],
  },
  control_characters: {
    kind: 'invalid',
    en: [
      'Text holds control characters',
      'A text field holds NUL or another control character (only tabs and line breaks are allowed in free text).',
      'Remove the control characters from the fields named and send the request again.',
    ],
    fr: [
      'Le texte contient des caractères de contrôle',
      'Un champ texte contient NUL ou un autre caractère de contrôle (seuls les tabulations et retours à la ligne sont admis dans un texte libre).',
      'Retirez les caractères de contrôle des champs nommés et renvoyez la requête.',
    ],
  },
  unauthenticated: {
    kind: 'unauthenticated',
    en: ['Sign in first', 'The request carries no session and no bearer token.'],
    fr: ['Connectez-vous d’abord', 'La requête ne porte ni session ni jeton d’accès.'],
  },
  invalid_token: {
    kind: 'unauthenticated',
    en: [
      'The access token is not valid',
      'The bearer token is malformed, expired, not signed by the issuer, or not for this API.',
      'Get a new access token from the issuer and send it as "Authorization: Bearer <token>".',
    ],
    fr: [
      'Le jeton d’accès n’est pas valide',
      'Le jeton est mal formé, expiré, non signé par l’émetteur ou destiné à une autre API.',
      'Obtenez un nouveau jeton auprès de l’émetteur et envoyez-le en « Authorization: Bearer <jeton> ».',
    ],
  },
  sign_in_failed: {
    kind: 'unauthenticated',
    en: [
      'The sign-in could not be completed',
      'The identity provider’s answer to the sign-in could not be verified.',
      'Start the sign-in again from the beginning.',
    ],
    fr: [
      'La connexion n’a pas abouti',
      'La réponse du fournisseur d’identité n’a pas pu être vérifiée.',
      'Recommencez la connexion depuis le début.',
    ],
  },
  sign_in_expired: {
    kind: 'invalid',
    en: ['This sign-in expired', 'The sign-in was started too long ago, or its answer was already used.', 'Start the sign-in again.'],
    fr: [
      'Cette connexion a expiré',
      'La connexion a commencé il y a trop longtemps, ou sa réponse a déjà servi.',
      'Recommencez la connexion.',
    ],
  },
  email_not_verified: {
    kind: 'forbidden',
    en: [
      'Email address not verified',
      'The identity provider has not verified the email address this sign-in would be linked by.',
      'Verify your email address with your sign-in provider, then sign in again.',
    ],
    fr: [
      'Adresse e-mail non vérifiée',
      'Le fournisseur d’identité n’a pas vérifié l’adresse e-mail qui relierait cette connexion.',
      'Vérifiez votre adresse auprès de votre fournisseur de connexion, puis reconnectez-vous.',
    ],
  },
  forbidden: {
    kind: 'forbidden',
    en: [
      'You are not allowed to do this',
      'You are signed in, but your roles do not allow this action here (or the route is for people and you are an integration client).',
    ],
    fr: [
      'Vous n’avez pas le droit de faire cela',
      'Vous êtes connecté, mais vos rôles ne permettent pas cette action ici (ou la route est réservée aux personnes et vous êtes un client d’intégration).',
    ],
  },
  csrf_failed: {
    kind: 'forbidden',
    en: [
      'The request did not come from this site',
      'A write made with the browser session lacks the session’s X-CSRF-Token header.',
      'Send the X-CSRF-Token given by GET /auth/session, or use a bearer token.',
    ],
    fr: [
      'La requête ne vient pas de ce site',
      'Une écriture faite avec la session du navigateur n’a pas l’en-tête X-CSRF-Token de la session.',
      'Envoyez le X-CSRF-Token donné par GET /auth/session, ou utilisez un jeton d’accès.',
    ],
  },
  not_found: {
    kind: 'not_found',
    en: ['Not found', 'There is no such route, or nothing with this id that you may see.'],
    fr: ['Introuvable', 'Cette route n’existe pas, ou rien de visible pour vous ne porte cet identifiant.'],
  },
  stale_version: {
    kind: 'stale',
    en: [
      'Someone changed this in the meantime',
      'The version named by If-Match is no longer the current one: someone else changed the resource since you read it.',
    ],
    fr: [
      'Quelqu’un l’a modifié entre-temps',
      'La version nommée par If-Match n’est plus la version actuelle : quelqu’un a modifié la ressource depuis votre lecture.',
    ],
  },
  precondition_required: {
    kind: 'invalid',
    en: [
      'Say which version you are changing',
      'This change needs the If-Match header, so that it cannot silently overwrite someone else’s.',
      'Read the resource, then send its ETag (e.g. "3") in If-Match.',
    ],
    fr: [
      'Dites quelle version vous modifiez',
      'Cette modification demande l’en-tête If-Match, pour ne pas écraser sans le voir la modification d’un autre.',
      'Lisez la ressource, puis envoyez son ETag (par exemple "3") dans If-Match.',
    ],
  },
  invalid_version: {
    kind: 'invalid',
    en: [
      'Not a version',
      'The version given is not a version number (1 or more; 0 before a first save where the resource says so).',
      'Send the ETag you received in If-Match.',
    ],
    fr: [
      'Pas une version',
      'La version donnée n’est pas un numéro de version (1 ou plus ; 0 avant un premier enregistrement quand la ressource le dit).',
      'Envoyez dans If-Match l’ETag reçu.',
    ],
  },
  invalid_idempotency_key: {
    kind: 'invalid',
    en: ['Not an idempotency key', 'Idempotency-Key must be 1 to 100 letters, digits or ._:-.'],
    fr: ['Pas une clé d’idempotence', 'Idempotency-Key doit compter de 1 à 100 lettres, chiffres ou ._:-.'],
  },
  idempotency_key_reused: {
    kind: 'conflict',
    en: [
      'Idempotency-Key used for another request',
      'This Idempotency-Key was already used for a request with another body. A retry must send the same request.',
      'Retry with the same body, or use a new key for a new request.',
    ],
    fr: [
      'Idempotency-Key déjà utilisée pour une autre requête',
      'Cette Idempotency-Key a déjà servi pour une requête au corps différent. Une nouvelle tentative doit envoyer la même requête.',
      'Réessayez avec le même corps, ou prenez une nouvelle clé pour une nouvelle requête.',
    ],
  },
  invalid_id: {
    kind: 'invalid',
    en: ['Not an id', 'An id is not a UUID.'],
    fr: ['Pas un identifiant', 'Un identifiant n’est pas un UUID.'],
  },
  invalid_date: {
    kind: 'invalid',
    en: ['Not a date', 'A date is not a real calendar date written YYYY-MM-DD.'],
    fr: ['Pas une date', 'Une date n’est pas une vraie date du calendrier écrite AAAA-MM-JJ.'],
  },
  invalid_month: {
    kind: 'invalid',
    en: ['Not a month', 'A month is not written YYYY-MM, from 2000-01 to 2100-12.'],
    fr: ['Pas un mois', 'Un mois n’est pas écrit AAAA-MM, de 2000-01 à 2100-12.'],
  },
  invalid_year: {
    kind: 'invalid',
    en: ['Not a year', 'A year is outside 2000 to 2100.'],
    fr: ['Pas une année', 'Une année est en dehors de 2000 à 2100.'],
  },
  invalid_enum: {
    kind: 'invalid',
    en: ['Not one of the values allowed', 'A field takes one of a fixed list of values; the problem names them.'],
    fr: ['Pas une valeur admise', 'Un champ prend une valeur d’une liste fixe ; le problème les nomme.'],
  },
  invalid_cursor: {
    kind: 'invalid',
    en: [
      'Not a cursor of this list',
      'The cursor was not given out by this list (or was changed).',
      'Start from the first page, then follow nextCursor as given.',
    ],
    fr: [
      'Pas un curseur de cette liste',
      'Le curseur n’a pas été donné par cette liste (ou a été modifié).',
      'Repartez de la première page, puis suivez nextCursor tel quel.',
    ],
  },
  filter_required: {
    kind: 'invalid',
    en: ['Say what to list', 'This list needs a filter (an organization, a currency, a grantee or a scope).'],
    fr: ['Dites quoi lister', 'Cette liste demande un filtre (une organisation, une monnaie, un bénéficiaire ou un périmètre).'],
  },
  reason_required: {
    kind: 'invalid',
    en: ['Say why', 'A refusal or a rejection needs a reason the other side reads.', 'Send the reason with the request.'],
    fr: ['Dites pourquoi', 'Un refus ou un rejet demande une raison, que l’autre partie lira.', 'Envoyez la raison avec la requête.'],
  },
  unknown_reference: {
    kind: 'invalid',
    en: [
      'Refers to something unknown',
      'A field names a territory, challenge or skill that does not exist or may not be used here; errors names each one.',
    ],
    fr: [
      'Fait référence à quelque chose d’inconnu',
      'Un champ nomme un territoire, un défi ou une compétence qui n’existe pas ou ne peut servir ici ; errors les nomme.',
    ],
  },
  rate_limited: {
    kind: 'rate_limited',
    en: ['Too many requests', 'This client sent more requests in the last minute than the gateway allows.'],
    fr: ['Trop de requêtes', 'Ce client a envoyé plus de requêtes dans la dernière minute que la passerelle n’en admet.'],
  },
  service_unavailable: {
    kind: 'unavailable',
    en: ['A service is unavailable', 'A service this request needs did not answer in time, or is restarting.'],
    fr: ['Un service est indisponible', 'Un service nécessaire à la requête n’a pas répondu à temps, ou redémarre.'],
  },
  internal: {
    status: 500,
    en: [
      'Something went wrong on our side',
      'An unexpected error; it was logged.',
      'Try again; if it happens again, report it quoting the request id.',
    ],
    fr: [
      'Une erreur est survenue de notre côté',
      'Une erreur inattendue ; elle a été journalisée.',
      'Réessayez ; si elle se reproduit, signalez-la en citant l’identifiant de la requête.',
    ],
  },
  // The kinds themselves: what a service answers when a refusal carries no code of its own.
  invalid: {
    kind: 'invalid',
    en: ['The request is not valid', 'A service found the request not valid.'],
    fr: ['La requête n’est pas valide', 'Un service a jugé la requête non valide.'],
  },
  conflict: {
    kind: 'conflict',
    en: ['Not possible in the current state', 'The resource’s current state does not allow this.'],
    fr: ['Impossible dans l’état actuel', 'L’état actuel de la ressource ne le permet pas.'],
  },
  already_exists: {
    kind: 'already_exists',
    en: ['It exists already', 'Something unique with these values exists already.'],
    fr: ['Cela existe déjà', 'Quelque chose d’unique avec ces valeurs existe déjà.'],
  },
  stale: {
    kind: 'stale',
    en: ['The version is not current', 'The version given is no longer the current one.'],
    fr: ['La version n’est pas à jour', 'La version donnée n’est plus la version actuelle.'],
  },
};
