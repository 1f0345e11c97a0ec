-- Valuing people: a space's rate card, the involvement opportunities it offers, who took
-- part, claims for time and expenses (with receipts), each person's payment choice and
-- bank details, and payment batches. Money is whole pence. Receipts and bank details are
-- sealed (XSalsa20-Poly1305 with a key derived for the space); only treasurers open them.

-- bank_keep_days: bank details are erased this many days after a person's last payment.
CREATE TABLE involvement_settings (
  space_id BIGINT PRIMARY KEY REFERENCES spaces (id) ON DELETE CASCADE,
  bank_keep_days BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- kind: meeting | event | document_review | piece_of_work. unit: hourly | fixed. A rate is
-- never changed: a new one starts on a later day (from_day, YYYY-MM-DD).
CREATE TABLE involvement_rates (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  unit TEXT NOT NULL,
  pence BIGINT NOT NULL,
  from_day TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (space_id, kind, from_day)
);

-- status: open | closed. how: in_person | online | either. expenses and support: words
-- separated by spaces (travel care subsistence data; bsl quiet_room buddy).
CREATE TABLE involvement_opportunities (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  starts TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  how TEXT NOT NULL,
  place TEXT NOT NULL,
  places BIGINT NOT NULL,
  expenses TEXT NOT NULL,
  support TEXT NOT NULL,
  support_other TEXT NOT NULL,
  event_id BIGINT REFERENCES events (id) ON DELETE SET NULL,
  status TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX involvement_opportunities_by_space ON involvement_opportunities (space_id, day);

-- status: interested | chosen | not_chosen. reason: why the facilitator chose (or did not
-- choose) them, which the person sees, so the choice can be questioned.
CREATE TABLE involvement_interest (
  opportunity_id BIGINT NOT NULL REFERENCES involvement_opportunities (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  note TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  decided_at BIGINT,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (opportunity_id, user_id)
);
CREATE INDEX involvement_interest_by_user ON involvement_interest (user_id);

-- Who took part, confirmed by a facilitator. source: opportunity | event | by_hand.
CREATE TABLE involvement_participation (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  opportunity_id BIGINT REFERENCES involvement_opportunities (id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  what TEXT NOT NULL,
  source TEXT NOT NULL,
  confirmed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX involvement_participation_by_user ON involvement_participation (user_id, space_id, day);
CREATE UNIQUE INDEX involvement_participation_once ON involvement_participation (opportunity_id, user_id);

CREATE TABLE involvement_batches (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  claim_count BIGINT NOT NULL,
  total_pence BIGINT NOT NULL,
  created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  paid_day TEXT,
  paid_at BIGINT
);
CREATE INDEX involvement_batches_by_space ON involvement_batches (space_id, id);

-- state: draft | submitted | queried | approved | refused | batched | paid | withdrawn
-- (rules/claim.hpp). method: bank | voucher | decline | charity, as chosen when it was
-- submitted. user_id is NULL once the account is erased: payee_ref (a pseudonym), the
-- amounts and the days stay, as the organisation must keep them.
CREATE TABLE involvement_claims (
  id AUTO_ID,
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  payee_ref TEXT NOT NULL,
  participation_id BIGINT REFERENCES involvement_participation (id) ON DELETE SET NULL,
  opportunity_id BIGINT REFERENCES involvement_opportunities (id) ON DELETE SET NULL,
  advance BIGINT NOT NULL,
  kind TEXT NOT NULL,
  day TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  unit TEXT NOT NULL,
  rate_pence BIGINT NOT NULL,
  time_pence BIGINT NOT NULL,
  expenses_pence BIGINT NOT NULL,
  total_pence BIGINT NOT NULL,
  method TEXT NOT NULL,
  charity TEXT,
  state TEXT NOT NULL,
  question TEXT,
  answer TEXT,
  reason TEXT,
  decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
  batch_id BIGINT REFERENCES involvement_batches (id),
  submitted_at BIGINT,
  decided_at BIGINT,
  paid_day TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX involvement_claims_by_space ON involvement_claims (space_id, state, id);
CREATE INDEX involvement_claims_by_user ON involvement_claims (user_id, space_id, id);
CREATE INDEX involvement_claims_by_batch ON involvement_claims (batch_id);

-- category: travel | care | subsistence | data | other.
CREATE TABLE involvement_expenses (
  id AUTO_ID,
  claim_id BIGINT NOT NULL REFERENCES involvement_claims (id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  pence BIGINT NOT NULL
);
CREATE INDEX involvement_expenses_by_claim ON involvement_expenses (claim_id);

-- A receipt: its type read from its bytes (image/jpeg, image/png, application/pdf), the
-- bytes sealed. Only ever downloaded as an attachment.
CREATE TABLE involvement_receipts (
  id AUTO_ID,
  claim_id BIGINT NOT NULL REFERENCES involvement_claims (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sealed TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX involvement_receipts_by_claim ON involvement_receipts (claim_id);

-- Each person's payment choice in a space (each space pays its own): bank | voucher |
-- decline | charity (with the charity's name). guidance_at: when they saw the guidance on
-- benefits and advice, shown before their first claim.
CREATE TABLE involvement_choices (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  method TEXT NOT NULL,
  charity TEXT,
  guidance_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, user_id)
);

-- Bank details, sealed: the name on the account, sort code and account number. Erased when
-- the person asks, bank_keep_days after their last payment, or with their account.
CREATE TABLE involvement_bank_details (
  space_id BIGINT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sealed TEXT NOT NULL,
  last_paid_at BIGINT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (space_id, user_id)
);
