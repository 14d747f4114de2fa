"""The frozen DDL of every schema version: new files are made from it, all checked."""

# Frozen text rather than SQLAlchemy's output: a new SQLAlchemy that words a
# CREATE statement differently must not make files of the same version differ.

from __future__ import annotations

_V1 = """
CREATE TABLE project (
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    client TEXT NOT NULL,
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    accent_colour TEXT NOT NULL,
    logo BLOB,
    PRIMARY KEY (id),
    CONSTRAINT one_project CHECK (id = 'project')
);
CREATE TABLE diagram (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    notation TEXT NOT NULL,
    position INTEGER NOT NULL,
    zoom FLOAT NOT NULL,
    scroll_x FLOAT NOT NULL,
    scroll_y FLOAT NOT NULL,
    presentation TEXT NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE lane (
    id TEXT NOT NULL,
    diagram_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    height FLOAT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(diagram_id) REFERENCES diagram (id) ON DELETE CASCADE
);
CREATE INDEX lane_diagram_id ON lane (diagram_id);
CREATE TABLE dividing_line (
    id TEXT NOT NULL,
    diagram_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    below_lane_id TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(diagram_id) REFERENCES diagram (id) ON DELETE CASCADE,
    FOREIGN KEY(below_lane_id) REFERENCES lane (id) ON DELETE CASCADE
);
CREATE INDEX dividing_line_below_lane_id ON dividing_line (below_lane_id);
CREATE INDEX dividing_line_diagram_id ON dividing_line (diagram_id);
CREATE TABLE stage (
    id TEXT NOT NULL,
    diagram_id TEXT NOT NULL,
    name TEXT NOT NULL,
    width FLOAT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(diagram_id) REFERENCES diagram (id) ON DELETE CASCADE
);
CREATE INDEX stage_diagram_id ON stage (diagram_id);
CREATE TABLE node (
    id TEXT NOT NULL,
    diagram_id TEXT NOT NULL,
    lane_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    description TEXT NOT NULL,
    x FLOAT NOT NULL,
    y FLOAT NOT NULL,
    width FLOAT NOT NULL,
    height FLOAT NOT NULL,
    fill TEXT,
    stroke TEXT,
    text_colour TEXT,
    duration FLOAT,
    wait_time FLOAT,
    moment_of_truth INTEGER NOT NULL CHECK (moment_of_truth IN (0, 1)),
    fail_point INTEGER NOT NULL CHECK (fail_point IN (0, 1)),
    wait_point INTEGER NOT NULL CHECK (wait_point IN (0, 1)),
    PRIMARY KEY (id),
    FOREIGN KEY(diagram_id) REFERENCES diagram (id) ON DELETE CASCADE,
    FOREIGN KEY(lane_id) REFERENCES lane (id) ON DELETE CASCADE
);
CREATE INDEX node_diagram_id ON node (diagram_id);
CREATE INDEX node_lane_id ON node (lane_id);
CREATE TABLE edge (
    id TEXT NOT NULL,
    diagram_id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    support_type TEXT,
    gap INTEGER,
    routing TEXT NOT NULL,
    waypoints TEXT NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(diagram_id) REFERENCES diagram (id) ON DELETE CASCADE,
    FOREIGN KEY(source_id) REFERENCES node (id) ON DELETE CASCADE,
    FOREIGN KEY(target_id) REFERENCES node (id) ON DELETE CASCADE
);
CREATE INDEX edge_diagram_id ON edge (diagram_id);
CREATE INDEX edge_source_id ON edge (source_id);
CREATE INDEX edge_target_id ON edge (target_id);
CREATE TABLE annotation (
    id TEXT NOT NULL,
    diagram_id TEXT NOT NULL,
    node_id TEXT,
    edge_id TEXT,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    gap INTEGER,
    finding TEXT,
    cause TEXT,
    severity INTEGER,
    remedy TEXT,
    owner TEXT,
    status TEXT,
    criterion TEXT,
    rating INTEGER,
    evidence TEXT,
    dimension TEXT,
    expectation FLOAT,
    perception FLOAT,
    weight FLOAT,
    text TEXT,
    PRIMARY KEY (id),
    CONSTRAINT kind CHECK (kind IN ('gap', 'quality', 'servqual', 'note')),
    CONSTRAINT one_target CHECK (node_id IS NULL OR edge_id IS NULL),
    FOREIGN KEY(diagram_id) REFERENCES diagram (id) ON DELETE CASCADE,
    FOREIGN KEY(node_id) REFERENCES node (id) ON DELETE CASCADE,
    FOREIGN KEY(edge_id) REFERENCES edge (id) ON DELETE CASCADE
);
CREATE INDEX annotation_diagram_id ON annotation (diagram_id);
CREATE INDEX annotation_edge_id ON annotation (edge_id);
CREATE INDEX annotation_node_id ON annotation (node_id);
"""


def _split(script: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in script.split(";") if s.strip())


# user_version -> the CREATE statements of that version, in order
SCHEMA_DDL: dict[int, tuple[str, ...]] = {1: _split(_V1)}
