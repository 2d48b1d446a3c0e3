// A Societal Activity Form as documents: its JSON (what is hashed and kept) and its A4 PDF with
// bilingual headings, dated at its issue so that the same form always renders the same bytes; and
// the same two for its employer view, which name no project, challenge, competence nor wallet.
import { CONTRACT_KIND_LABELS, renderPdf, type DocumentSpec, type Section } from '@e21/documents';
import { decimalText, hoursText } from './domain/exports.js';
import { canonicalJson, sha256, type EmployerDocuments, type FormFigures } from './domain/forms.js';
import { employerFormView, type EmployerFormFigures } from './domain/views.js';

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

const moneyOf = (currency: { minorUnits: number; code: string } | null) => (minor: number) =>
  `${decimalText(minor, currency?.minorUnits ?? 2, false)} ${currency?.code ?? ''}`;

function personAndContract(f: FormFigures | EmployerFormFigures): Section {
  return {
    heading: 'Personne et contrat / Person and contract',
    fields: [
      { label: 'Personne / Person', value: f.personName },
      { label: 'Territoire / Territory', value: f.territoryName },
      { label: 'Employeur / Employer', value: f.employerName || '—' },
      { label: 'Nature / Kind', value: CONTRACT_KIND_LABELS[f.contractKind] ?? f.contractKind },
      { label: 'Contrat / Contract', value: `${f.contractId} (version ${f.contractVersion})` },
      { label: 'Mois / Month', value: f.month },
      { label: 'Heures du mois / Hours of the month', value: hours(f.totalMinutes) },
    ],
  };
}

function contractYear(f: FormFigures | EmployerFormFigures): Section {
  return {
    heading: 'Année du contrat / Contract year',
    fields: [
      { label: 'Période / Period', value: `${f.contractYearStart} — ${f.contractYearEnd}` },
      {
        label: 'Heures depuis le début de l’année / Hours since the start of the year',
        value: `${hours(f.yearToDateMinutes)} / ${hours(f.yearlyMinutes)}`,
      },
    ],
  };
}

function verification(identity: FormIdentity, verifyUrl: string): Section {
  return {
    heading: 'Vérification / Verification',
    fields: [
      { label: 'Code', value: identity.verificationCode },
      { label: 'Émis le / Issued at (UTC)', value: identity.issuedAt.toISOString() },
      ...(identity.supersedesId ? [{ label: 'Remplace / Supersedes', value: identity.supersedesId }] : []),
    ],
    paragraphs: [`Vérifier / Verify: ${verifyUrl}`],
  };
}

export function formDocumentSpec(identity: FormIdentity, f: FormFigures, verifyUrl: string): DocumentSpec {
  const money = moneyOf(f.currency);
  const projectTitle = new Map(f.projects.map((p) => [p.projectId, p.title]));
  const skillLabel = new Map(f.competences.map((c) => [c.skillId, c.label]));
  return {
    title: 'Formulaire d’Activité Sociétale / Societal Activity Form',
    subtitle: `${f.personName} — ${f.month} — version ${identity.version}`,
    createdAt: identity.issuedAt,
    author: `Engagement 21 ${f.territoryName}`,
    subject: `Societal Activity Form ${f.month}`,
    sections: [
      personAndContract(f),
      {
        heading: 'Heures par projet / Hours per project',
        table: { columns: ['Projet / Project', 'Heures / Hours'], rows: f.projects.map((p) => [p.title, hours(p.minutes)]), numeric: [1] },
      },
      {
        heading: 'Heures par compétence / Hours per competence',
        table: {
          columns: ['Compétence / Competence', 'Groupe / Group', 'Heures / Hours'],
          rows: f.competences.map((c) => [c.label, c.groupLabel || '—', hours(c.minutes)]),
          numeric: [2],
        },
      },
      {
        heading: 'Projet et compétence / Project and competence',
        table: {
          columns: ['Projet / Project', 'Compétence / Competence', 'Heures / Hours'],
          rows: f.projectCompetences.map((pc) => [
            projectTitle.get(pc.projectId) ?? pc.projectId,
            skillLabel.get(pc.skillId) ?? pc.skillId,
            hours(pc.minutes),
          ]),
          numeric: [2],
        },
      },
      ...(f.challenges.length
        ? [
            {
              heading: 'Heures par défi stratégique / Hours per strategic challenge',
              table: {
                columns: ['Défi / Challenge', 'Heures / Hours'],
                rows: f.challenges.map((c) => [c.title, hours(c.minutes)]),
                numeric: [1],
              },
            },
          ]
        : []),
      contractYear(f),
      {
        heading: 'Monnaie locale / Local currency',
        fields: f.currency
          ? [
              { label: 'Crédité pour ces heures / Credited for these hours', value: money(f.currency.creditedMinor) },
              {
                label: 'Solde du portefeuille en fin de mois / Wallet balance at month end',
                value: money(f.currency.balanceAtMonthEndMinor),
              },
            ]
          : [{ label: 'Monnaie / Currency', value: 'Aucune monnaie locale ici / No local currency here' }],
      },
      verification(identity, verifyUrl),
    ],
    footer: `${identity.verificationCode} · ${f.personName} · ${f.month} · v${identity.version}`,
  };
}

export const formPdf = (identity: FormIdentity, figures: FormFigures, verifyUrl: string): Promise<Buffer> =>
  renderPdf(formDocumentSpec(identity, figures, verifyUrl));

/** The employer view's JSON document: the form's identity, `view: "employer"`, and the employer view's figures only. */
export function employerFormJson(identity: FormIdentity, view: EmployerFormFigures) {
  return {
    formId: identity.id,
    version: identity.version,
    supersedesId: identity.supersedesId,
    issuedAt: identity.issuedAt.toISOString(),
    verificationCode: identity.verificationCode,
    view: 'employer',
    ...view,
  };
}

/** The employer's reduced PDF: the person and contract, hours per competence group, the contract year and what the hours were paid. */
export function employerDocumentSpec(identity: FormIdentity, v: EmployerFormFigures, verifyUrl: string): DocumentSpec {
  const money = moneyOf(v.currency);
  return {
    title: 'Formulaire d’Activité Sociétale — vue employeur / Societal Activity Form — employer view',
    subtitle: `${v.personName} — ${v.month} — version ${identity.version}`,
    createdAt: identity.issuedAt,
    author: `Engagement 21 ${v.territoryName}`,
    subject: `Societal Activity Form ${v.month} (employer view)`,
    sections: [
      personAndContract(v),
      {
        heading: 'Heures par groupe de compétences / Hours per competence group',
        table: {
          columns: ['Groupe / Group', 'Heures / Hours'],
          rows: v.competenceGroups.map((g) => [g.label, hours(g.minutes)]),
          numeric: [1],
        },
      },
      contractYear(v),
      {
        heading: 'Monnaie locale / Local currency',
        fields: v.currency
          ? [{ label: 'Crédité pour ces heures / Credited for these hours', value: money(v.currency.creditedMinor) }]
          : [{ label: 'Monnaie / Currency', value: 'Aucune monnaie locale ici / No local currency here' }],
      },
      verification(identity, verifyUrl),
    ],
    footer: `${identity.verificationCode} · ${v.personName} · ${v.month} · v${identity.version}`,
  };
}

/**
 * Renders the employer view's documents (undefined for a form without an employer). Like the
 * form's, they depend only on the form's identity and figures (and the verification page), so
 * rendering them again gives the same bytes.
 */
export async function employerDocuments(
  identity: FormIdentity,
  figures: FormFigures,
  verifyUrl: string,
): Promise<EmployerDocuments | undefined> {
  const view = employerFormView(figures);
  if (!view) return undefined;
  const document = canonicalJson(employerFormJson(identity, view));
  const pdf = await renderPdf(employerDocumentSpec(identity, view, verifyUrl));
  return { document, jsonSha256: sha256(document), pdf, pdfSha256: sha256(pdf) };
}
