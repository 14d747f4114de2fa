"""Worked example: a restaurant dinner, with the optional management lane."""

from __future__ import annotations

from typing import Any

from ..builder import Draft, named_ids
from ..document import Document
from ..entities import NoteText
from ..notations import NOTATIONS
from .base import Example, finding, project, rating, servqual

ID = "restaurant-dinner"

# key, column, evidence, customer step, duration, wait (minutes)
CUSTOMER_STEPS = (
    ("arrive", 0, "Entrance, sign, host stand", "Arrive and give name", 2, 5),
    ("sit", 1, "Table, place setting", "Be seated", 2, None),
    ("order", 2, "Menu, specials board", "Choose and order", 10, None),
    ("wait", 3, "Bread, drinks, candles", "Wait for food", None, 20),
    ("served", 4, "Plates, cutlery, food", "Receive food", 2, None),
    ("eat", 5, "Food, music, lighting", "Eat", 45, None),
    ("ask_bill", 6, "Bill folder", "Ask for the bill", 1, 6),
    ("pay", 7, "Card terminal, receipt", "Pay and leave", 3, None),
)


def _blueprint() -> Draft:
    notation = NOTATIONS["service-blueprint"]
    d = Draft(
        "service-blueprint",
        "Dinner at the restaurant",
        ids=named_ids(f"{ID}/blueprint"),
        lanes=notation.all_lanes(),
        lines=notation.lines + notation.optional_lines,
        stages=(("Arrive", 2), ("Order", 2), ("Dine", 2), ("Pay", 2)),
    )
    d.customer_steps(CUSTOMER_STEPS)

    truth: dict[str, Any] = {"moment_of_truth": True}
    d.node("greet", "onstage", 0, "Greet guests", duration=1.0, **truth)
    d.node("seat", "onstage", 1, "Seat guests, hand menus", duration=2.0, **truth)
    d.node(
        "take_order",
        "onstage",
        2,
        "Take the order",
        duration=4.0,
        description="Including allergies and special requests.",
        **truth,
    )
    d.node("serve", "onstage", 4, "Serve food", duration=3.0, **truth)
    d.node("check_back", "onstage", 5, "Check back at the table", duration=1.0, **truth)
    d.node("present", "onstage", 6, "Present the bill", duration=2.0, **truth)
    d.node("take_pay", "onstage", 7, "Take payment", duration=2.0, **truth)

    d.node("assign", "backstage", 0, "Check booking, assign table", duration=2.0)
    d.node("queue", "backstage", 2, "Enter order in the queue", duration=2.0)
    d.node(
        "cook",
        "backstage",
        3,
        "Cook dishes",
        duration=18.0,
        fail_point=True,
        description="Dishes for one table must be ready together.",
    )
    d.node("pass", "backstage", 4, "Plate and pass dishes", duration=2.0)
    d.node("process_pay", "backstage", 7, "Process payment", duration=1.0)

    d.node("bookings", "support", 0, "Reservation system", "system")
    d.node("pos_queue", "support", 2, "POS order queue", "system")
    d.node("kitchen", "support", 3, "Kitchen prep and stock", duration=120.0)
    d.node("pos_pay", "support", 7, "POS and card terminal", "system")

    d.node("rota", "management", 0, "Staff rota and table plan")
    d.node("menu", "management", 3, "Menu planning and purchasing")

    d.edge("arrive", "greet")
    d.edge("greet", "assign")
    d.edge("assign", "bookings", "information")
    d.edge("assign", "seat")
    d.edge("seat", "sit")
    d.edge("order", "take_order")
    d.edge("take_order", "queue", key="order_in")
    d.edge("queue", "pos_queue", "information")
    d.edge("queue", "cook")
    d.edge("kitchen", "cook")
    d.edge("menu", "kitchen")
    d.edge("rota", "bookings", "information")
    d.edge("cook", "pass")
    d.edge("pass", "serve")
    d.edge("serve", "served")
    d.edge("serve", "check_back")
    d.edge("check_back", "eat")
    d.edge("ask_bill", "present")
    d.edge("pay", "take_pay")
    d.edge("take_pay", "process_pay")
    d.edge("process_pay", "pos_pay", "information")

    d.annotate(
        "order_in",
        finding(
            3,
            "Allergies written on the waiter's pad are not always keyed into the POS "
            "order, so the kitchen does not see them.",
            "Weak supervisory control systems",
            5,
            "Make the allergy field mandatory in the POS and confirm allergies at "
            "the pass.",
            "Head waiter",
            "in_progress",
        ),
    )
    d.annotate(
        "cook",
        finding(
            3,
            "On busy nights the mains for one table come out up to eight minutes "
            "apart.",
            "Poor teamwork",
            3,
            "Fire courses by table from the pass; a five-minute briefing of kitchen "
            "and floor before service.",
            "Head chef",
        ),
    )
    d.annotate(
        "wait",
        finding(
            4,
            "The website promises 'a relaxed dinner in 90 minutes'; Friday dinners "
            "take 120.",
            "Poor horizontal communication between operations and marketing",
            2,
            "Marketing checks service times with the floor manager each season.",
            "Marketing lead",
        ),
    )
    d.annotate(
        "diagram",
        finding(
            2,
            "No standard says how soon a seated table is greeted or served drinks.",
            "No customer-driven standards",
            3,
            "Standards from guest feedback: greeted within 2 minutes, drinks within 5.",
            "Restaurant manager",
            "closed",
        ),
    )
    d.annotate(
        "diagram",
        finding(
            1,
            "Floor staff hear guests' complaints about slow Fridays, but the owner "
            "does not.",
            "Poor upward communication from contact staff",
            2,
            "A weekly ten-minute debrief with the floor staff.",
            "Owner",
            "in_progress",
        ),
    )
    d.annotate(
        "greet",
        rating("attitudes", 6, "Guests are welcomed warmly and by name if booked."),
    )
    d.annotate(
        "cook", rating("professionalism", 6, "Dishes are consistently well cooked.")
    )
    d.annotate(
        "arrive",
        rating(
            "accessibility",
            4,
            "Online booking closes at 18:00; walk-ins wait at the bar.",
        ),
    )
    d.annotate(
        "wait", rating("reliability", 4, "Food takes longer than promised on Fridays.")
    )
    d.annotate(
        "diagram",
        rating("recovery", 5, "Staff offer a free dessert when a course is late."),
    )
    d.annotate(
        "diagram", rating("reputation", 6, "A local favourite with strong reviews.")
    )
    servqual(
        d,
        {
            "tangibles": (5.8, 6.1, 10),
            "reliability": (6.5, 5.7, 30),
            "responsiveness": (6.2, 5.1, 30),
            "assurance": (6.0, 5.9, 15),
            "empathy": (5.6, 5.9, 15),
        },
    )
    d.annotate(
        "check_back",
        NoteText("A second moment of truth: the chance to recover a late course."),
    )
    d.annotate(
        "diagram",
        NoteText(
            "A 60-cover neighbourhood restaurant on a Friday evening (illustrative). "
            "The management lane below the line of implementation holds the "
            "planning that sets up each service."
        ),
    )
    return d


def build() -> Document:
    return project(
        "Restaurant dinner", "Neighbourhood restaurant (illustrative)", "#9a3412",
        (_blueprint(),),
    )  # fmt: skip


EXAMPLE = Example(
    ID,
    "Restaurant dinner",
    "A Friday dinner from arrival to payment, from the table down to the kitchen, "
    "the tills and the management planning behind them, with gaps on the order "
    "hand-off, quality ratings and SERVQUAL scores.",
    build,
)
