-- A file attached to an email (issue 14 item 2: the invoice PDF sent with
-- the invoice). The file is rendered when the mail is queued, in the
-- transaction that sends the invoice, so the customer gets the invoice as
-- it was when the office sent it, whatever happens to it before the jobs
-- worker reaches the row. attachment holds the file's bytes sealed like the
-- bodies (AES-256-GCM under the row key: an invoice names its buyer);
-- its name ("INV-1001.pdf") and type are not personal data. NULL: no file.
ALTER TABLE email_outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE email_outbox ADD COLUMN attachment_type TEXT;
ALTER TABLE email_outbox ADD COLUMN attachment TEXT;
-- The organization's invoice email (issue 14 item 2): subject and body text
-- with placeholders, edited by owners and admins; NULL: the built-in
-- default (domain/invoices/email_template.cpp). The organization's own
-- words, not personal data.
ALTER TABLE orgs ADD COLUMN invoice_email_subject TEXT;
ALTER TABLE orgs ADD COLUMN invoice_email_body TEXT;
