-- Published files live in the database, so that every hub process on one database serves the same
-- bytes (a stateless hub): each file of the publish layout (docs/list-format.md) with its SHA-256,
-- which is its ETag. A version's list and deltas are immutable (inserted once, never updated);
-- latest.json, its signature and index.json are replaced by each publication, in its transaction.

create table published_files (
  path text primary key,
  -- null for index.json
  list_id text references lists (id),
  -- the list version the file belongs to (for latest.json: the version it names)
  version integer,
  bytes bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  immutable boolean not null,
  published_at timestamptz not null default now()
);
create index published_files_by_list on published_files (list_id, version);

-- What index.json says about a list's last published version (lib/lists publishedListSchema).
alter table lists add column index_entry jsonb;

-- Settings every hub process on this database must agree on, such as the signing key's id.
create table hub_settings (
  name text primary key,
  value text not null,
  set_at timestamptz not null default now()
);

-- Reports of a decided group keep the reporter's e-mail only for a grace period (the retention
-- command clears it); this finds them without scanning every report.
create index reports_with_contact on reports (decision_id) where contact_email is not null;
