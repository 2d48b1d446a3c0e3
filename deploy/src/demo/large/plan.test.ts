import { isoWeekOf, yearOf } from '@e21/kit/calendar';
import { LARGE_DEMO, planLargeDemo, type LargeDemoSizes, type LargePlan } from './plan.js';
import { nthWeekdayOf } from './work.js';

const SMALL: LargeDemoSizes = { localities: 6, people: 400, organizations: 40, projects: 30, months: 12 };
const TODAY = '2026-12-03';
const plan = planLargeDemo(SMALL, TODAY);

/** Minutes per key. */
function sumBy<T>(items: T[], key: (item: T) => string, minutes: (item: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + minutes(item));
  return sums;
}

const entryContract = (p: LargePlan, index: number) => p.contracts[p.entries[index]!.contract]!;

describe('the large demo plan', () => {
  it('draws the same territory from the same sizes and day', () => {
    expect(JSON.stringify(planLargeDemo(SMALL, TODAY))).toBe(JSON.stringify(plan));
  });

  it('has the sizes asked for: localities, people, organizations beside offices and town halls, projects, months', () => {
    expect(plan.localities).toHaveLength(6);
    expect(plan.people).toHaveLength(400);
    expect(plan.organizations).toHaveLength(40 + 2 * 6);
    expect(plan.projects).toHaveLength(30);
    expect(plan.months).toHaveLength(12);
    expect(plan.months.at(-1)).toBe('2026-12');
    expect(plan.months[0]).toBe('2026-01');
  });

  it('holds thousands of people, hundreds of organizations and projects and a year of hours at its default size', () => {
    const large = planLargeDemo(LARGE_DEMO, TODAY);
    expect(large.localities.length).toBeGreaterThanOrEqual(30);
    expect(large.people.length).toBeGreaterThanOrEqual(2000);
    expect(large.organizations.length).toBeGreaterThanOrEqual(200);
    expect(large.projects.length).toBeGreaterThanOrEqual(100);
    expect(new Set(large.entries.map((e) => e.date.slice(0, 7))).size).toBe(12);
    expect(new Set(large.entries.filter((e) => e.fate === 'approved').map((e) => e.person)).size).toBeGreaterThan(large.people.length / 2);
  });

  it('gives each person an e-mail address of their own, and names and legal ids once', () => {
    expect(new Set(plan.people.map((p) => p.email)).size).toBe(plan.people.length);
    expect(new Set(plan.organizations.map((o) => o.name)).size).toBe(plan.organizations.length);
    expect(new Set(plan.organizations.map((o) => o.legalId)).size).toBe(plan.organizations.length);
    expect(new Set(plan.projects.map((p) => p.title)).size).toBe(plan.projects.length);
  });

  it('gives every locality an office, a town hall and an officer', () => {
    for (const [index] of plan.localities.entries()) {
      expect(plan.organizations.filter((o) => o.locality === index).map((o) => o.kind)).toEqual(
        expect.arrayContaining(['e21_office', 'public_body']),
      );
      expect(plan.people.filter((p) => p.officer && p.locality === index)).toHaveLength(1);
    }
  });

  it('commits every employer, each year, beyond the yearly minutes of its employees’ contracts', () => {
    const allocated = sumBy(
      plan.contracts.filter((c) => c.employer !== undefined),
      (c) => `${c.employer}/${c.year}`,
      (c) => c.yearlyMinutes,
    );
    for (const commitment of plan.commitments) {
      const committed =
        commitment.minutes ??
        Math.floor(
          (commitment.share!.basisPoints * commitment.share!.declaredEmployees * commitment.share!.declaredMinutesPerEmployee) / 10_000,
        );
      expect(committed).toBeGreaterThanOrEqual(allocated.get(`${commitment.organization}/${commitment.year}`) ?? 0);
      expect(plan.people[commitment.by]!.membership).toEqual(
        expect.objectContaining({ organization: commitment.organization, role: 'hr_manager' }),
      );
    }
    expect(new Set(plan.commitments.map((c) => `${c.organization}/${c.year}`)).size).toBe(plan.commitments.length);
  });

  it('fills no need beyond its minutes, and only approved or running projects take members', () => {
    const pledged = sumBy(
      plan.members,
      (m) => `${m.project}/${m.need}`,
      (m) => m.minutes,
    );
    for (const [key, minutes] of pledged) {
      const [project, need] = key.split('/').map(Number) as [number, number];
      expect(minutes).toBeLessThanOrEqual(plan.projects[project]!.needs[need]!.minutes);
      expect(['approved', 'active']).toContain(plan.projects[project]!.status);
    }
    for (const project of plan.projects) for (const need of project.needs) expect(need.minutes).toBeLessThanOrEqual(100_000);
  });

  it('makes schedules that fit their yearly minutes: blocks on the 1st to 14th, never in a blackout', () => {
    expect(nthWeekdayOf('2026-12', 0, 2)).toBe('2026-12-14');
    expect(nthWeekdayOf('2026-12', 1, 1)).toBe('2026-12-01');
    expect(nthWeekdayOf('2026-12', 1, 2)).toBe('2026-12-08');
    for (const contract of plan.contracts) {
      const blocks = contract.blocks.reduce((sum, b) => sum + b.minutes, 0);
      expect(54 * contract.weeklyMinutes + blocks).toBeLessThanOrEqual(contract.yearlyMinutes);
      for (const block of contract.blocks) {
        expect(yearOf(block.date)).toBe(contract.year);
        expect(Number(block.date.slice(8))).toBeGreaterThanOrEqual(1);
        expect(Number(block.date.slice(8))).toBeLessThanOrEqual(14);
        expect(contract.blackouts.some((b) => b.startDate <= block.date && block.date <= b.endDate)).toBe(false);
      }
    }
  });

  it('logs only what the contract allows: in its year, by today, within each day and week, and within the year', () => {
    plan.entries.forEach((entry, index) => {
      const contract = entryContract(plan, index);
      expect(entry.person).toBe(contract.person);
      expect(yearOf(entry.date)).toBe(contract.year);
      expect(entry.date <= TODAY).toBe(true);
      expect(entry.competence).toBe(contract.competence);
      expect(plan.projects[entry.project]!.coordinator).not.toBe(entry.person);
      const block = contract.blocks.find((b) => b.date === entry.date);
      expect(entry.minutes).toBeLessThanOrEqual(block ? block.minutes : Math.floor(contract.weeklyMinutes / 2));
    });
    const weekly = sumBy(
      plan.entries,
      (e) => `${e.contract}/${isoWeekOf(e.date).weekStart}`,
      (e) => e.minutes,
    );
    for (const [key, minutes] of weekly) {
      const contract = plan.contracts[Number(key.split('/')[0])]!;
      const weekStart = key.split('/')[1]!;
      const block = contract.blocks.find((b) => isoWeekOf(b.date).weekStart === weekStart);
      expect(minutes).toBeLessThanOrEqual((block?.minutes ?? 0) + Math.floor((contract.weeklyMinutes * 4) / 7));
    }
    const yearly = sumBy(
      plan.entries.filter((e) => e.fate !== 'rejected'),
      (e) => String(e.contract),
      (e) => e.minutes,
    );
    for (const [contract, minutes] of yearly) expect(minutes).toBeLessThanOrEqual(plan.contracts[Number(contract)]!.yearlyMinutes);
  });

  it('leaves entries waiting only in the last two months, and closes every month before the current one', () => {
    const waiting = plan.entries.filter((e) => e.fate !== 'approved').map((e) => e.date.slice(0, 7));
    expect(new Set(waiting)).toEqual(new Set(['2026-11', '2026-12']));
    expect(plan.entries.filter((e) => e.fate === 'rejected').every((e) => e.date.startsWith('2026-12'))).toBe(true);
    expect(plan.closes).toHaveLength(6 * 11);
    expect(plan.closes.filter((c) => c.carryPending).map((c) => c.month)).toEqual(Array(6).fill('2026-11'));
    for (const close of plan.closes)
      expect(plan.people[close.officer]).toEqual(expect.objectContaining({ officer: true, locality: close.locality }));
  });

  it('signs contracts only with those who may: the person’s office and, for employees, their employer', () => {
    for (const contract of plan.contracts) {
      const person = plan.people[contract.person]!;
      expect(plan.people[contract.officer]).toEqual(expect.objectContaining({ officer: true, locality: person.locality }));
      if (person.status === 'employee') {
        expect(contract.employer).toBe(person.membership!.organization);
        expect(plan.people[contract.hrManager!]!.membership).toEqual({
          organization: contract.employer,
          role: 'hr_manager',
          employeeReference: expect.any(String),
        });
      } else {
        expect(contract.employer).toBeUndefined();
      }
    }
  });

  it('covers a year across two calendar years with a contract for each', () => {
    const spring = planLargeDemo({ ...SMALL, people: 200 }, '2026-04-20');
    expect(spring.months[0]).toBe('2025-05');
    const years = new Map<number, Set<number>>();
    for (const c of spring.contracts) years.set(c.person, (years.get(c.person) ?? new Set()).add(c.year));
    for (const held of years.values()) expect([...held].sort()).toEqual([2025, 2026]);
    expect(new Set(spring.entries.map((e) => e.date.slice(0, 4)))).toEqual(new Set(['2025', '2026']));
  });

  it('names a handful of accounts that sign in with the demo password', () => {
    const accounts = plan.people.filter((p) => p.account);
    expect(accounts.length).toBeGreaterThanOrEqual(4);
    expect(accounts.length).toBeLessThanOrEqual(5);
  });

  it('refuses sizes it cannot fill', () => {
    expect(() => planLargeDemo({ ...SMALL, localities: 41 }, TODAY)).toThrow(/1 to 40 localities/);
    expect(() => planLargeDemo({ ...SMALL, people: 50 }, TODAY)).toThrow(/at least/);
  });
});
