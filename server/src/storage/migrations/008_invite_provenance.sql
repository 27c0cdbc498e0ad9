-- Invite links cannot be shown again (only hashes are kept), so each row says where it came from: who made it, how it
-- was handed out (a link, a QR code shown on screen, or card sheet N), and when it was last used.
ALTER TABLE invites ADD COLUMN created_by TEXT;
ALTER TABLE invites ADD COLUMN handout TEXT NOT NULL DEFAULT 'link' CHECK (handout IN ('link', 'qr', 'sheet'));
ALTER TABLE invites ADD COLUMN sheet_id TEXT;
ALTER TABLE invites ADD COLUMN sheet_number INTEGER;
ALTER TABLE invites ADD COLUMN last_used_at TEXT;
CREATE INDEX invites_by_sheet ON invites(document_id, sheet_number);
