-- The hub's first schema: reports, reviewers' tokens, decisions, the lists it publishes and their
-- drafts, and the audit log. Times are timestamptz; ids are integers (an authority's hub stays far
-- below two billion rows, and both drivers return int4 as a JavaScript number).

create table reports (
  id integer generated always as identity primary key,
  -- Chosen by the extension; storing each key once is what makes retries safe.
  idempotency_key uuid not null unique,
  -- SHA-256 of the report as validated, to tell a retry from a different report reusing a key.
  body_hash text not null,
  kind text not null check (kind in ('suspicious-site', 'false-positive')),
  page text not null,
  host text not null,
  -- The registrable domain (lib/domain): reports are grouped and listed by it.
  domain text not null,
  reasons text[] not null,
  comment text,
  contact_email text,
  extension_version text not null,
  created_at timestamptz not null,
  received_at timestamptz not null default now(),
  status text not null default 'open' check (status in ('open', 'confirmed', 'rejected')),
  decision_id integer
);
create index reports_open_by_domain on reports (domain, kind) where status = 'open';
create index reports_by_domain on reports (domain);

create table tokens (
  -- The public half of a token (`phc_<id>_<secret>`); only a SHA-256 of the secret is stored.
  id text primary key,
  secret_sha256 text not null,
  role text not null check (role in ('reviewer', 'publisher')),
  label text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);

create table lists (
  id text primary key,
  -- The list's metadata (lib/lists listMetaSchema, without version and dates), as JSON.
  meta jsonb not null,
  validity_days integer not null check (validity_days between 1 and 366),
  version integer not null default 0,
  published_at timestamptz
);

create table decisions (
  id integer generated always as identity primary key,
  domain text not null,
  kind text not null check (kind in ('suspicious-site', 'false-positive')),
  action text not null check (action in ('confirm', 'reject')),
  list_id text references lists (id),
  actor text not null,
  decided_at timestamptz not null default now(),
  reference text,
  note text
);
alter table reports add constraint reports_decision foreign key (decision_id) references decisions (id);

-- The next version of each list: its whole content, with the evidence behind every entry. Publishing
-- writes it out as version N+1; it stays as the base of the version after.
create table draft_entries (
  list_id text not null references lists (id),
  domain text not null,
  category text not null,
  added date not null,
  reference text,
  note text,
  report_ids integer[] not null,
  decision_ids integer[] not null,
  confirmed_by text not null,
  confirmed_at timestamptz not null,
  primary key (list_id, domain)
);

create table audit_log (
  id integer generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null,
  subject text not null,
  details jsonb not null default '{}'
);
create index audit_log_at on audit_log (at);
