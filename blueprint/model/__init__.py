"""The domain model of a Blueprint project: pure Python, the single source of truth."""

from .catalogue import CRITERIA, GAPS, LANE_ROLES, LINE_KINDS, SERVQUAL_DIMENSIONS
from .changes import Change, EntitiesChanged
from .document import Document
from .entities import (
    PROJECT_ID,
    Annotation,
    Diagram,
    DividingLine,
    Edge,
    Entity,
    GapFinding,
    Lane,
    Node,
    NoteText,
    ProjectInfo,
    QualityRating,
    ServqualScore,
    Stage,
    Style,
    new_id,
)
from .errors import DomainError
from .notations import NODE_KINDS, NOTATIONS

__all__ = [
    "CRITERIA",
    "GAPS",
    "LANE_ROLES",
    "LINE_KINDS",
    "NODE_KINDS",
    "NOTATIONS",
    "PROJECT_ID",
    "SERVQUAL_DIMENSIONS",
    "Annotation",
    "Change",
    "Diagram",
    "DividingLine",
    "Document",
    "DomainError",
    "Edge",
    "EntitiesChanged",
    "Entity",
    "GapFinding",
    "Lane",
    "Node",
    "NoteText",
    "ProjectInfo",
    "QualityRating",
    "ServqualScore",
    "Stage",
    "Style",
    "new_id",
]
