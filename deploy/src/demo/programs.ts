// The programs demo: strategic challenges from the EU down to Marseille and Aubagne, eleven projects
// of every kind and status with their teams, board decisions and feedback, a running project whose
// material change waits for a new approval, and Marseille's program draft; each made through the
// programs gRPC API by the person who would do it.
import { toProtoEnum, type ServiceClient } from '@e21/kit';
import {
  ProgramsServiceService,
  type ProjectKind,
  type ProjectStatus,
  type TeamRole,
  type Vote,
} from '@e21/proto/e21/programs/v1/programs';
import type { PersonKey } from './data.js';
import { as, clientOf, SYSTEM, type DemoWorld, type Targets } from './world.js';

type Programs = ServiceClient<typeof ProgramsServiceService>;

const skill = (slug: string) => `urn:e21:skill:${slug}`;
const HOUR = 60;

interface DemoProject {
  key: string;
  title: string;
  description: string;
  kind: 'general_interest' | 'individual_initiative' | 'international_solidarity';
  territory: 'marseille' | 'aubagne';
  coordinator: PersonKey;
  /** Months (1-12) of the current year the project runs. */
  months: [number, number];
  needs: [slug: string, hours: number][];
  challenges: string[];
  /** Team members: who, on which need (index), hours, and whether co-manager. */
  team?: [PersonKey, number, number, 'contributor' | 'co_manager'][];
  /** Where its life stops; a refusal or a cancellation says why. */
  status: 'draft' | 'proposed' | 'approved' | 'refused' | 'active' | 'completed' | 'cancelled';
  reason?: string;
}

const PROJECTS: DemoProject[] = [
  {
    key: 'solarRoofs',
    title: 'Toits solaires des écoles du 3e',
    kind: 'general_interest',
    territory: 'marseille',
    coordinator: 'amina',
    months: [1, 12],
    status: 'active',
    description:
      'Installer des panneaux solaires sur les toits de trois écoles de la Belle de Mai, avec les parents et les entreprises du quartier.',
    needs: [
      ['solar-panel-installation', 120],
      ['electrical-safety', 40],
      ['project-management', 30],
    ],
    challenges: ['euGreenDeal', 'frSobriety'],
    team: [
      ['lucas', 0, 40, 'contributor'],
      ['yanis', 2, 20, 'co_manager'],
    ],
  },
  {
    key: 'garden',
    title: 'Jardin partagé de la Belle de Mai',
    kind: 'general_interest',
    territory: 'marseille',
    coordinator: 'jeanne',
    months: [3, 11],
    status: 'active',
    description: 'Un potager ouvert aux habitants, avec un site de compostage et des ateliers pour les écoles.',
    needs: [
      ['urban-gardening', 200],
      ['composting', 60],
    ],
    challenges: ['marseilleFood'],
    team: [
      ['yanis', 0, 60, 'contributor'],
      ['claire', 1, 20, 'co_manager'],
    ],
  },
  {
    key: 'shade',
    title: 'De l’ombre dans les cours d’école',
    kind: 'general_interest',
    territory: 'marseille',
    coordinator: 'yanis',
    months: [2, 12],
    status: 'approved',
    description: 'Planter des arbres et construire des pergolas dans les cours des écoles les plus chaudes.',
    needs: [
      ['tree-planting', 80],
      ['carpentry', 40],
    ],
    challenges: ['marseilleShade'],
    team: [['lucas', 1, 16, 'contributor']],
  },
  {
    key: 'french',
    title: 'Cours de français pour les nouveaux arrivants',
    kind: 'general_interest',
    territory: 'marseille',
    coordinator: 'lucas',
    months: [4, 12],
    status: 'proposed',
    description: 'Des conversations en français deux soirs par semaine à la bibliothèque du Panier.',
    needs: [['teaching-french-as-a-foreign-language', 100]],
    challenges: ['euSocial'],
  },
  {
    key: 'repairCafe',
    title: 'Repair café de l’Huveaune',
    kind: 'general_interest',
    territory: 'aubagne',
    coordinator: 'karim',
    months: [5, 12],
    status: 'draft',
    description: 'Réparer ensemble petit électroménager et vélos, un samedi par mois.',
    needs: [
      ['small-appliance-repair', 50],
      ['bicycle-repair', 30],
    ],
    challenges: ['aubagneReuse'],
  },
  {
    key: 'ziguinchor',
    title: 'Écoles solaires à Ziguinchor (Sénégal)',
    kind: 'international_solidarity',
    territory: 'aubagne',
    coordinator: 'karim',
    months: [1, 12],
    status: 'approved',
    description: 'Avec le comité de jumelage, équiper deux écoles de panneaux solaires et former des techniciens sur place.',
    needs: [
      ['solar-panel-installation', 60],
      ['international-solidarity-project-management', 40],
    ],
    challenges: ['euGreenDeal'],
  },
  {
    key: 'bikeWorkshop',
    title: 'Congés DAS : atelier vélo solidaire',
    kind: 'individual_initiative',
    territory: 'aubagne',
    coordinator: 'lea',
    months: [2, 2],
    status: 'completed',
    description: 'Une semaine de congés DAS pour remettre en état vingt vélos donnés aux étudiants boursiers.',
    needs: [['bicycle-repair', 35]],
    challenges: ['aubagneReuse'],
  },
  {
    key: 'streetParty',
    title: 'Fête de quartier du Panier',
    kind: 'general_interest',
    territory: 'marseille',
    coordinator: 'isabelle',
    months: [6, 6],
    status: 'refused',
    reason: 'La fête municipale du 21 juin couvre déjà ce besoin ; proposez plutôt un atelier pain pour l’occasion.',
    description: 'Une grande tablée dans les rues du Panier avec les commerçants.',
    needs: [['event-organisation', 30]],
    challenges: [],
  },
  {
    key: 'winterRounds',
    title: 'Maraudes d’hiver',
    kind: 'general_interest',
    territory: 'marseille',
    coordinator: 'paul',
    months: [1, 3],
    status: 'cancelled',
    reason: 'Repris par le Samu social, qui a obtenu un financement pour l’hiver.',
    description: 'Aller à la rencontre des personnes à la rue les soirs de grand froid.',
    needs: [['street-outreach-to-homeless-people', 60]],
    challenges: ['euSocial'],
  },
  {
    key: 'compost',
    title: 'Compost collectif des Passons',
    kind: 'general_interest',
    territory: 'aubagne',
    coordinator: 'karim',
    months: [3, 12],
    status: 'active',
    description: 'Des bacs de compost partagés au pied des immeubles, tenus par les habitants.',
    needs: [['composting', 40]],
    challenges: ['aubagneReuse'],
  },
  {
    key: 'firstAidSeniors',
    title: 'Premiers secours pour les aînés',
    kind: 'general_interest',
    territory: 'aubagne',
    coordinator: 'sophie',
    months: [9, 12],
    status: 'proposed',
    description: 'Former les voisins des personnes âgées isolées aux gestes qui sauvent.',
    needs: [['first-aid-training', 30]],
    challenges: ['frElderly'],
  },
];

/** The steps from a draft to each status, and who takes them: the coordinator, or the territory's officer. */
const PATH: Record<DemoProject['status'], [to: string, by: 'coordinator' | 'officer'][]> = {
  draft: [],
  proposed: [['proposed', 'coordinator']],
  approved: [
    ['proposed', 'coordinator'],
    ['approved', 'officer'],
  ],
  refused: [
    ['proposed', 'coordinator'],
    ['refused', 'officer'],
  ],
  active: [
    ['proposed', 'coordinator'],
    ['approved', 'officer'],
    ['active', 'coordinator'],
  ],
  completed: [
    ['proposed', 'coordinator'],
    ['approved', 'officer'],
    ['active', 'coordinator'],
    ['completed', 'coordinator'],
  ],
  cancelled: [
    ['proposed', 'coordinator'],
    ['approved', 'officer'],
    ['cancelled', 'coordinator'],
  ],
};

const OFFICERS: Record<DemoProject['territory'], PersonKey> = { marseille: 'marc', aubagne: 'nadia' };

async function defineChallenges(programs: Programs, demo: DemoWorld): Promise<Record<string, string>> {
  const { territories, people } = demo;
  const ids: Record<string, string> = {};
  const define = async (
    key: string,
    territory: keyof typeof territories,
    by: PersonKey | 'above',
    title: string,
    description: string,
    sdgs: number[],
    refines?: string,
  ) => {
    const caller = by === 'above' ? SYSTEM : as(people[by].id);
    ids[key] = (
      await programs.defineChallenge(
        { territoryId: territories[territory], title, description, sdgs, refinesId: refines ? ids[refines]! : '' },
        caller,
      )
    ).id;
  };
  // Nobody in the demo acts for the EU or France: their challenges come as the demo loader itself.
  await define(
    'euGreenDeal',
    'eu',
    'above',
    'Pacte vert pour l’Europe : neutralité climatique en 2050',
    'Réduire les émissions de 55 % d’ici 2030 et atteindre la neutralité climatique en 2050.',
    [7, 13],
  );
  await define(
    'euSocial',
    'eu',
    'above',
    'Socle européen des droits sociaux : inclusion',
    'Réduire de 15 millions le nombre de personnes menacées de pauvreté ou d’exclusion sociale.',
    [1, 10],
  );
  await define(
    'frSobriety',
    'france',
    'above',
    'Plan de sobriété énergétique',
    'Réduire de 10 % la consommation d’énergie, en priorité dans les bâtiments publics.',
    [7, 12],
    'euGreenDeal',
  );
  await define(
    'frElderly',
    'france',
    'above',
    'Lutter contre l’isolement des aînés',
    'Un réseau de voisins attentifs autour de chaque personne âgée isolée.',
    [3, 10],
    'euSocial',
  );
  await define(
    'pacaClimate',
    'paca',
    'helene',
    'Adaptation aux canicules et à la sécheresse',
    'Protéger les plus fragiles des vagues de chaleur et économiser l’eau.',
    [6, 13, 15],
    'euGreenDeal',
  );
  await define(
    'marseilleShade',
    'marseille',
    'marc',
    'De l’ombre et de la fraîcheur dans les écoles',
    'Aucune cour d’école au-dessus de 35 °C en juin.',
    [3, 11, 13],
    'pacaClimate',
  );
  await define(
    'marseilleFood',
    'marseille',
    'marc',
    'Alimentation locale et jardins partagés',
    'Un jardin partagé à dix minutes à pied de chaque habitant.',
    [2, 11, 12],
  );
  await define(
    'aubagneReuse',
    'aubagne',
    'nadia',
    'Réemploi et réparation',
    'Moins de déchets, plus d’objets réparés et prêtés.',
    [12],
    'frSobriety',
  );
  return ids;
}

async function seedProject(
  programs: Programs,
  demo: DemoWorld,
  challenges: Record<string, string>,
  spec: DemoProject,
  year: number,
): Promise<{ id: string; needIds: string[] }> {
  const { territories, people } = demo;
  const month = (m: number, last: boolean) =>
    (last ? new Date(Date.UTC(year, m, 0)) : new Date(Date.UTC(year, m - 1, 1))).toISOString().slice(0, 10);
  const coordinator = people[spec.coordinator].id;
  const created = await programs.createProject(
    {
      territoryId: territories[spec.territory],
      title: spec.title,
      description: spec.description,
      kind: toProtoEnum<ProjectKind>('PROJECT_KIND', spec.kind),
      challengeIds: spec.challenges.map((key) => challenges[key]!),
      startDate: month(spec.months[0], false),
      endDate: month(spec.months[1], true),
      needs: spec.needs.map(([slug, hours]) => ({ id: '', skillId: skill(slug), neededMinutes: hours * HOUR, startDate: '', endDate: '' })),
      language: 'fr',
    },
    as(coordinator),
  );
  const needIds = created.needs.map((n) => n.id);
  for (const [index, [to, by]] of PATH[spec.status].entries()) {
    const who = by === 'officer' ? people[OFFICERS[spec.territory]].id : coordinator;
    const last = index === PATH[spec.status].length - 1;
    await programs.changeProjectStatus(
      { id: created.id, status: toProtoEnum<ProjectStatus>('PROJECT_STATUS', to), reason: last ? (spec.reason ?? '') : '', language: 'fr' },
      as(who),
    );
    // The team joins once the project is approved, before it starts.
    if (to === 'approved') {
      for (const [member, need, hours, role] of spec.team ?? []) {
        const request = await programs.requestToJoin(
          {
            projectId: created.id,
            needId: needIds[need]!,
            minutes: hours * HOUR,
            message: '',
            idempotencyKey: `demo-${spec.key}-${member}`,
          },
          as(people[member].id),
        );
        await programs.acceptJoinRequest({ projectId: created.id, requestId: request.id, reason: '' }, as(coordinator));
        if (role === 'co_manager')
          await programs.setMemberRole(
            { projectId: created.id, personId: people[member].id, role: toProtoEnum<TeamRole>('TEAM_ROLE', 'co_manager') },
            as(coordinator),
          );
      }
    }
  }
  return { id: created.id, needIds };
}

export async function seedProgramsDemo(targets: Targets, demo: DemoWorld): Promise<void> {
  const programs = clientOf(ProgramsServiceService, targets, 'programs');
  const { people, territories } = demo;
  const year = new Date().getUTCFullYear();
  const vote = (value: string) => toProtoEnum<Vote>('VOTE', value);
  try {
    const challenges = await defineChallenges(programs, demo);
    const projects: Record<string, { id: string; needIds: string[] }> = {};
    for (const spec of PROJECTS) projects[spec.key] = await seedProject(programs, demo, challenges, spec, year);

    // A board decision that closes by itself a few seconds from now, voted by both co-managers:
    // anyone looking after that sees it adopted. And one still open for two weeks.
    const solar = projects.solarRoofs!.id;
    const inverter = await programs.proposeDecision(
      {
        projectId: solar,
        title: 'Acheter un second onduleur',
        description: 'Pour l’école Edmond Rostand, avec le don de Calanques Solaire.',
        deadline: new Date(Date.now() + 20_000).toISOString(),
      },
      as(people.amina.id),
    );
    for (const who of ['amina', 'yanis'] as const)
      await programs.castVote({ projectId: solar, decisionId: inverter.id, vote: vote('for') }, as(people[who].id));
    const garden = projects.garden!.id;
    const sundays = await programs.proposeDecision(
      {
        projectId: garden,
        title: 'Ouvrir le jardin le dimanche matin',
        description: 'Un co-gestionnaire présent de 9 h à 12 h, à tour de rôle.',
        deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      },
      as(people.jeanne.id),
    );
    await programs.castVote({ projectId: garden, decisionId: sundays.id, vote: vote('for') }, as(people.jeanne.id));

    // Feedback from a contributor and from beneficiaries of the service.
    await programs.leaveFeedback(
      { projectId: solar, rating: 4, comment: 'Belle équipe ; il faudrait plus de chantiers le samedi.' },
      as(people.lucas.id),
    );
    await programs.leaveFeedback(
      { projectId: garden, rating: 5, comment: 'Les enfants de l’école adorent les ateliers compost.' },
      as(people.paul.id),
    );
    await programs.leaveFeedback(
      { projectId: projects.bikeWorkshop!.id, rating: 5, comment: 'Mon vélo roule comme neuf, merci !' },
      as(people.karim.id),
    );

    // Karim's running compost project now asks four times its hours and a new competence: a
    // material change, so it waits in Nadia's approval queue again, the reason in its history.
    const compost = await programs.getProject({ id: projects.compost!.id, language: 'fr' }, as(people.karim.id));
    await programs.updateProject(
      {
        id: compost.id,
        expectedVersion: compost.version,
        territoryId: compost.territoryId,
        title: compost.title,
        description: `${compost.description} Nous ouvrons trois nouveaux sites et un jardin pour le compost mûr.`,
        kind: compost.kind,
        challengeIds: compost.challengeIds,
        startDate: compost.startDate,
        endDate: compost.endDate,
        needs: [
          { id: compost.needs[0]!.id, skillId: compost.needs[0]!.skillId, neededMinutes: 160 * HOUR, startDate: '', endDate: '' },
          { id: '', skillId: skill('urban-gardening'), neededMinutes: 20 * HOUR, startDate: '', endDate: '' },
        ],
        language: 'fr',
      },
      as(people.karim.id),
    );

    // Marc assembles Marseille's program for the year from its approved and running projects.
    const candidates = await programs.listProgramCandidates(
      { territoryId: territories.marseille, year, language: 'fr' },
      as(people.marc.id),
    );
    await programs.draftProgram(
      { territoryId: territories.marseille, year, projectIds: candidates.projects.map((p) => p.id), language: 'fr' },
      as(people.marc.id),
    );
  } finally {
    programs.close();
  }
}
