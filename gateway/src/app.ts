// The gateway's Express application: security, tracing, auth, the REST routes, docs and the web UI.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import helmet from 'helmet';
import { httpTracing, type Logger } from '@e21/kit';
import { Authenticator } from './auth/authenticator.js';
import { registerAuthRoutes } from './auth/routes.js';
import type { Issuer } from './auth/issuer.js';
import type { GatewayDeps } from './deps.js';
import { docsPage, openApiDocument } from './http/openapi.js';
import { problemErrorHandler, sendProblem } from './http/problem.js';
import { registerRoutes, type AnyRoute } from './http/route.js';
import { identityRoutes } from './routes/identity/index.js';
import { contractsRoutes } from './routes/contracts/index.js';
import { currencyServiceRoutes } from './routes/currency/index.js';
import { programsRoutes } from './routes/programs/index.js';
import { timesheetsRoutes } from './routes/timesheets/index.js';
import { payrollRoutes } from './routes/payroll/index.js';
import { problemRoutes } from './problems/routes.js';

export interface AppOptions {
  publicUrl: URL;
  issuer: Issuer;
  deps: GatewayDeps;
  logger: Logger;
  webDistDir?: string;
  rateLimitPerMinute: number;
  /** Where the rate limit counts (shared by the replicas); in this process's memory when absent. */
  rateLimitStore?: Store;
  trustProxy: boolean;
  /** Whether every dependency answers; /readyz reports it. */
  ready(): Promise<Record<string, boolean>>;
}

export function allRoutes(deps: GatewayDeps): AnyRoute[] {
  return [
    ...identityRoutes(deps),
    ...contractsRoutes(deps),
    ...programsRoutes(deps),
    ...currencyServiceRoutes(deps),
    ...timesheetsRoutes(deps),
    ...payrollRoutes(deps),
    ...problemRoutes(),
  ];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.get('x-request-id');
  res.locals.requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', res.locals.requestId as string);
  next();
}

/** Writes must send JSON: anything else is refused before it reaches a route. */
function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    sendProblem(res, { code: 'unsupported_media_type', status: 415, detail: 'Send the body as application/json' });
    return;
  }
  next();
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  const { deps, logger } = options;
  app.disable('x-powered-by');
  // Behind the ingress, the client is the address it adds last to X-Forwarded-For: entries before it
  // were sent by the client, and trusting them would let anyone choose the address it is limited as.
  app.set('trust proxy', options.trustProxy ? 1 : false);
  app.set('query parser', 'simple');
  app.use(requestId);
  app.use(httpTracing('gateway'));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'connect-src': ["'self'"],
          // No page of this site is meant to be shown inside another's (clickjacking).
          'frame-ancestors': ["'none'"],
          // Only over https: on a plain-http local stack it would send the browser to a port with no TLS.
          'upgrade-insecure-requests': options.publicUrl.protocol === 'https:' ? [] : null,
        },
      },
      strictTransportSecurity: options.publicUrl.protocol === 'https:',
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: 'deny' },
    }),
  );

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const checks = await options.ready();
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });

  const limiter = rateLimit({
    windowMs: 60_000,
    limit: options.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(options.rateLimitStore ? { store: options.rateLimitStore } : {}),
    // Retry-After is set by the limiter before this answer.
    handler: (_req, res) =>
      sendProblem(res, {
        code: 'rate_limited',
        status: 429,
        detail: `Slow down and try again in ${String(res.getHeader('retry-after') ?? 60)} seconds`,
      }),
  });
  app.use(['/v1', '/auth'], limiter);
  app.use('/v1', requireJsonBody, express.json({ limit: '64kb', strict: true, type: ['application/json', 'application/*+json'] }));

  registerAuthRoutes(app, {
    issuer: options.issuer,
    sessions: deps.sessions,
    authenticator: deps.authenticator,
    identity: deps.identity,
    publicUrl: options.publicUrl,
    logger,
  });

  const routes = allRoutes(deps);
  let document: Record<string, unknown> | undefined;
  // Built on first request: the token URL comes from the issuer's discovery document.
  const openApi = async () =>
    (document ??= openApiDocument(routes, {
      publicUrl: options.publicUrl.origin,
      tokenUrl: await options.issuer.tokenEndpoint().catch(() => `${options.publicUrl.origin}/auth/token`),
    }));
  app.get('/v1/openapi.json', async (_req, res) => void res.json(await openApi()));
  app.get('/v1/docs', async (_req, res) => void res.type('html').send(docsPage(await openApi())));
  registerRoutes(app, routes, {
    actorOf: (req, res) => deps.authenticator.actorOf(req, res),
    checkCsrf: (req, actor) => deps.authenticator.checkCsrf(req, actor),
  });
  app.use('/v1', (req, res) =>
    sendProblem(res, { code: 'not_found', status: 404, detail: `No route ${req.method} ${req.originalUrl.split('?')[0]}` }),
  );

  serveWebUi(app, options.webDistDir);
  app.use(problemErrorHandler(logger));
  return app;
}

/** The built web UI, with the History API fallback to index.html for its own paths. */
function serveWebUi(app: express.Express, dir: string | undefined): void {
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    app.get('/', (_req, res) => void res.type('text').send('Engagement 21 gateway. The web UI is not built: run npm run build -w web.'));
    return;
  }
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  app.use(express.static(dir, { index: false, maxAge: 0 }));
  app.get(/^\/(?!v1\/|auth\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(join(dir, 'index.html'));
  });
}

export { Authenticator };
