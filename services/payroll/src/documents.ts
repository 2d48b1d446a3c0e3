// A Societal Activity Form as documents: its JSON (what is hashed and kept) and its A4 PDF with
// bilingual headings, dated at its issue so that the same form always renders the same bytes.
import { renderPdf, type DocumentSpec } from '@e21/documents';
import { decimalText, hoursText } from './domain/exports.js';
import type { FormFigures } from './domain/forms.js';

/** What identifies an issued form, besides its figures. */
export interface FormIdentity {
  id: string;
  version: number;
  supersedesId: string | null;
  issuedAt: Date;
  verificationCode: string;
}

/** The form's JSON document: its identity and its figures, in a fixed key order. */
export function formJson(identity: FormIdentity, figures: FormFigures) {
  return {
    formId: identity.id,
    version: identity.version,
    supersedesId: identity.supersedesId,
    issuedAt: identity.issuedAt.toISOString(),
    verificationCode: identity.verificationCode,
    ...figures,
  };
}

const hours = (minutes: number) => `${hoursText(minutes, false)} h`;

const KIND_LABELS: Record<string, string> = {
  employee: 'Salarié·e / Employee',
  freelancer: 'Indépendant·e / Freelancer',
  retired: 'Retraité·e / Retired',
  student: 'Étudiant·e / Student',
  unemployed: 'Sans emploi / Unemployed',
  volunteer: 'Bénévole / Volunteer',
};

export function formDocumentSpec(identity: FormIdentity, f: FormFigures, verifyUrl: string): DocumentSpec {
  const money = (minor: number) => `${decimalText(minor, f.currency?.minorUnits ?? 2, false)} ${f.currency?.code ?? ''}`;
  const projectTitle = new Map(f.projects.map((p) => [p.projectId, p.title]));
  const skillLabel = new Map(f.competences.map((c) => [c.skillId, c.label]));
  return {
    title: 'Formulaire d’Activité Sociétale / Societal Activity Form',
    subtitle: `${f.personName} — ${f.month} — version ${identity.version}`,
    createdAt: identity.issuedAt,
    author: `Engagement 21 ${f.territoryName}`,
    subject: `Societal Activity Form ${f.month}`,
    sections: [
      {
        heading: 'Personne et contrat / Person and contract',
        fields: [
          { label: 'Personne / Person', value: f.personName },
          { label: 'Territoire / Territory', value: f.territoryName },
          { label: 'Employeur / Employer', value: f.employerName || '—' },
          { label: 'Nature / Kind', value: KIND_LABELS[f.contractKind] ?? f.contractKind },
          { label: 'Contrat / Contract', value: `${f.contractId} (version ${f.contractVersion})` },
          { label: 'Mois / Month', value: f.month },
          { label: 'Heures du mois / Hours of the month', value: hours(f.totalMinutes) },
        ],
      },
      {
        heading: 'Heures par projet / Hours per project',
        table: { columns: ['Projet / Project', 'Heures / Hours'], rows: f.projects.map((p) => [p.title, hours(p.minutes)]), numeric: [1] },
      },
      {
        heading: 'Heures par compétence / Hours per competence',
        table: { columns: ['Compétence / Competence', 'Groupe / Group', 'Heures / Hours'], rows: f.competences.map((c) => [c.label, c.groupLabel || '—', hours(c.minutes)]), numeric: [2] },
      },
      {
        heading: 'Projet et compétence / Project and competence',
        table: {
          columns: ['Projet / Project', 'Compétence / Competence', 'Heures / Hours'],
          rows: f.projectCompetences.map((pc) => [projectTitle.get(pc.projectId) ?? pc.projectId, skillLabel.get(pc.skillId) ?? pc.skillId, hours(pc.minutes)]),
          numeric: [2],
        },
      },
      ...(f.challenges.length
        ? [{ heading: 'Heures par défi stratégique / Hours per strategic challenge', table: { columns: ['Défi / Challenge', 'Heures / Hours'], rows: f.challenges.map((c) => [c.title, hours(c.minutes)]), numeric: [1] } }]
        : []),
      {
        heading: 'Année du contrat / Contract year',
        fields: [
          { label: 'Période / Period', value: `${f.contractYearStart} — ${f.contractYearEnd}` },
          { label: 'Heures depuis le début de l’année / Hours since the start of the year', value: `${hours(f.yearToDateMinutes)} / ${hours(f.yearlyMinutes)}` },
        ],
      },
      {
        heading: 'Monnaie locale / Local currency',
        fields: f.currency
          ? [
              { label: 'Crédité pour ces heures / Credited for these hours', value: money(f.currency.creditedMinor) },
              { label: 'Solde du portefeuille en fin de mois / Wallet balance at month end', value: money(f.currency.balanceAtMonthEndMinor) },
            ]
          : [{ label: 'Monnaie / Currency', value: 'Aucune monnaie locale ici / No local currency here' }],
      },
      {
        heading: 'Vérification / Verification',
        fields: [
          { label: 'Code', value: identity.verificationCode },
          { label: 'Émis le / Issued at (UTC)', value: identity.issuedAt.toISOString() },
          ...(identity.supersedesId ? [{ label: 'Remplace / Supersedes', value: identity.supersedesId }] : []),
        ],
        paragraphs: [`Vérifier / Verify: ${verifyUrl}`],
      },
    ],
    footer: `${identity.verificationCode} · ${f.personName} · ${f.month} · v${identity.version}`,
  };
}

export const formPdf = (identity: FormIdentity, figures: FormFigures, verifyUrl: string): Promise<Buffer> => renderPdf(formDocumentSpec(identity, figures, verifyUrl));
