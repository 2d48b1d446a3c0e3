// Every event of the platform: its type ("<service>.<entity>.<past-tense verb>", also its NATS
// subject) and the protobuf message under proto/e21/events/v1 it carries.
import { defineEvent } from '@e21/kit';
import {
  InvitationAccepted,
  InvitationDeclined,
  InvitationRevoked,
  InvitationSent,
  MembershipChanged,
  OrganizationCreated,
  OrganizationVerificationRevoked,
  OrganizationVerified,
  PersonRegistered,
  PersonUpdated,
  RoleGranted,
  RoleRevoked,
} from '@e21/proto/e21/events/v1/identity';
import {
  ChallengeDefined,
  ChallengeUpdated,
  DecisionProposed,
  MemberJoined,
  MemberLeft,
  MemberRoleChanged,
  ProgramDrafted,
  ProjectApproved,
  ProjectDrafted,
  ProjectProposed,
  ProjectRefused,
  ProjectStatusChanged,
  ProjectUpdated,
} from '@e21/proto/e21/events/v1/programs';
import {
  CommitmentSet,
  ContractAmended,
  ContractProposed,
  ContractResumed,
  ContractSigned,
  ContractSuspended,
  ContractTerminated,
  ContractWithdrawn,
  HolidaysApproved,
} from '@e21/proto/e21/events/v1/contracts';
import {
  PeriodClosed,
  TimeEntryApproved,
  TimeEntryCorrected,
  TimeEntryRejected,
  TimeEntrySubmitted,
  TimeEntryWithdrawn,
} from '@e21/proto/e21/events/v1/timesheets';
import { CurrencyConfigured, PaymentRequestPaid, RedemptionApproved, TransferPosted } from '@e21/proto/e21/events/v1/currency';
import { FormIssued, FormSuperseded } from '@e21/proto/e21/events/v1/payroll';

export const identityEvents = {
  personRegistered: defineEvent('identity.person.registered', PersonRegistered),
  personUpdated: defineEvent('identity.person.updated', PersonUpdated),
  organizationCreated: defineEvent('identity.organization.created', OrganizationCreated),
  membershipChanged: defineEvent('identity.membership.changed', MembershipChanged),
  organizationVerified: defineEvent('identity.organization.verified', OrganizationVerified),
  organizationVerificationRevoked: defineEvent('identity.organization.verification_revoked', OrganizationVerificationRevoked),
  invitationSent: defineEvent('identity.invitation.sent', InvitationSent),
  invitationAccepted: defineEvent('identity.invitation.accepted', InvitationAccepted),
  invitationDeclined: defineEvent('identity.invitation.declined', InvitationDeclined),
  invitationRevoked: defineEvent('identity.invitation.revoked', InvitationRevoked),
  roleGranted: defineEvent('identity.role.granted', RoleGranted),
  roleRevoked: defineEvent('identity.role.revoked', RoleRevoked),
};

export const contractsEvents = {
  commitmentSet: defineEvent('contracts.commitment.set', CommitmentSet),
  contractProposed: defineEvent('contracts.contract.proposed', ContractProposed),
  contractSigned: defineEvent('contracts.contract.signed', ContractSigned),
  contractAmended: defineEvent('contracts.contract.amended', ContractAmended),
  contractWithdrawn: defineEvent('contracts.contract.withdrawn', ContractWithdrawn),
  contractSuspended: defineEvent('contracts.contract.suspended', ContractSuspended),
  contractResumed: defineEvent('contracts.contract.resumed', ContractResumed),
  contractTerminated: defineEvent('contracts.contract.terminated', ContractTerminated),
  holidaysApproved: defineEvent('contracts.holidays.approved', HolidaysApproved),
};

export const programsEvents = {
  challengeDefined: defineEvent('programs.challenge.defined', ChallengeDefined),
  challengeUpdated: defineEvent('programs.challenge.updated', ChallengeUpdated),
  projectDrafted: defineEvent('programs.project.drafted', ProjectDrafted),
  projectUpdated: defineEvent('programs.project.updated', ProjectUpdated),
  projectProposed: defineEvent('programs.project.proposed', ProjectProposed),
  projectApproved: defineEvent('programs.project.approved', ProjectApproved),
  projectRefused: defineEvent('programs.project.refused', ProjectRefused),
  projectStatusChanged: defineEvent('programs.project.status_changed', ProjectStatusChanged),
  memberJoined: defineEvent('programs.project.member_joined', MemberJoined),
  memberLeft: defineEvent('programs.project.member_left', MemberLeft),
  memberRoleChanged: defineEvent('programs.project.member_role_changed', MemberRoleChanged),
  decisionProposed: defineEvent('programs.decision.proposed', DecisionProposed),
  programDrafted: defineEvent('programs.program.drafted', ProgramDrafted),
};

export const timesheetsEvents = {
  entrySubmitted: defineEvent('timesheets.entry.submitted', TimeEntrySubmitted),
  entryApproved: defineEvent('timesheets.entry.approved', TimeEntryApproved),
  entryRejected: defineEvent('timesheets.entry.rejected', TimeEntryRejected),
  entryWithdrawn: defineEvent('timesheets.entry.withdrawn', TimeEntryWithdrawn),
  periodClosed: defineEvent('timesheets.period.closed', PeriodClosed),
  entryCorrected: defineEvent('timesheets.entry.corrected', TimeEntryCorrected),
};

export const currencyEvents = {
  currencyConfigured: defineEvent('currency.currency.configured', CurrencyConfigured),
  transferPosted: defineEvent('currency.transfer.posted', TransferPosted),
  paymentRequestPaid: defineEvent('currency.payment_request.paid', PaymentRequestPaid),
  redemptionApproved: defineEvent('currency.redemption.approved', RedemptionApproved),
};

export const payrollEvents = {
  formIssued: defineEvent('payroll.form.issued', FormIssued),
  formSuperseded: defineEvent('payroll.form.superseded', FormSuperseded),
};
