// Every page of the app and its path. A new page is a module in pages/ and one line here.
import { competencesPage } from './pages/competences';
import { homePage } from './pages/home';
import { organizationPage } from './pages/organization';
import { organizationsPage } from './pages/organizations';
import { profilePage } from './pages/profile';
import { approvalsPage } from './pages/programs/approvals';
import { challengesPage } from './pages/programs/challenges';
import { myProjectsPage } from './pages/programs/my-projects';
import { programPage } from './pages/programs/program';
import { projectPage } from './pages/programs/project';
import { projectFormPage } from './pages/programs/project-form';
import { projectsPage } from './pages/programs/projects';
import { territoryPage } from './pages/territory';
import { verificationsPage } from './pages/verifications';
import { commitmentsPage } from './pages/contracts/commitments';
import { contractPage } from './pages/contracts/contract';
import { contractsInboxPage } from './pages/contracts/inbox';
import { newContractPage } from './pages/contracts/new';
import { hoursPage } from './pages/timesheets/hours';
import { periodsPage } from './pages/timesheets/periods';
import { validationPage } from './pages/timesheets/validation';
import { payRequestPage } from './pages/currency/pay';
import { tillPage } from './pages/currency/till';
import { treasuryPage } from './pages/currency/treasury';
import { walletPage } from './pages/currency/wallet';
import { myFormsPage } from './pages/payroll/forms';
import { payrollExportsPage } from './pages/payroll/exports';
import { issuingPage } from './pages/payroll/runs';
import { verifyPage } from './pages/payroll/verify';
import type { PageFactory, Route } from './router';
import { session } from './session';

export const routes: Route[] = [
  { path: '/', page: homePage, redirect: () => (session().authenticated ? '/profile' : null) },
  { path: '/profile', page: signedIn(profilePage) },
  { path: '/competences', page: signedIn(competencesPage) },
  { path: '/territory', page: signedIn(territoryPage) },
  { path: '/organization', page: signedIn(organizationsPage) },
  { path: '/organization/:id', page: signedIn(organizationPage) },
  { path: '/projects', page: signedIn(projectsPage) },
  { path: '/projects/new', page: signedIn(projectFormPage) },
  { path: '/projects/:id', page: signedIn(projectPage) },
  { path: '/projects/:id/edit', page: signedIn(projectFormPage) },
  { path: '/my-projects', page: signedIn(myProjectsPage) },
  { path: '/approvals', page: signedIn(approvalsPage) },
  { path: '/verifications', page: signedIn(verificationsPage) },
  { path: '/challenges', page: signedIn(challengesPage) },
  { path: '/program', page: signedIn(programPage) },
  { path: '/contracts', page: signedIn(contractsInboxPage) },
  { path: '/contracts/new', page: signedIn(newContractPage) },
  { path: '/contracts/:id', page: signedIn(contractPage) },
  { path: '/commitments', page: signedIn(commitmentsPage) },
  { path: '/hours', page: signedIn(hoursPage) },
  { path: '/validation', page: signedIn(validationPage) },
  { path: '/periods', page: signedIn(periodsPage) },
  { path: '/wallet', page: signedIn(walletPage) },
  { path: '/pay/:id', page: signedIn(payRequestPage) },
  { path: '/till', page: signedIn(tillPage) },
  { path: '/treasury', page: signedIn(treasuryPage) },
  { path: '/forms', page: signedIn(myFormsPage) },
  { path: '/payroll-exports', page: signedIn(payrollExportsPage) },
  { path: '/issuing', page: signedIn(issuingPage) },
  // Public: anyone holding a form's code checks it, signed in or not.
  { path: '/verify', page: verifyPage },
];

/**
 * A page for signed-in people. Signed out (or once the session ends) the home is shown at the
 * same address, so that "Sign in" comes back to it.
 */
function signedIn(page: PageFactory): PageFactory {
  return (context) => (session().authenticated ? page(context) : homePage(context));
}
