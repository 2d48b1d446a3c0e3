// The demo territory, its organizations and its people, as listed in the README.

export const DEMO_PASSWORD = 'engagement21-demo';

export type TerritoryKey = 'eu' | 'france' | 'paca' | 'bouchesDuRhone' | 'var' | 'marseille' | 'aubagne' | 'toulon';

/** Fixed ids, so the demo can be referred to (and reloaded) by the same ids. */
export const TERRITORIES: { key: TerritoryKey; id: string; parent?: TerritoryKey; level: string; code: string; en: string; fr: string }[] =
  [
    { key: 'eu', id: 'a2100000-0000-4000-8000-000000000001', level: 'eu', code: 'EU', en: 'European Union', fr: 'Union européenne' },
    { key: 'france', id: 'a2100000-0000-4000-8000-000000000002', parent: 'eu', level: 'country', code: 'FR', en: 'France', fr: 'France' },
    {
      key: 'paca',
      id: 'a2100000-0000-4000-8000-000000000003',
      parent: 'france',
      level: 'region',
      code: 'FRL0',
      en: "Provence-Alpes-Côte d'Azur",
      fr: "Provence-Alpes-Côte d'Azur",
    },
    {
      key: 'bouchesDuRhone',
      id: 'a2100000-0000-4000-8000-000000000004',
      parent: 'paca',
      level: 'department',
      code: 'FRL04',
      en: 'Bouches-du-Rhône',
      fr: 'Bouches-du-Rhône',
    },
    { key: 'var', id: 'a2100000-0000-4000-8000-000000000005', parent: 'paca', level: 'department', code: 'FRL05', en: 'Var', fr: 'Var' },
    {
      key: 'marseille',
      id: 'a2100000-0000-4000-8000-000000000006',
      parent: 'bouchesDuRhone',
      level: 'locality',
      code: '13055',
      en: 'Marseille',
      fr: 'Marseille',
    },
    {
      key: 'aubagne',
      id: 'a2100000-0000-4000-8000-000000000007',
      parent: 'bouchesDuRhone',
      level: 'locality',
      code: '13005',
      en: 'Aubagne',
      fr: 'Aubagne',
    },
    {
      key: 'toulon',
      id: 'a2100000-0000-4000-8000-000000000008',
      parent: 'var',
      level: 'locality',
      code: '83137',
      en: 'Toulon',
      fr: 'Toulon',
    },
  ];

export type OrganizationKey =
  'officeMarseille' | 'officeAubagne' | 'calanquesSolaire' | 'villeAubagne' | 'boulangerie' | 'librairie' | 'cafe' | 'jardins';

export const ORGANIZATIONS: { key: OrganizationKey; name: string; kind: string; legalId: string; territory: TerritoryKey }[] = [
  { key: 'officeMarseille', name: 'Engagement 21 Marseille', kind: 'e21_office', legalId: 'E21-13055', territory: 'marseille' },
  { key: 'officeAubagne', name: 'Engagement 21 Aubagne', kind: 'e21_office', legalId: 'E21-13005', territory: 'aubagne' },
  { key: 'calanquesSolaire', name: 'Calanques Solaire SARL', kind: 'private_company', legalId: '812345678', territory: 'marseille' },
  { key: 'villeAubagne', name: "Ville d'Aubagne", kind: 'public_body', legalId: '211300058', territory: 'aubagne' },
  { key: 'boulangerie', name: 'Boulangerie du Panier', kind: 'merchant', legalId: '901234567', territory: 'marseille' },
  { key: 'librairie', name: "Librairie de l'Huveaune", kind: 'merchant', legalId: '902345678', territory: 'aubagne' },
  // Registered, not verified yet: it waits in Marc's verification queue and cannot take payments.
  { key: 'cafe', name: 'Café de la Plaine', kind: 'merchant', legalId: '903456789', territory: 'marseille' },
  { key: 'jardins', name: 'Jardins partagés de la Belle de Mai', kind: 'association', legalId: 'W133012345', territory: 'marseille' },
];

export type PersonKey =
  | 'amina'
  | 'lucas'
  | 'claire'
  | 'sophie'
  | 'karim'
  | 'jeanne'
  | 'lea'
  | 'yanis'
  | 'marc'
  | 'nadia'
  | 'paul'
  | 'helene'
  | 'isabelle'
  | 'thomas'
  | 'bruno'
  | 'odile';

export interface DemoPerson {
  key: PersonKey;
  name: string;
  email: string;
  status: string;
  locale: 'en' | 'fr';
  territory: TerritoryKey;
  /** What they are in the demo, as the README lists it. */
  about: string;
  memberships?: { organization: OrganizationKey; role: 'member' | 'hr_manager' | 'admin'; employeeReference?: string }[];
  roles?: { role: string; territory: TerritoryKey }[];
  competences?: { skill: string; level: number }[];
}

export const PEOPLE: DemoPerson[] = [
  {
    key: 'amina',
    name: 'Amina Haddad',
    email: 'amina@demo.e21.eu',
    status: 'employee',
    locale: 'fr',
    territory: 'marseille',
    about: 'employee of Calanques Solaire (inhabitant)',
    memberships: [{ organization: 'calanquesSolaire', role: 'member', employeeReference: 'CS-0042' }],
    competences: [
      { skill: 'urn:e21:skill:first-aid', level: 3 },
      { skill: 'urn:e21:skill:solar-panel-installation', level: 4 },
    ],
  },
  {
    key: 'lucas',
    name: 'Lucas Martin',
    email: 'lucas@demo.e21.eu',
    status: 'employee',
    locale: 'en',
    territory: 'marseille',
    about: 'employee of Calanques Solaire',
    memberships: [{ organization: 'calanquesSolaire', role: 'member', employeeReference: 'CS-0051' }],
  },
  {
    key: 'claire',
    name: 'Claire Dubois',
    email: 'claire@demo.e21.eu',
    status: 'employee',
    locale: 'fr',
    territory: 'marseille',
    about: 'HR manager of Calanques Solaire',
    memberships: [{ organization: 'calanquesSolaire', role: 'hr_manager', employeeReference: 'CS-0007' }],
  },
  {
    key: 'sophie',
    name: 'Sophie Laurent',
    email: 'sophie@demo.e21.eu',
    status: 'employee',
    locale: 'fr',
    territory: 'aubagne',
    about: "HR manager of Ville d'Aubagne",
    memberships: [{ organization: 'villeAubagne', role: 'hr_manager', employeeReference: 'VA-1203' }],
  },
  {
    key: 'karim',
    name: 'Karim Benali',
    email: 'karim@demo.e21.eu',
    status: 'employee',
    locale: 'fr',
    territory: 'aubagne',
    about: "employee of Ville d'Aubagne",
    memberships: [{ organization: 'villeAubagne', role: 'member', employeeReference: 'VA-2210' }],
  },
  {
    key: 'jeanne',
    name: 'Jeanne Moreau',
    email: 'jeanne@demo.e21.eu',
    status: 'retired',
    locale: 'fr',
    territory: 'marseille',
    about: 'retired volunteer',
    memberships: [{ organization: 'jardins', role: 'member' }],
  },
  {
    key: 'lea',
    name: 'Léa Fontaine',
    email: 'lea@demo.e21.eu',
    status: 'student',
    locale: 'en',
    territory: 'aubagne',
    about: 'student (English interface)',
  },
  {
    key: 'yanis',
    name: 'Yanis Petit',
    email: 'yanis@demo.e21.eu',
    status: 'unemployed',
    locale: 'fr',
    territory: 'marseille',
    about: 'unemployed person, invited to join Calanques Solaire',
  },
  {
    key: 'marc',
    name: 'Marc Rossi',
    email: 'marc@demo.e21.eu',
    status: 'employee',
    locale: 'fr',
    territory: 'marseille',
    about: 'Engagement 21 officer of Marseille',
    memberships: [{ organization: 'officeMarseille', role: 'admin' }],
    roles: [{ role: 'officer', territory: 'marseille' }],
  },
  {
    key: 'nadia',
    name: 'Nadia Kaci',
    email: 'nadia@demo.e21.eu',
    status: 'employee',
    locale: 'fr',
    territory: 'aubagne',
    about: 'Engagement 21 officer of Aubagne',
    memberships: [{ organization: 'officeAubagne', role: 'admin' }],
    roles: [{ role: 'officer', territory: 'aubagne' }],
  },
  {
    key: 'paul',
    name: 'Paul Girard',
    email: 'paul@demo.e21.eu',
    status: 'retired',
    locale: 'fr',
    territory: 'marseille',
    about: 'member of the territorial assembly of Marseille',
    roles: [{ role: 'assembly_member', territory: 'marseille' }],
  },
  {
    key: 'helene',
    name: 'Hélène Garnier',
    email: 'helene@demo.e21.eu',
    status: 'employee',
    locale: 'fr',
    territory: 'marseille',
    about: "territory admin of Provence-Alpes-Côte d'Azur (and regional officer)",
    roles: [
      { role: 'territory_admin', territory: 'paca' },
      { role: 'officer', territory: 'paca' },
    ],
  },
  {
    key: 'isabelle',
    name: 'Isabelle Roux',
    email: 'isabelle@demo.e21.eu',
    status: 'freelancer',
    locale: 'fr',
    territory: 'marseille',
    about: 'merchant: Boulangerie du Panier',
    memberships: [{ organization: 'boulangerie', role: 'admin' }],
  },
  {
    key: 'thomas',
    name: 'Thomas Blanc',
    email: 'thomas@demo.e21.eu',
    status: 'freelancer',
    locale: 'fr',
    territory: 'aubagne',
    about: "merchant: Librairie de l'Huveaune",
    memberships: [{ organization: 'librairie', role: 'admin' }],
  },
  {
    key: 'bruno',
    name: 'Bruno Vidal',
    email: 'bruno@demo.e21.eu',
    status: 'freelancer',
    locale: 'fr',
    territory: 'marseille',
    about: 'merchant: Café de la Plaine (awaiting verification)',
    memberships: [{ organization: 'cafe', role: 'admin' }],
  },
  {
    key: 'odile',
    name: 'Odile Fabre',
    email: 'odile@demo.e21.eu',
    status: 'employee',
    locale: 'fr',
    territory: 'aubagne',
    about: 'treasury officer of Bouches-du-Rhône',
    roles: [{ role: 'treasury_officer', territory: 'bouchesDuRhone' }],
  },
];

/** The merchants an officer of their territory has verified in the demo, and who did. */
export const VERIFIED: { organization: OrganizationKey; by: PersonKey }[] = [
  { organization: 'boulangerie', by: 'marc' },
  { organization: 'librairie', by: 'nadia' },
];

/** Invitations waiting for an answer: Claire offers Yanis a job at Calanques Solaire. */
export const INVITATIONS: {
  organization: OrganizationKey;
  by: PersonKey;
  to: PersonKey;
  role: 'member' | 'hr_manager' | 'admin';
  employeeReference: string;
}[] = [{ organization: 'calanquesSolaire', by: 'claire', to: 'yanis', role: 'member', employeeReference: 'CS-0063' }];
