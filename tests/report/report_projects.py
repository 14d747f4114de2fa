"""Projects for the report tests and benchmark, built with the model API."""

from __future__ import annotations

import itertools
import random

from blueprint.model import (
    Annotation,
    Document,
    Edge,
    GapFinding,
    Node,
    NoteText,
    ProjectInfo,
    QualityRating,
    ServqualScore,
    Stage,
    new_id,
)
from blueprint.model.factory import add_diagram
from blueprint.model.rules import LANE_HEADER_WIDTH, lane_spans

# Bitner, Ostrom & Morgan (2008): the overnight hotel stay, lane by lane, as
# (stage index, label) in the order the steps happen
HOTEL = {
    "physical_evidence": [
        (0, "Hotel exterior, parking"),
        (0, "Cart for bags"),
        (0, "Desk, registration papers, lobby, key"),
        (1, "Elevators, hallways, room"),
        (1, "Room amenities, bath"),
        (1, "Menu"),
        (1, "Delivery tray, food"),
        (2, "Bill, desk, lobby"),
    ],
    "customer": [
        (0, "Arrive at hotel"),
        (0, "Give bags to bellperson"),
        (0, "Check in"),
        (1, "Go to room"),
        (1, "Receive bags"),
        (1, "Sleep, shower"),
        (1, "Call room service"),
        (1, "Receive food"),
        (1, "Eat"),
        (2, "Check out and leave"),
    ],
    "onstage": [
        (0, "Greet and take bags"),
        (0, "Process registration"),
        (1, "Deliver bags"),
        (1, "Deliver food"),
        (2, "Process check-out"),
    ],
    "backstage": [(0, "Take bags to room"), (1, "Take food order")],
    "support": [
        (0, "Registration system"),
        (1, "Prepare food"),
        (2, "Registration system"),
    ],
}
STEP_W, STEP_H, GAP_X = 130.0, 56.0, 26.0


def _place(doc: Document, diagram_id: str, plan: dict[str, list[tuple[int, str]]]):
    """Nodes laid out left to right in their lanes, one column per step."""
    lanes = {lane.role: (lane, top) for lane, top, _ in lane_spans(doc, diagram_id)}
    stage_columns = [0, 0, 0]
    nodes: dict[str, list[Node]] = {}
    for steps in plan.values():
        for stage, _ in steps:
            stage_columns[stage] = max(
                stage_columns[stage], sum(1 for s, _ in steps if s == stage)
            )
    widths = [c * (STEP_W + GAP_X) + GAP_X for c in stage_columns]
    starts = [sum(widths[:i]) for i in range(3)]
    for role, steps in plan.items():
        lane, top = lanes[role]
        seen = [0, 0, 0]
        for stage, label in steps:
            x = (
                LANE_HEADER_WIDTH
                + GAP_X
                + starts[stage]
                + seen[stage] * (STEP_W + GAP_X)
            )
            seen[stage] += 1
            y = top + (lane.height - STEP_H) / 2
            kind = "evidence" if role == "physical_evidence" else "action"
            if role == "support" and "system" in label.lower():
                kind = "system"
            nodes.setdefault(role, []).append(
                Node(
                    new_id(),
                    diagram_id,
                    lane.id,
                    kind,
                    label,
                    x=x,
                    y=y,
                    width=STEP_W,
                    height=STEP_H,
                )
            )
    return nodes, widths


def hotel_project(title: str = "Overnight hotel stay") -> Document:
    """The hotel blueprint with stages, flow, annotations of every kind."""
    doc = Document(
        ProjectInfo(
            title=title,
            client="Grand Hôtel Lumière",
            author="Åsa Øberg",
            accent_colour="#0b6e4f",
        )
    )
    add_diagram(doc, "service-blueprint", "Hotel stay")
    d = doc.diagrams()[0].id
    nodes, widths = _place(doc, d, HOTEL)
    stages = [
        Stage(new_id(), d, name, width=w, order=i)
        for i, (name, w) in enumerate(
            zip(("Arrive", "Stay", "Leave"), widths, strict=False)
        )
    ]
    doc.add([*stages, *(n for ns in nodes.values() for n in ns)])
    c, on, back, sup = (
        nodes[r] for r in ("customer", "onstage", "backstage", "support")
    )
    edges = [Edge(new_id(), d, a.id, b.id) for a, b in itertools.pairwise(c)]
    links = [
        (c[1], on[0]),
        (c[2], on[1]),
        (on[0], back[0]),
        (on[1], sup[0]),
        (back[0], on[2]),
        (on[2], c[4]),
        (c[6], back[1]),
        (back[1], sup[1]),
        (sup[1], on[3]),
        (on[3], c[7]),
        (c[9], on[4]),
        (on[4], sup[2]),
    ]
    edges += [Edge(new_id(), d, a.id, b.id) for a, b in links]
    edges.append(
        Edge(
            new_id(), d, on[4].id, c[9].id, kind="information", label="Bill and receipt"
        )
    )
    doc.add(edges)
    doc.update(on[1].id, fail_point=True, duration=4.0, wait_time=6.0)
    doc.update(c[2].id, moment_of_truth=True, wait_point=True, wait_time=8.0)
    doc.update(on[3].id, moment_of_truth=True, duration=25.0)
    doc.update(sup[1].id, fail_point=True, description="Kitchen reads order slips.")

    def note(target: str, body, kind: str = "node") -> Annotation:
        return Annotation(new_id(), d, kind, target, body)

    doc.add(
        [
            note(
                on[1].id,
                GapFinding(
                    3,
                    "Queue at check-in at 18:00",
                    "Poor teamwork at shift change",
                    4,
                    "Stagger shifts",
                    "Front office manager",
                ),
            ),
            note(
                sup[1].id,
                GapFinding(
                    3,
                    "Customisation notes printed too small",
                    "No packing checklist",
                    5,
                    "Print notes in bold; add checklist",
                    "Head chef",
                    "in_progress",
                ),
            ),
            note(
                c[0].id,
                GapFinding(
                    4,
                    "Website shows a pool under renovation",
                    "Propensity to over-promise",
                    3,
                    "Update photos",
                    "Marketing",
                ),
            ),
            note(
                d,
                GapFinding(
                    1, "No guest survey since 2019", "Too little customer research", 2
                ),
                "diagram",
            ),
            note(on[0].id, QualityRating("attitudes", 6, "Warm greeting")),
            note(on[1].id, QualityRating("accessibility", 3, "One desk open")),
            note(sup[1].id, QualityRating("reliability", 2, "Wrong orders")),
            note(on[3].id, QualityRating("recovery", 5, "Replaced at once")),
            note(d, QualityRating("reputation", 5, "Good reviews"), "diagram"),
            note(d, QualityRating("professionalism", 6), "diagram"),
            *(
                note(d, ServqualScore(dim, e, p, w), "diagram")
                for dim, e, p, w in (
                    ("tangibles", 5.5, 5.0, 15),
                    ("reliability", 6.5, 5.2, 30),
                    ("responsiveness", 6.0, 5.1, 20),
                    ("assurance", 6.1, 5.6, 20),
                    ("empathy", 5.8, 4.9, 15),
                )
            ),
            note(c[5].id, NoteText("Guests mention noise from the lift.")),
        ]
    )
    return doc


def scaled_project(nodes: int = 300, annotations: int = 500, seed: int = 7) -> Document:
    """One blueprint with many steps in a grid, flow between neighbours and
    annotations of every kind: the report's scale target."""
    rng = random.Random(seed)
    doc = Document(ProjectInfo(title="Scaled service", client="Benchmark"))
    add_diagram(doc, "service-blueprint", "Large blueprint")
    d = doc.diagrams()[0].id
    spans = lane_spans(doc, d)
    per_lane = -(-nodes // len(spans))
    made: list[Node] = []
    for i in range(nodes):
        lane, top, _ = spans[i % len(spans)]
        col = i // len(spans)
        made.append(
            Node(
                new_id(),
                d,
                lane.id,
                "action",
                f"Step {i} of the service",
                x=LANE_HEADER_WIDTH + 20 + col * 160.0,
                y=top + 30,
                width=130,
                height=56,
                fail_point=i % 17 == 0,
                moment_of_truth=i % 11 == 0,
            )
        )
    stages = [
        Stage(new_id(), d, f"Phase {s + 1}", width=per_lane * 160.0 / 6, order=s)
        for s in range(6)
    ]
    doc.add([*stages, *made])
    edges = [
        Edge(new_id(), d, a.id, b.id)
        for a, b in zip(made, made[len(spans) :], strict=False)
    ]
    edges += [
        Edge(new_id(), d, made[i].id, made[i + 1].id, kind="information")
        for i in range(0, nodes - 1, 3)
    ]
    doc.add(edges)
    bodies = []
    for i in range(annotations):
        k = i % 4
        if k == 0:
            body = GapFinding(
                1 + i % 5,
                f"Finding {i}: " + "words " * rng.randint(3, 40),
                "Cause " * 5,
                1 + i % 5,
                "Remedy text",
                "Owner",
            )
        elif k == 1:
            body = QualityRating(
                [
                    "professionalism",
                    "attitudes",
                    "accessibility",
                    "reliability",
                    "recovery",
                    "reputation",
                ][i % 6],
                1 + i % 7,
                "Evidence " * 6,
            )
        elif k == 2:
            body = ServqualScore(
                ["tangibles", "reliability", "responsiveness", "assurance", "empathy"][
                    i % 5
                ],
                5 + (i % 3) / 2,
                4 + (i % 5) / 2,
            )
        else:
            body = NoteText("Note " + "text " * rng.randint(5, 80))
        target = made[i % nodes]
        bodies.append(Annotation(new_id(), d, "node", target.id, body, order=i))
    doc.add(bodies)
    return doc


TEXTS = [
    "Réception : vérifier l'identité du client, remettre la clé et le plan — "
    "expliquer le petit-déjeuner.",
    "Η υποδοχή ελέγχει την κράτηση, ζητά ταυτότητα και δίνει το κλειδί του δωματίου.",
    "Администратор проверяет бронирование, просит паспорт и выдаёт ключ от номера.",
    "See https://example.com/a/very/long/address/without/any/spaces/in/it/at/all "
    "and Donaudampfschifffahrtsgesellschaftskapitänsmütze.",
    "First paragraph of the step.\n\nSecond paragraph, with a line\nbreak inside "
    "and a\u00a0no-break space.",
    "Wait\t10\u00a0min   then  call   the   porter; WWWWWWWWWW iiiiiiiiii mmmm.",
]


def texts_project(steps: int = 120) -> Document:
    """Steps and annotations whose texts are in several scripts, with long words,
    paragraphs and line breaks, over enough pages for rows to split."""
    doc = Document(ProjectInfo(title="Texts", client="Tests"))
    add_diagram(doc, "service-blueprint", "Texts")
    d = doc.diagrams()[0].id
    spans = lane_spans(doc, d)
    nodes = []
    for i in range(steps):
        lane, top, _ = spans[i % len(spans)]
        text = " ".join(TEXTS[(i + k) % len(TEXTS)] for k in range(1 + i % 4))
        nodes.append(
            Node(
                new_id(),
                d,
                lane.id,
                "action",
                f"{TEXTS[i % len(TEXTS)][:30]} {i}",
                description=text,
                x=LANE_HEADER_WIDTH + 20 + (i // len(spans)) * 160.0,
                y=top + 30,
                width=130,
                height=56,
            )
        )
    doc.add(nodes)
    notes = []
    for i, n in enumerate(nodes[:60]):
        text = TEXTS[i % len(TEXTS)] * (1 + i % 3)
        if i % 3 == 0:
            body = GapFinding(1 + i % 5, text, TEXTS[2], 1 + i % 5, TEXTS[1], "Ops")
        elif i % 3 == 1:
            body = QualityRating("reliability", 1 + i % 7, text)
        else:  # every tenth note is longer than a cell shows
            body = NoteText(text * (8 if i % 10 == 2 else 1))
        notes.append(Annotation(new_id(), d, "node", n.id, body, i))
    doc.add(notes)
    return doc
