"""Entry points: analyse one diagram or a whole project, once or repeatedly.

The analysis only reads: it never changes the Document. Given a Document it copies
the entities it needs first (see snapshot.py); to analyse off the GUI thread, take
`snapshot(doc)` on the GUI thread and pass that to the worker.
"""

from __future__ import annotations

import threading
from collections import Counter
from operator import attrgetter

from blueprint.model import Annotation
from blueprint.model.document import paused_gc
from blueprint.model.entities import ANNOTATION_BODIES

from .checks import CHECKS, run_checks
from .facts import Facts
from .graph import graph_of
from .journey import journeys_and_timing
from .results import Counts, DiagramAnalysis, Finding, ProjectAnalysis
from .snapshot import DiagramParts, Source, snapshot
from .softchecks import run_soft_rules, soft_rules
from .summaries import gap_summary, quality_summary, servqual_summary

_CHECK_ORDER = {c: i for i, c in enumerate(CHECKS)}
_BODY = attrgetter("body")
_KIND_OF = {body: kind for kind, body in ANNOTATION_BODIES.items()}


def _counts(facts: Facts, annotations: tuple[Annotation, ...]) -> Counts:
    nodes = facts.g.nodes
    kinds = {
        _KIND_OF[body]: n
        for body, n in Counter(map(type, map(_BODY, annotations))).items()
    }
    return Counts(
        nodes=len(nodes),
        edges=len(facts.g.edges) + len(facts.g.dangling),
        steps=len(facts.steps),
        customer_actions=len(facts.customer_actions),
        moments_of_truth=sum(map(attrgetter("moment_of_truth"), nodes)),
        fail_points=sum(map(attrgetter("fail_point"), nodes)),
        wait_points=sum(map(attrgetter("wait_point"), nodes)),
        contacts=len(facts.crossing("interaction")),
        gap_annotations=kinds.get("gap", 0),
        quality_annotations=kinds.get("quality", 0),
        servqual_annotations=kinds.get("servqual", 0),
        note_annotations=kinds.get("note", 0),
    )


def _sorted(findings: list[Finding], facts: Facts) -> tuple[Finding, ...]:
    # built-in checks in catalogue order, then soft rules in the notation's order;
    # within a check left to right
    order = dict(_CHECK_ORDER)
    for rule in soft_rules(facts.g.notation):
        order.setdefault(rule.id, len(order))
    first = facts.position.get

    def key(f: Finding) -> tuple[int, int]:
        at = min((first(i, 0) for i in f.node_ids), default=-1)
        return (order.get(f.check, len(order)), at)

    return tuple(sorted(findings, key=key))


def _analyse_parts(parts: DiagramParts) -> DiagramAnalysis:
    facts = Facts(graph_of(parts))
    notes = parts.annotations
    findings = run_checks(facts, notes) + run_soft_rules(facts, notes)
    journeys, truncated, timing = journeys_and_timing(facts)
    return DiagramAnalysis(
        diagram_id=parts.id,
        name=parts.diagram.name,
        notation=parts.diagram.notation,
        findings=_sorted(findings, facts),
        journeys=journeys,
        journeys_truncated=truncated,
        timing=timing,
        gap_summary=gap_summary(notes),
        quality_summary=quality_summary(notes),
        servqual_summary=servqual_summary(notes),
        counts=_counts(facts, notes),
    )


def _project(
    snap_parts: tuple[DiagramParts, ...], diagrams: list[DiagramAnalysis]
) -> ProjectAnalysis:
    every = [a for p in snap_parts for a in p.annotations]
    total = Counts()
    for d in diagrams:
        total = total + d.counts
    return ProjectAnalysis(
        diagrams=tuple(diagrams),
        gap_summary=gap_summary(every),
        quality_summary=quality_summary(every),
        servqual_summary=servqual_summary(every),
        counts=total,
    )


def analyse_diagram(doc: Source, diagram_id: str) -> DiagramAnalysis:
    """Findings, journeys, timing, summaries and counts of one diagram.

    `doc` is a Document, a Snapshot, `Document.state()` or any iterable of
    entities (e.g. from a damaged import: broken references become findings).
    Raises KeyError when the diagram is not in the project.
    """
    with paused_gc():
        return _analyse_parts(snapshot(doc, diagram_id).diagram(diagram_id))


def analyse_project(doc: Source) -> ProjectAnalysis:
    """Every diagram, in diagram order, and the project-wide summaries."""
    with paused_gc():
        snap = snapshot(doc)
        return _project(snap.diagrams, [_analyse_parts(p) for p in snap.diagrams])


class Analyser:
    """Re-runs the analysis after edits, redoing only diagrams that changed.

    Entities are frozen and replaced on every change, so a diagram whose entities
    are the very same objects as last time has the same analysis. The cache keeps
    those entities alive, so their identities cannot be reused. Thread-safe; off
    the GUI thread, pass it snapshots taken on the GUI thread, not the Document.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # diagram id -> (entity identities, the parts that hold them, result)
        self._cache: dict[str, tuple[tuple[int, ...], DiagramParts, DiagramAnalysis]]
        self._cache = {}

    def _diagram(self, parts: DiagramParts) -> DiagramAnalysis:
        key = parts.key()
        with self._lock:
            hit = self._cache.get(parts.id)
        if hit is not None and hit[0] == key:
            return hit[2]
        with paused_gc():
            result = _analyse_parts(parts)
        with self._lock:
            self._cache[parts.id] = (key, parts, result)
        return result

    def diagram(self, doc: Source, diagram_id: str) -> DiagramAnalysis:
        return self._diagram(snapshot(doc, diagram_id).diagram(diagram_id))

    def project(self, doc: Source) -> ProjectAnalysis:
        snap = snapshot(doc)
        result = _project(snap.diagrams, [self._diagram(p) for p in snap.diagrams])
        with self._lock:  # forget diagrams that are gone
            for gone in self._cache.keys() - snap.by_id.keys():
                del self._cache[gone]
        return result
