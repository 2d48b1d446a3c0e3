// Typed calls to the gateway's timesheets endpoints: my hours and my contract's balance, the
// validation queue and decisions, a territory's monthly periods.
import { api, idempotent, ifMatch } from '../api';
import type { Items, Page } from './identity';

export type EntryStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export type DayKind = 'outside' | 'ordinary' | 'block' | 'holiday' | 'blackout';

export interface TimeEntry {
  id: string;
  personId: string;
  personName: string;
  contractId: string;
  employerName: string | null;
  projectId: string;
  projectTitle: string;
  territoryId: string;
  date: string;
  month: string;
  minutes: number;
  competenceId: string;
  note: string;
  status: EntryStatus;
  version: number;
  decidedAt: string | null;
  rejectionReason: string | null;
  carriedFrom: string | null;
}

/** What a person logs; the contract stays the entry's own when it is changed. */
export interface EntryFields {
  projectId: string;
  date: string;
  minutes: number;
  competenceId: string;
  note: string;
}

export interface Balance {
  contractId: string;
  yearlyMinutes: number;
  approvedMinutes: number;
  pendingMinutes: number;
  remainingMinutes: number;
  week: {
    start: string;
    end: string;
    allowedMinutes: number;
    usedMinutes: number;
    days: { date: string; dayKind: DayKind; allowedMinutes: number; usedMinutes: number }[];
  };
}

export interface Period {
  id: string | null;
  territoryId: string;
  month: string;
  status: 'open' | 'closed';
  pendingCount: number;
  pendingMinutes: number;
  approvedCount: number;
  approvedMinutes: number;
  rejectedCount: number;
  carriedInCount: number;
  closedAt: string | null;
  carriedEntryIds: string[];
}

const id = encodeURIComponent;
const entry = (entryId: string) => `/v1/timesheets/entries/${id(entryId)}`;

export const listMyEntries = (from: string, to: string) => api.get<Items<TimeEntry>>('/v1/timesheets/entries', { query: { from, to } });
/** The key makes a retried click (a lost answer) log the hours once. */
export const submitEntry = (body: EntryFields & { contractId: string }, key: string) =>
  api.post<TimeEntry>('/v1/timesheets/entries', body, idempotent(key));
export const updateEntry = (e: TimeEntry, body: EntryFields) => api.put<TimeEntry>(entry(e.id), body, ifMatch(e.version));
export const withdrawEntry = (e: TimeEntry) => api.delete<TimeEntry>(entry(e.id), ifMatch(e.version));
export const getBalance = (contractId: string, date: string) =>
  api.get<Balance>(`/v1/timesheets/contracts/${id(contractId)}/balance`, { query: { date } });

export const listQueue = (cursor?: string | null) => api.get<Page<TimeEntry>>('/v1/timesheets/queue', { query: { limit: 200, cursor } });
export const approveEntry = (e: TimeEntry) => api.post<TimeEntry>(`${entry(e.id)}/approval`, {}, ifMatch(e.version));
export const rejectEntry = (e: TimeEntry, reason: string) =>
  api.post<TimeEntry>(`${entry(e.id)}/rejection`, { reason }, ifMatch(e.version));
export const approveEntries = (entries: TimeEntry[]) =>
  api.post<Items<TimeEntry>>('/v1/timesheets/approvals', { entries: entries.map((e) => ({ entryId: e.id, version: e.version })) });

export const listPeriods = (territoryId: string, year: number) =>
  api.get<Items<Period>>(`/v1/timesheets/territories/${id(territoryId)}/periods`, { query: { year } });
export const closePeriod = (territoryId: string, month: string, carryPending: boolean) =>
  api.post<Period>(`/v1/timesheets/territories/${id(territoryId)}/periods/${id(month)}/closure`, { carryPending });
