// The signed contract as a document (PDF, JSON), built from the stored version only, so the same
// version always gives the same bytes.
import { CONTRACT_KIND_LABELS, renderPdf, type DocumentSpec, type Section } from '@e21/documents';
import type { AcceptanceRecord, ContractRecord, VersionRecord } from './domain/contracts.js';
import type { Party } from './domain/negotiation.js';
import { hoursText } from './domain/schedule.js';

const PARTY_LABELS: Record<Party, string> = {
  person: 'Personne / Person',
  employer: 'Employeur / Employer',
  office: 'Bureau Engagement 21 / Engagement 21 office',
};

const duration = (minutes: number) => `${hoursText(minutes)} (${minutes} min)`;

export interface SignedVersion {
  contract: ContractRecord;
  version: VersionRecord;
  acceptances: AcceptanceRecord[];
  signedAt: Date;
}

/** The document's content as JSON: what the parties signed, nothing that changes afterwards. */
export function contractJson(signed: SignedVersion) {
  const { contract, version, acceptances, signedAt } = signed;
  return {
    contractId: contract.id,
    version: version.version,
    amendment: version.amendment,
    kind: contract.kind,
    signedAt: signedAt.toISOString(),
    parties: {
      person: { id: contract.personId, name: contract.personName },
      employer: contract.employerId ? { id: contract.employerId, name: contract.employerName } : null,
      office: { id: contract.officeId, name: contract.officeName },
    },
    terms: {
      periodStart: version.terms.periodStart,
      periodEnd: version.terms.periodEnd,
      yearlyMinutes: version.terms.yearlyMinutes,
      competences: version.terms.competences,
      preferredProjectIds: version.terms.preferredProjectIds,
      schedule: version.terms.schedule,
    },
    acceptances: acceptances.map((a) => ({
      party: a.party,
      acceptedBy: a.acceptedBy,
      acceptedByName: a.acceptedByName,
      acceptedAt: a.acceptedAt.toISOString(),
    })),
    proposedBy: {
      party: version.proposedByParty,
      by: version.proposedBy,
      name: version.proposedByName,
      at: version.proposedAt.toISOString(),
    },
  };
}

function scheduleSections(version: VersionRecord): Section[] {
  const { schedule } = version.terms;
  const sections: Section[] = [
    {
      heading: 'Calendrier / Schedule',
      fields: [{ label: 'Allocation hebdomadaire / Weekly allowance', value: duration(schedule.weeklyAllowanceMinutes) }],
    },
  ];
  if (schedule.blocks.length) {
    sections.push({
      heading: 'Blocs concentrés / Concentrated blocks',
      table: {
        columns: ['Du / From', 'Au / To', 'Heures / Hours', 'Objet / Purpose'],
        rows: schedule.blocks.map((b) => [b.startDate, b.endDate, duration(b.minutes), b.label]),
        numeric: [2],
      },
    });
  }
  if (schedule.blackouts.length) {
    sections.push({
      heading: 'Périodes protégées / Blackout periods',
      table: {
        columns: ['Du / From', 'Au / To', 'Motif / Reason'],
        rows: schedule.blackouts.map((b) => [b.startDate, b.endDate, b.reason]),
      },
    });
  }
  return sections;
}

export function contractDocumentSpec(signed: SignedVersion): DocumentSpec {
  const { contract, version, acceptances, signedAt } = signed;
  const { terms } = version;
  const parties = [
    { label: PARTY_LABELS.person, value: contract.personName },
    ...(contract.employerId ? [{ label: PARTY_LABELS.employer, value: contract.employerName }] : []),
    { label: PARTY_LABELS.office, value: contract.officeName },
  ];
  const competences = terms.competences.map((c) => [c.labels.fr, c.labels.en].filter(Boolean).join(' / ') || c.skillId);
  return {
    title: 'Contrat de Droit d’Activité Sociétale / Societal Activity Right contract',
    subtitle: `${contract.personName} — version ${version.version}${version.amendment ? ' (avenant / amendment)' : ''}`,
    createdAt: signedAt,
    author: contract.officeName,
    sections: [
      { heading: 'Parties / Parties', fields: parties },
      {
        heading: 'Conditions / Terms',
        fields: [
          { label: 'Nature / Kind', value: CONTRACT_KIND_LABELS[contract.kind] ?? contract.kind },
          { label: 'Période / Period', value: `${terms.periodStart} — ${terms.periodEnd}` },
          { label: 'Heures annuelles / Yearly hours', value: duration(terms.yearlyMinutes) },
          { label: 'Compétences / Competences', value: competences.join('; ') || '—' },
          { label: 'Projets préférés / Preferred projects', value: terms.preferredProjectIds.join(', ') || '—' },
        ],
      },
      ...scheduleSections(version),
      {
        heading: 'Acceptations / Acceptances',
        table: {
          columns: ['Partie / Party', 'Par / By', 'Le / At (UTC)'],
          rows: acceptances.map((a) => [PARTY_LABELS[a.party], a.acceptedByName, a.acceptedAt.toISOString()]),
        },
      },
      {
        heading: 'Version',
        fields: [
          { label: 'Version', value: String(version.version) },
          { label: 'Signée le / Signed at (UTC)', value: signedAt.toISOString() },
        ],
      },
    ],
    footer: `Contrat / Contract ${contract.id} · version ${version.version}`,
  };
}

export const contractPdf = (signed: SignedVersion): Promise<Buffer> => renderPdf(contractDocumentSpec(signed));
