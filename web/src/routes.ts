// Every page of the app and its path. A new page is a module in pages/ and one line here.
import { competencesPage } from './pages/competences';
import { homePage } from './pages/home';
import { organizationPage } from './pages/organization';
import { organizationsPage } from './pages/organizations';
import { profilePage } from './pages/profile';
import { territoryPage } from './pages/territory';
import type { PageFactory, Route } from './router';
import { session } from './session';

export const routes: Route[] = [
  { path: '/', page: homePage, redirect: () => (session().authenticated ? '/profile' : null) },
  { path: '/profile', page: signedIn(profilePage) },
  { path: '/competences', page: signedIn(competencesPage) },
  { path: '/territory', page: signedIn(territoryPage) },
  { path: '/organization', page: signedIn(organizationsPage) },
  { path: '/organization/:id', page: signedIn(organizationPage) },
];

/**
 * A page for signed-in people. Signed out (or once the session ends) the home is shown at the
 * same address, so that "Sign in" comes back to it.
 */
function signedIn(page: PageFactory): PageFactory {
  return (context) => (session().authenticated ? page(context) : homePage(context));
}
