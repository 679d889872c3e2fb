-- PostgreSQL tables for the CSV files `huiyi extract --format csv` writes
-- (schema huiyi/1). Columns are those of the files, in their order, so each
-- loads with
--   \copy documents FROM 'tables/documents.csv' (FORMAT csv, HEADER)
-- A document_id is derived from the input's path and content, so the tables
-- of separate batches append into these without key clashes; the same file
-- with the same content loaded twice is refused by the primary key.
-- Lists inside a cell are JSON arrays, read here as jsonb.

CREATE TABLE IF NOT EXISTS documents (
    document_id      text PRIMARY KEY,
    path             text NOT NULL,
    path_bytes       text,
    sha256           text,
    bytes            bigint,
    format           text,
    encoding         text,
    meeting_title    text,
    meeting_date     date,
    meeting_location text,
    chairs           jsonb,
    attendees        jsonb,
    warnings         jsonb,
    error_kind       text,
    error_message    text
);

CREATE TABLE IF NOT EXISTS people (
    document_id  text NOT NULL REFERENCES documents ON DELETE CASCADE,
    person_index integer NOT NULL,
    name         text NOT NULL,
    titles       jsonb NOT NULL,
    roles        jsonb NOT NULL,
    PRIMARY KEY (document_id, person_index)
);

CREATE TABLE IF NOT EXISTS tasks (
    document_id    text NOT NULL REFERENCES documents ON DELETE CASCADE,
    task_index     integer NOT NULL,
    title          text NOT NULL,
    leaders        jsonb NOT NULL,
    units          jsonb NOT NULL,
    deadline_index integer,
    deadline_date  date,
    status         text,
    PRIMARY KEY (document_id, task_index)
);

CREATE TABLE IF NOT EXISTS task_leaders (
    document_id text NOT NULL,
    task_index  integer NOT NULL,
    name        text NOT NULL,
    FOREIGN KEY (document_id, task_index) REFERENCES tasks ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS deadlines (
    document_id    text NOT NULL REFERENCES documents ON DELETE CASCADE,
    deadline_index integer NOT NULL,
    text           text NOT NULL,
    date           date,
    relation       text NOT NULL,
    precision      text NOT NULL,
    PRIMARY KEY (document_id, deadline_index)
);

CREATE TABLE IF NOT EXISTS problems (
    document_id   text NOT NULL REFERENCES documents ON DELETE CASCADE,
    problem_index integer NOT NULL,
    text          text NOT NULL,
    task_index    integer,
    PRIMARY KEY (document_id, problem_index)
);

CREATE INDEX IF NOT EXISTS people_name ON people (name);
CREATE INDEX IF NOT EXISTS task_leaders_name ON task_leaders (name);
CREATE INDEX IF NOT EXISTS deadlines_date ON deadlines (date);
