-- The employer view of each form as documents of its own (issue 11): a JSON and a PDF naming no
-- project, challenge, individual competence nor wallet balance, each with its SHA-256 taken when
-- they were written and checked before every download, like the form's own documents.
--
-- Set at issue for a form of a contract with an employer. Forms issued before this migration get
-- them once, from their stored figures, by the service (at start, and at their first download):
-- rendering is deterministic, so the bytes are those the issue would have written. They are then
-- never changed: the columns are only ever set from null.
alter table forms
  add column employer_document text,
  add column employer_json_sha256 text,
  add column employer_pdf bytea,
  add column employer_pdf_sha256 text,
  add constraint forms_employer_documents_whole check (
    (employer_document is null and employer_json_sha256 is null and employer_pdf is null and employer_pdf_sha256 is null)
    or (employer_id is not null and employer_document is not null and employer_json_sha256 is not null and employer_pdf is not null and employer_pdf_sha256 is not null)
  );

-- The forms still without their employer documents: what the service fills in at start.
create index forms_employer_documents_missing on forms (issued_at, id) where employer_id is not null and employer_document is null;
