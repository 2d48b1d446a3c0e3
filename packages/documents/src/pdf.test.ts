import { pdfText } from '@e21/devinfra';
import { renderPdf } from './pdf.js';

const spec = {
  title: 'Contrat de Droit d’Activité Sociétale / SAR contract',
  createdAt: new Date('2026-11-01T10:00:00Z'),
  sections: [
    { heading: 'Parties', fields: [{ label: 'Personne / Person', value: 'Amina Haddad' }] },
    { heading: 'Heures / Hours', table: { columns: ['Projet', 'Heures'], rows: [['Jardins partagés', '12']], numeric: [1] } },
  ],
  footer: 'Code de vérification ABC-123',
};

describe('renderPdf', () => {
  it('writes every field, table cell and the footer as text, accents included', async () => {
    const text = await pdfText(await renderPdf(spec));
    for (const expected of ['Amina Haddad', 'Jardins partagés', '12', 'Code de vérification ABC-123', 'Heures / Hours'])
      expect(text).toContain(expected);
  });

  it('renders the same bytes for the same document', async () => {
    expect((await renderPdf(spec)).equals(await renderPdf(spec))).toBe(true);
  });
});
