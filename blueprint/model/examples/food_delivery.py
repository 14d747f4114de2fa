"""Worked example: a food delivery order whose packing step is a fail point."""

from __future__ import annotations

from typing import Any

from ..builder import Draft, named_ids
from ..document import Document
from ..entities import NoteText
from .base import Example, finding, project, rating, servqual

ID = "food-delivery"

# key, column, evidence, customer step, duration, wait (minutes)
CUSTOMER_STEPS = (
    ("browse", 0, "App home screen, reviews", "Browse restaurants", 5, None),
    ("place", 1, "Menu page, notes field", "Customise and place the order", 3, None),
    ("pay", 2, "Payment screen, receipt e-mail", "Pay in the app", 1, None),
    ("track", 3, "Tracking map, ETA", "Track the order", None, 35),
    ("receive", 6, "Courier, bag, sealed order", "Receive order at the door", 1, 2),
    ("eat", 7, "Packaging, food", "Unpack and eat", 20, None),
    ("rate", 8, "Rating screen, refund e-mail", "Rate or complain", 2, 15),
)


def _blueprint() -> Draft:
    d = Draft(
        "service-blueprint",
        "Food delivery order",
        ids=named_ids(f"{ID}/blueprint"),
        stages=(("Order", 3), ("Prepare", 3), ("Deliver", 2), ("After", 1)),
    )
    d.customer_steps(CUSTOMER_STEPS)

    truth: dict[str, Any] = {"moment_of_truth": True}
    d.node("menus", "onstage", 0, "App shows menus and times", "system", **truth)
    d.node("confirm", "onstage", 1, "App confirms order and ETA", "system", **truth)
    d.node("charge", "onstage", 2, "App takes payment", "system", **truth)
    d.node("progress", "onstage", 3, "App shows order progress", "system", **truth)
    d.node("hand_over", "onstage", 6, "Courier hands over the order", **truth)
    d.node("chat", "onstage", 8, "Support chat answers", duration=5.0, **truth)

    d.node("accept", "backstage", 3, "Kitchen accepts the order", duration=1.0)
    d.node("cook", "backstage", 4, "Cook with the customisations", duration=15.0)
    d.node(
        "pack",
        "backstage",
        5,
        "Pack order",
        duration=3.0,
        fail_point=True,
        description="Items and customisations are checked from memory: no "
        "packing checklist.",
    )
    d.node("ride", "backstage", 6, "Courier collects and rides", duration=12.0)
    d.node("refund", "backstage", 8, "Agent checks photo, refunds", duration=10.0)

    d.node("platform", "support", 0, "Ordering platform", "system")
    d.node("payments", "support", 2, "Payment provider", "system")
    d.node(
        "ticket",
        "support",
        3,
        "Print kitchen ticket",
        "system",
        description="Customisation notes print in 7-point type at the foot of the "
        "ticket.",
    )
    d.node("bench", "support", 5, "Packing bench: bags, seals")
    d.node("dispatch", "support", 6, "Courier dispatch", "system")
    d.node("desk", "support", 8, "Customer support desk")

    d.edge("browse", "menus")
    d.edge("menus", "platform", "information")
    d.edge("place", "confirm")
    d.edge("confirm", "accept")
    d.edge("pay", "charge")
    d.edge("charge", "payments", "information")
    d.edge("accept", "ticket")
    d.edge("ticket", "cook", key="ticket_to_cook", label="notes")
    d.edge("track", "progress")
    d.edge("cook", "pack")
    d.edge("bench", "pack")
    d.edge("pack", "ride")
    d.edge("dispatch", "ride", "information", label="job")
    d.edge("ride", "hand_over")
    d.edge("hand_over", "receive")
    d.edge("rate", "chat")
    d.edge("chat", "refund")
    d.edge("refund", "desk", "information")

    d.annotate(
        "pack",
        finding(
            3,
            "The kitchen misreads customisation notes printed too small on the "
            "ticket; about one order in 25 arrives with a wrong or missing item.",
            "Poor technology-job fit",
            4,
            "Print the notes in large bold type at the top of the ticket and check "
            "each bag against it before sealing.",
            "Kitchen manager",
            "in_progress",
        ),
    )
    d.annotate(
        "pack",
        finding(
            2,
            "There is no packing checklist: what goes into the bag is left to the "
            "packer's memory.",
            "Tasks not standardised",
            4,
            "A packing checklist printed with every ticket, ticked and sealed in.",
            "Operations manager",
        ),
    )
    d.annotate(
        "ticket_to_cook",
        finding(
            3,
            "Notes reach the cook as a footnote; at rush hour they are overlooked.",
            "Poor technology-job fit",
            3,
            "Show customised lines in bold on the kitchen display as well.",
            "Kitchen manager",
        ),
    )
    d.annotate(
        "confirm",
        finding(
            4,
            "The app promises 30 minutes on rainy Friday evenings when couriers "
            "average 45.",
            "Propensity to over-promise",
            3,
            "Feed live courier times into the ETA the app shows.",
            "Product manager",
        ),
    )
    d.annotate(
        "diagram",
        finding(
            1,
            "Complaints reach the platform's support desk but not the restaurant's "
            "managers.",
            "Poor upward communication from contact staff",
            3,
            "A weekly complaint digest from the platform to the restaurant.",
            "Restaurant owner",
        ),
    )
    d.annotate(
        "pack",
        rating("reliability", 2, "One order in 25 has a wrong or missing item."),
    )
    d.annotate(
        "browse",
        rating("accessibility", 6, "Orders from 11:00 to 23:00 in three taps."),
    )
    d.annotate(
        "cook", rating("professionalism", 5, "Food is good when the order is right.")
    )
    d.annotate(
        "hand_over", rating("attitudes", 5, "Couriers are polite but always rushed.")
    )
    d.annotate(
        "chat",
        rating("recovery", 6, "Refunds are made within 15 minutes of a photo."),
    )
    d.annotate(
        "diagram", rating("reputation", 4, "Reviews mention wrong orders often.")
    )
    servqual(
        d,
        {
            "tangibles": (5.5, 5.6, 10),
            "reliability": (6.7, 5.3, 35),
            "responsiveness": (6.4, 5.4, 25),
            "assurance": (5.9, 5.5, 15),
            "empathy": (5.2, 4.9, 15),
        },
    )
    d.annotate(
        "pack",
        NoteText(
            "Shostack's circled F: the step most likely to fail. Owner: the "
            "kitchen manager; recovery: the support chat's refund."
        ),
    )
    d.annotate(
        "diagram",
        NoteText(
            "A burger restaurant selling through a delivery platform (illustrative). "
            "The fail point is from the seed case: notes printed too small, no "
            "packing checklist."
        ),
    )
    return d


def build() -> Document:
    return project(
        "Food delivery with a fail point",
        "Burger restaurant on a delivery platform (illustrative)",
        "#b45309",
        (_blueprint(),),
    )


EXAMPLE = Example(
    ID,
    "Food delivery with a fail point",
    "An app order from browsing to the complaint chat; the packing step fails "
    "because customisation notes print too small and there is no packing "
    "checklist.",
    build,
)
