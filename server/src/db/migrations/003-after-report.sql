-- After a report (docs/hub.md, "After a report"): the caution signals reporters attach, copies of
-- a site's page kept as evidence, what a decision cited, other authorities' lists the hub
-- subscribes to, notices prepared for registrars and hosts, and the domain's RDAP status later.

-- Signal ids as the extension sent them (lib/reports `signals`); older reports have none.
alter table reports add column signals text[] not null default '{}';

-- A copy of a site's page as the hub fetched it: bounded (size, time), no script run, every
-- redirect recorded with the address it led to, the SHA-256 of the bytes kept.
create table page_snapshots (
  id integer generated always as identity primary key,
  domain text not null,
  requested_url text not null,
  -- the address that answered (after redirects); null when no address answered
  final_url text,
  -- [{url, status, location}] for every redirect followed, in order
  redirects jsonb not null default '[]',
  -- the IP address the last connection went to
  address text,
  http_status integer,
  content_type text,
  bytes bytea not null,
  byte_count integer not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- complete; truncated (cut at the size limit); or a failure: timeout, refused (an address the
  -- hub may not reach), failed (network, too many redirects, a bad address)
  outcome text not null check (outcome in ('complete', 'truncated', 'timeout', 'refused', 'failed')),
  problem text,
  fetched_at timestamptz not null,
  actor text not null
);
create index page_snapshots_by_domain on page_snapshots (domain);

-- What a decision cited besides the reports: page copies, other authorities' listings, signals.
alter table decisions add column evidence jsonb not null default '{}';

-- Other authorities' published lists, verified as the extension verifies them (lib/lists).
create table peer_lists (
  id integer generated always as identity primary key,
  url text not null unique,
  -- the public key file (lib/signing) the subscription trusts
  public_key jsonb not null,
  -- from the verified latest.json; null until the first successful download
  list_id text,
  meta jsonb,
  version integer,
  etag text,
  added_by text not null,
  added_at timestamptz not null default now(),
  last_check timestamptz,
  last_success timestamptz,
  last_error text
);

create table peer_entries (
  peer_id integer not null references peer_lists (id) on delete cascade,
  domain text not null,
  category text not null,
  -- the date the other authority gives (its list's `added`)
  added date not null,
  source text not null,
  reference text,
  -- when this hub first saw the domain on that list
  first_seen timestamptz not null,
  primary key (peer_id, domain)
);
create index peer_entries_by_domain on peer_entries (domain);

-- A notice to a registrar (and the host, where known), prepared from RDAP's answer; the reviewer
-- sends it from their own mail and records that it was sent.
create table notices (
  id integer generated always as identity primary key,
  domain text not null,
  prepared_at timestamptz not null,
  prepared_by text not null,
  -- what RDAP said: registrar, abuse contact, statuses, the servers asked
  rdap jsonb not null,
  body jsonb not null,
  text text not null,
  sent_at timestamptz,
  sent_by text,
  sent_to text,
  -- when a later RDAP check found the domain held or gone
  suspended_at timestamptz
);
create index notices_by_domain on notices (domain);

-- Every later RDAP check of a domain: the statuses seen, or why there was no answer.
create table domain_checks (
  id integer generated always as identity primary key,
  domain text not null,
  checked_at timestamptz not null,
  outcome text not null check (outcome in ('active', 'suspended', 'gone', 'failed')),
  statuses text[] not null default '{}',
  problem text
);
create index domain_checks_by_domain on domain_checks (domain, checked_at);
