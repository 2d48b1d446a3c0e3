// A bare Express handler answering a profile-sized JSON: the ceiling the gateway is compared with.
import express from 'express';

const profile = {
  person: { id: '00000000-0000-4000-8000-000000000000', name: 'Lucas Martin', locale: 'en', status: 'employee' },
  territoryPath: [],
  memberships: [],
  employer: null,
  competences: [],
  roles: [],
};
const app = express();
app.get('/v1/me', (_req, res) => res.json(profile));
app.listen(Number(process.argv[2]), '127.0.0.1', () => process.send?.('ready'));
