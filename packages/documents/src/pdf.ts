// A small document model (title, sections of fields and tables) rendered to A4 PDF with pdfkit.
import PDFDocument from 'pdfkit';

export interface Field {
  label: string;
  value: string;
}

export interface Table {
  columns: string[];
  rows: string[][];
  /** Columns aligned right (numbers). */
  numeric?: number[];
}

export interface Section {
  heading: string;
  fields?: Field[];
  table?: Table;
  paragraphs?: string[];
}

export interface DocumentSpec {
  title: string;
  subtitle?: string;
  /** Fixed creation date, so the same stored version always renders the same bytes. */
  createdAt: Date;
  sections: Section[];
  /** Printed at the bottom of every page, e.g. a verification code. */
  footer?: string;
  /** PDF metadata. */
  author?: string;
  subject?: string;
}

const MARGIN = 50;
const GREEN = '#1f6f43';

export function renderPdf(spec: DocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: spec.title,
      Author: spec.author ?? 'Engagement 21',
      Subject: spec.subject ?? spec.title,
      CreationDate: spec.createdAt,
      ModDate: spec.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fillColor(GREEN).font('Helvetica-Bold').fontSize(18).text(spec.title);
  if (spec.subtitle) doc.fillColor('#333').font('Helvetica').fontSize(11).text(spec.subtitle);
  doc.moveDown();
  for (const section of spec.sections) writeSection(doc, section);
  if (spec.footer) writeFooters(doc, spec.footer);
  doc.end();
  return done;
}

function writeSection(doc: PDFKit.PDFDocument, section: Section): void {
  doc.x = MARGIN;
  doc.fillColor(GREEN).font('Helvetica-Bold').fontSize(12).text(section.heading);
  doc.moveDown(0.3).fillColor('#000').fontSize(10);
  for (const field of section.fields ?? []) {
    doc.font('Helvetica-Bold').text(`${field.label}: `, { continued: true }).font('Helvetica').text(field.value);
  }
  for (const paragraph of section.paragraphs ?? []) doc.font('Helvetica').text(paragraph).moveDown(0.3);
  if (section.table) writeTable(doc, section.table);
  doc.moveDown();
}

function writeTable(doc: PDFKit.PDFDocument, table: Table): void {
  const width = doc.page.width - 2 * MARGIN;
  const columnWidth = width / table.columns.length;
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    const top = doc.y;
    let bottom = top;
    cells.forEach((cell, index) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(cell, MARGIN + index * columnWidth, top, {
        width: columnWidth - 6,
        align: table.numeric?.includes(index) ? 'right' : 'left',
      });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 2;
  };
  row(table.columns, true);
  for (const cells of table.rows) row(cells, false);
  doc.x = MARGIN;
}

function writeFooters(doc: PDFKit.PDFDocument, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fillColor('#555')
      .font('Helvetica')
      .fontSize(8)
      .text(`${footer} — ${page + 1}/${range.count}`, MARGIN, doc.page.height - 35, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
}
