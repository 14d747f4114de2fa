"""The benchmark's generated data: service blueprints at three tiers of size.

typical  300 nodes /   450 edges /   300 annotations: a real client blueprint
large  2,000 nodes / 3,000 edges / 2,000 annotations
stress 5,000 nodes / 8,000 edges / 5,000 annotations
The quick mode (the test run) uses smaller large and stress tiers, so its ceilings
are easy and its ratios are what it checks. Every tier is a blueprint shaped like
real ones (five lanes, dividing lines, flow along and across the lanes, every kind
of annotation): see bench_analysis.make_blueprint.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analysis import make_blueprint

from blueprint.model import Document


@dataclass(frozen=True)
class Tier:
    name: str
    nodes: int
    edges: int
    annotations: int

    @property
    def label(self) -> str:
        return f"{self.name} {self.nodes:,}n/{self.edges:,}e/{self.annotations:,}a"


FULL = {
    "typical": Tier("typical", 300, 450, 300),
    "large": Tier("large", 2000, 3000, 2000),
    "stress": Tier("stress", 5000, 8000, 5000),
    "small": Tier("small", 500, 750, 500),  # the other end of the scaling check
}
QUICK = {
    "typical": Tier("typical", 300, 450, 300),
    "large": Tier("large", 600, 900, 600),
    "stress": Tier("stress", 1500, 2400, 1500),
    "small": Tier("small", 150, 225, 150),
}


def tiers(quick: bool) -> dict[str, Tier]:
    return QUICK if quick else FULL


@cache
def blueprint(tier: Tier) -> tuple[Document, str]:
    """The tier's project (made once per process; treat it as read-only)."""
    return make_blueprint(tier.nodes, tier.edges, tier.annotations)


def fresh(tier: Tier) -> tuple[Document, str]:
    """A new copy of the tier's project, for workloads that change it."""
    return make_blueprint(tier.nodes, tier.edges, tier.annotations)
