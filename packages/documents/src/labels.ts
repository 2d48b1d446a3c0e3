// Labels printed on more than one document, bilingual as every document is (French / English).

/** The kind of a SAR contract, which is the person's status: on the contract and on the Societal Activity Form. */
export const CONTRACT_KIND_LABELS: Readonly<Record<string, string>> = {
  employee: 'Salarié·e / Employee',
  freelancer: 'Indépendant·e / Freelancer',
  retired: 'Retraité·e / Retired',
  student: 'Étudiant·e / Student',
  unemployed: 'Sans emploi / Unemployed',
  volunteer: 'Bénévole / Volunteer',
};
