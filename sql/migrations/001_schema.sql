-- Gazette schema v1: articles and everything extracted from them.
-- IDs are opaque, type-prefixed, time-ordered strings made by the application (art_…, act_…),
-- so ordering by id is ordering by creation and keyset paging needs only the id.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE articles (
    id                text PRIMARY KEY,
    title             text NOT NULL,
    body              text NOT NULL,
    source            text,
    url               text,
    published_at      timestamptz,
    language          text NOT NULL DEFAULT 'en',
    content_hash      text NOT NULL UNIQUE,
    ingested_at       timestamptz NOT NULL DEFAULT now(),
    extractor_version text NOT NULL,
    search            tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
    ) STORED
);
-- Unique on a digest: a b-tree entry cannot hold a URL of several kilobytes of UTF-8.
CREATE UNIQUE INDEX articles_url_md5_key ON articles (md5(url));
CREATE INDEX articles_search_idx ON articles USING gin (search);
CREATE INDEX articles_published_at_idx ON articles (published_at);
CREATE INDEX articles_source_idx ON articles (source);

CREATE TABLE actors (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    -- normalised name: lower case, no accents or punctuation; the key of cross-article resolution
    name_key    text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('person', 'organization', 'state', 'military', 'group', 'media')),
    titles      text[] NOT NULL DEFAULT '{}',
    affiliation text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name_key, kind)
);
CREATE INDEX actors_name_trgm_idx ON actors USING gin (name gin_trgm_ops);
CREATE INDEX actors_kind_idx ON actors (kind);

CREATE TABLE actor_aliases (
    actor_id  text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias     text NOT NULL,
    alias_key text NOT NULL,
    PRIMARY KEY (actor_id, alias_key)
);
CREATE INDEX actor_aliases_alias_key_idx ON actor_aliases (alias_key);
CREATE INDEX actor_aliases_alias_trgm_idx ON actor_aliases USING gin (alias gin_trgm_ops);

-- which actors an article involves (named, quoted or claiming); mentions hold the spans
CREATE TABLE article_actors (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX article_actors_actor_id_idx ON article_actors (actor_id);

CREATE TABLE mentions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   text NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    start      integer NOT NULL CHECK (start >= 0),
    "end"      integer NOT NULL CHECK ("end" > start),
    text       text NOT NULL
);
CREATE INDEX mentions_article_id_idx ON mentions (article_id);
CREATE INDEX mentions_actor_id_idx ON mentions (actor_id);

CREATE TABLE places (
    id           text PRIMARY KEY,
    geonames_id  bigint NOT NULL UNIQUE,
    name         text NOT NULL,
    aliases      text[] NOT NULL DEFAULT '{}',
    -- name and aliases in one string, for the trigram index behind ?q=
    search_names text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('settlement', 'region', 'country')),
    country_code text NOT NULL,
    admin1       text,
    lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon          double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    population   bigint NOT NULL DEFAULT 0,
    -- (x, y) = (lon, lat); `location <@ box` serves bbox filters through the GiST index
    location     point GENERATED ALWAYS AS (point(lon, lat)) STORED
);
CREATE INDEX places_search_names_trgm_idx ON places USING gin (search_names gin_trgm_ops);
CREATE INDEX places_location_idx ON places USING gist (location);
CREATE INDEX places_country_code_idx ON places (country_code);

CREATE TABLE article_places (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    place_id   text NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, place_id)
);
CREATE INDEX article_places_place_id_idx ON article_places (place_id);

CREATE TABLE place_mentions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    place_id   text NOT NULL REFERENCES places (id) ON DELETE CASCADE,
    start      integer NOT NULL CHECK (start >= 0),
    "end"      integer NOT NULL CHECK ("end" > start),
    text       text NOT NULL
);
CREATE INDEX place_mentions_article_id_idx ON place_mentions (article_id);
CREATE INDEX place_mentions_place_id_idx ON place_mentions (place_id);

CREATE TABLE quotes (
    id                text PRIMARY KEY,
    article_id        text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    speaker_id        text REFERENCES actors (id) ON DELETE SET NULL,
    speaker_text      text,
    cue               text,
    kind              text NOT NULL CHECK (kind IN ('direct', 'indirect', 'partial')),
    text              text NOT NULL,
    start             integer NOT NULL CHECK (start >= 0),
    "end"             integer NOT NULL CHECK ("end" >= start),
    confidence        real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    -- copied from the article so date filters on quotes need no join
    published_at      timestamptz,
    extractor_version text NOT NULL,
    search            tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX quotes_article_id_idx ON quotes (article_id);
CREATE INDEX quotes_speaker_id_idx ON quotes (speaker_id);
CREATE INDEX quotes_published_at_idx ON quotes (published_at);
CREATE INDEX quotes_search_idx ON quotes USING gin (search);

CREATE TABLE claims (
    id                     text PRIMARY KEY,
    article_id             text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    place_id               text REFERENCES places (id) ON DELETE SET NULL,
    place_text             text NOT NULL,
    claimant_id            text REFERENCES actors (id) ON DELETE SET NULL,
    claimant_text          text,
    controller_id          text REFERENCES actors (id) ON DELETE SET NULL,
    controller_text        text,
    previous_controller_id text REFERENCES actors (id) ON DELETE SET NULL,
    type                   text NOT NULL CHECK (type IN ('control', 'capture', 'advance', 'withdrawal', 'contested', 'cession', 'annexation')),
    stance                 text NOT NULL CHECK (stance IN ('asserted', 'denied')),
    modality               text NOT NULL CHECK (modality IN ('factual', 'unverified', 'demanded', 'proposed', 'hypothetical')),
    extent_text            text,
    extent_value           double precision,
    extent_unit            text,
    evidence_text          text NOT NULL,
    evidence_start         integer NOT NULL CHECK (evidence_start >= 0),
    evidence_end           integer NOT NULL CHECK (evidence_end >= evidence_start),
    -- deferred: a claim and the one it answers are inserted in the same transaction, in any order
    responds_to            text REFERENCES claims (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    confidence             real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    -- when the claim was made: the article's publication time, else its ingest time
    claimed_at             timestamptz NOT NULL,
    extractor_version      text NOT NULL
);
CREATE INDEX claims_article_id_idx ON claims (article_id);
CREATE INDEX claims_place_id_idx ON claims (place_id);
CREATE INDEX claims_claimant_id_idx ON claims (claimant_id);
CREATE INDEX claims_controller_id_idx ON claims (controller_id);
CREATE INDEX claims_previous_controller_id_idx ON claims (previous_controller_id);
CREATE INDEX claims_responds_to_idx ON claims (responds_to);
CREATE INDEX claims_claimed_at_idx ON claims (claimed_at);

-- Read models: one row per entity in the shape of its wire type (api/schemas.py), plus the
-- keys that filters use. Queries select from these so each shape is written once.

CREATE VIEW actor_rows AS
SELECT a.id, a.name, a.kind, a.titles, a.affiliation,
       coalesce((SELECT array_agg(al.alias ORDER BY al.alias) FROM actor_aliases al
                 WHERE al.actor_id = a.id AND al.alias <> a.name), '{}') AS aliases,
       (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions,
       (SELECT count(*) FROM quotes q WHERE q.speaker_id = a.id) AS quotes,
       seen.first_seen, seen.last_seen
FROM actors a
LEFT JOIN LATERAL (
    SELECT min(coalesce(ar.published_at, ar.ingested_at)) AS first_seen,
           max(coalesce(ar.published_at, ar.ingested_at)) AS last_seen
    FROM article_actors aa JOIN articles ar ON ar.id = aa.article_id
    WHERE aa.actor_id = a.id
) seen ON true;

CREATE VIEW place_rows AS
SELECT p.id, p.name, p.aliases, p.kind, p.country_code, p.admin1, p.lat, p.lon,
       p.geonames_id, p.population,
       (SELECT count(*) FROM place_mentions pm WHERE pm.place_id = p.id) AS mentions
FROM places p;

CREATE VIEW quote_rows AS
SELECT q.id, q.text, q.kind,
       CASE WHEN s.id IS NULL THEN NULL ELSE jsonb_build_object('id', s.id, 'name', s.name) END AS speaker,
       q.speaker_text, q.cue, q.start, q."end", q.confidence, q.article_id, q.published_at,
       q.extractor_version, q.speaker_id
FROM quotes q
LEFT JOIN actors s ON s.id = q.speaker_id;

CREATE VIEW claim_rows AS
SELECT c.id,
       CASE WHEN p.id IS NULL THEN NULL
            ELSE jsonb_build_object('id', p.id, 'name', p.name, 'aliases', to_jsonb(p.aliases)) END AS place,
       c.place_text,
       CASE WHEN cl.id IS NULL THEN NULL ELSE jsonb_build_object('id', cl.id, 'name', cl.name) END AS claimant,
       c.claimant_text,
       CASE WHEN co.id IS NULL THEN NULL ELSE jsonb_build_object('id', co.id, 'name', co.name) END AS controller,
       c.controller_text,
       CASE WHEN pc.id IS NULL THEN NULL ELSE jsonb_build_object('id', pc.id, 'name', pc.name) END AS previous_controller,
       c.type, c.stance, c.modality,
       CASE WHEN c.extent_text IS NULL AND c.extent_value IS NULL THEN NULL
            ELSE jsonb_build_object('text', c.extent_text, 'value', c.extent_value, 'unit', c.extent_unit) END AS extent,
       jsonb_build_object('start', c.evidence_start, 'end', c.evidence_end, 'text', c.evidence_text) AS evidence,
       c.responds_to, c.confidence, c.article_id, c.claimed_at, c.extractor_version,
       p.lat, p.lon,
       c.place_id, c.claimant_id, c.controller_id
FROM claims c
LEFT JOIN places p ON p.id = c.place_id
LEFT JOIN actors cl ON cl.id = c.claimant_id
LEFT JOIN actors co ON co.id = c.controller_id
LEFT JOIN actors pc ON pc.id = c.previous_controller_id;
