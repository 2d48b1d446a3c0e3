import { isRefusal, type RefusalValue } from '@e21/kit';
import {
  accept,
  awaiting,
  openNegotiation,
  partiesOf,
  propose,
  resume,
  suspend,
  terminate,
  withdraw,
  type NegotiationState,
  type Transition,
} from './negotiation.js';

function ok<T>(result: T | RefusalValue): T {
  if (isRefusal(result)) throw new Error(`refused: ${result.code} ${result.message}`);
  return result;
}

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

/** An employee's contract proposed by the person: version 1, accepted by the person. */
const employeeProposal = (): NegotiationState => ok(openNegotiation('employee', 'person')).state;

describe('parties', () => {
  it('makes employees negotiate with their employer and the office, everyone else with the office alone', () => {
    expect(partiesOf('employee')).toEqual(['person', 'employer', 'office']);
    for (const kind of ['freelancer', 'retired', 'student', 'unemployed', 'volunteer'] as const)
      expect(partiesOf(kind)).toEqual(['person', 'office']);
  });

  it('does not let an employer propose terms to a retired person', () => {
    expect(refused(openNegotiation('retired', 'employer')).code).toBe('not_a_party');
  });
});

describe('signing', () => {
  it('signs only when every party accepted the same version', () => {
    let state = employeeProposal();
    expect(awaiting(state)).toEqual(['employer', 'office']);
    const byEmployer = ok(accept(state, 'employer', 1));
    expect(byEmployer).toMatchObject({ signed: false, steps: ['accepted'] });
    state = byEmployer.state;
    expect(state.status).toBe('negotiating');
    const byOffice = ok(accept(state, 'office', 1));
    expect(byOffice).toMatchObject({ signed: true, steps: ['accepted', 'signed'] });
    expect(byOffice.state).toMatchObject({ status: 'signed', inForceVersion: 1, pendingVersion: null });
  });

  it('does not sign when the parties accepted different versions', () => {
    let state = ok(accept(employeeProposal(), 'office', 1)).state; // office accepts v1
    state = ok(propose(state, 'employer', 1)).state; // employer counters with v2
    const personOnV2 = ok(accept(state, 'person', 2));
    expect(personOnV2.signed).toBe(false);
    expect(awaiting(personOnV2.state)).toEqual(['office']);
  });

  it('refuses to accept a stale version', () => {
    const state = ok(propose(employeeProposal(), 'employer', 1)).state;
    const stale = refused(accept(state, 'office', 1));
    expect(stale).toMatchObject({ kind: 'stale', code: 'stale_version' });
    expect(refused(accept(state, 'office', 3)).kind).toBe('stale');
  });

  it('counts a second acceptance by the same party once, and never signs twice', () => {
    const state = ok(accept(employeeProposal(), 'employer', 1)).state;
    const again = ok(accept(state, 'employer', 1));
    expect(again).toMatchObject({ alreadyAccepted: true, signed: false, steps: [], state });
    const signed = ok(accept(state, 'office', 1)).state;
    expect(ok(accept(signed, 'office', 1))).toMatchObject({ alreadyAccepted: true, signed: false, state: signed });
    expect(refused(accept(signed, 'office', 2)).code).toBe('nothing_to_accept');
  });
});

describe('counter-proposals', () => {
  it('makes each proposal a new version and resets acceptances to the proposer', () => {
    let state = ok(accept(employeeProposal(), 'office', 1)).state;
    expect(state.acceptedBy).toEqual(['person', 'office']);
    const counter: Transition = ok(propose(state, 'employer', 1));
    expect(counter.steps).toEqual(['counter_proposed']);
    state = counter.state;
    expect(state).toMatchObject({ latestVersion: 2, pendingVersion: 2, acceptedBy: ['employer'] });
    expect(awaiting(state)).toEqual(['person', 'office']);
  });

  it('refuses a counter-proposal made on a version that is no longer the latest', () => {
    const state = ok(propose(employeeProposal(), 'employer', 1)).state;
    expect(refused(propose(state, 'office', 1)).code).toBe('stale_version');
  });
});

describe('withdrawal', () => {
  it('ends a first negotiation when a party withdraws', () => {
    const result = ok(withdraw(employeeProposal(), 'employer', 1));
    expect(result.state).toMatchObject({ status: 'withdrawn', pendingVersion: null });
    expect(refused(propose(result.state, 'person', 1)).code).toBe('contract_closed');
  });

  it('keeps the signed version in force when an amendment is withdrawn', () => {
    let state = ok(accept(ok(accept(employeeProposal(), 'employer', 1)).state, 'office', 1)).state;
    state = ok(propose(state, 'person', 1)).state;
    const result = ok(withdraw(state, 'office', 2));
    expect(result).toMatchObject({ amendment: true, state: { status: 'signed', inForceVersion: 1, pendingVersion: null } });
  });
});

describe('amendments', () => {
  const signedContract = () => ok(accept(ok(accept(employeeProposal(), 'employer', 1)).state, 'office', 1)).state;

  it('keeps the signed version in force until every party accepted the amendment', () => {
    let state = ok(propose(signedContract(), 'employer', 1)).state;
    expect(state).toMatchObject({ status: 'signed', inForceVersion: 1, pendingVersion: 2 });
    state = ok(accept(state, 'person', 2)).state;
    expect(state.inForceVersion).toBe(1);
    const last = ok(accept(state, 'office', 2));
    expect(last).toMatchObject({ signed: true, steps: ['accepted', 'amended'], state: { status: 'signed', inForceVersion: 2 } });
  });

  it('proposes an amendment as "amendment_proposed"', () => {
    expect(ok(propose(signedContract(), 'office', 1)).steps).toEqual(['amendment_proposed']);
  });
});

describe('suspension and termination', () => {
  const signedContract = () => ok(accept(ok(accept(employeeProposal(), 'employer', 1)).state, 'office', 1)).state;
  const termination = {
    endDate: '2026-09-30',
    reason: 'moving away',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    today: '2026-06-01',
  };

  it('lets the employer or the office suspend a signed contract with a reason, and resume it', () => {
    expect(refused(suspend(signedContract(), 'person', 'tired')).code).toBe('party_cannot_suspend');
    expect(refused(suspend(signedContract(), 'employer', '  ')).code).toBe('validation_failed');
    const suspended = ok(suspend(signedContract(), 'employer', 'inventory season')).state;
    expect(suspended.status).toBe('suspended');
    expect(refused(propose(suspended, 'person', 1)).code).toBe('contract_suspended');
    expect(ok(resume(suspended, 'office')).state.status).toBe('signed');
  });

  it('drops an amendment under negotiation when the contract is suspended', () => {
    const amending = ok(propose(signedContract(), 'person', 1)).state;
    expect(ok(suspend(amending, 'office', 'audit')).state).toMatchObject({ status: 'suspended', pendingVersion: null, inForceVersion: 1 });
  });

  it('lets any party terminate with a reason and an end date within the period, not in the past', () => {
    expect(ok(terminate(signedContract(), 'person', termination)).state.status).toBe('terminated');
    expect(refused(terminate(signedContract(), 'office', { ...termination, endDate: '2027-01-01' })).fields?.[0]?.field).toBe('end_date');
    expect(refused(terminate(signedContract(), 'office', { ...termination, endDate: '2026-05-31' })).code).toBe('invalid_end_date');
    expect(refused(terminate(employeeProposal(), 'office', termination)).code).toBe('not_signed');
  });

  it('refuses anything but reading once a contract is terminated', () => {
    const ended = ok(terminate(signedContract(), 'employer', termination)).state;
    expect(refused(propose(ended, 'person', 1)).code).toBe('contract_closed');
    expect(refused(suspend(ended, 'office', 'x')).code).toBe('not_signed');
  });
});
