"""Worked example: an overnight hotel stay, after Bitner, Ostrom & Morgan (2008)."""

from __future__ import annotations

from typing import Any

from ..builder import Draft, named_ids
from ..document import Document
from ..entities import NoteText
from ..templates import draft
from .base import Example, finding, project, rating, servqual

ID = "hotel-stay"

# key, column, evidence, customer step, duration and wait (minutes)
CUSTOMER_STEPS = (
    ("arrive", 0, "Hotel exterior, parking", "Arrive at hotel", 5, None),
    ("bags", 1, "Cart for bags", "Give bags to bellperson", 2, None),
    ("check_in", 2, "Desk, registration papers, lobby, key", "Check in", 5, 8),
    ("to_room", 3, "Elevators, hallways, room", "Go to room", 4, None),
    ("get_bags", 4, "Cart for bags", "Receive bags", 2, 10),
    ("sleep", 5, "Room amenities, bath", "Sleep, shower", 480, None),
    ("call", 6, "Room-service menu", "Call room service", 3, None),
    ("get_food", 7, "Delivery tray, food", "Receive food", 2, 25),
    ("eat", 8, "Food", "Eat", 30, None),
    ("check_out", 9, "Bill, desk, lobby, exterior", "Check out and leave", 5, 4),
)


def _blueprint() -> Draft:
    d = Draft(
        "service-blueprint",
        "Overnight hotel stay",
        ids=named_ids(f"{ID}/blueprint"),
        stages=(("Arrival", 3), ("Stay", 3), ("Room service", 3), ("Departure", 1)),
    )
    d.customer_steps(CUSTOMER_STEPS)

    truth: dict[str, Any] = {"moment_of_truth": True}
    d.node("greet", "onstage", 1, "Greet and take bags", duration=2.0, **truth)
    d.node(
        "register",
        "onstage",
        2,
        "Process registration",
        duration=5.0,
        fail_point=True,
        description="The guest's booking may be missing or the room not ready.",
        **truth,
    )
    d.node("deliver_bags", "onstage", 4, "Deliver bags", duration=3.0, **truth)
    d.node("deliver_food", "onstage", 7, "Deliver food", duration=3.0, **truth)
    d.node("process_out", "onstage", 9, "Process check-out", duration=4.0, **truth)
    d.node("take_bags", "backstage", 3, "Take bags to room", duration=10.0)
    d.node(
        "take_order",
        "backstage",
        6,
        "Take food order",
        duration=3.0,
        fail_point=True,
        description="Taken by phone: the guest speaks to somebody unseen.",
        **truth,
    )
    d.node("reg_in", "support", 2, "Registration system", "system", duration=1.0)
    d.node("cook", "support", 7, "Prepare food", duration=20.0)
    d.node("reg_out", "support", 9, "Registration system", "system", duration=1.0)

    d.edge("bags", "greet")
    # the bags go down to the backstage step and up again, in and out of its sides
    level = d.nodes["take_bags"].centre[1]
    d.edge("greet", "take_bags", waypoints=((d.nodes["greet"].centre[0], level),))
    d.edge(
        "take_bags",
        "deliver_bags",
        waypoints=((d.nodes["deliver_bags"].centre[0], level),),
    )
    d.edge("deliver_bags", "get_bags")
    d.edge("check_in", "register")
    d.edge("register", "reg_in", "information", label="booking")
    d.edge("call", "take_order", label="phone")
    d.edge("take_order", "cook")
    d.edge("cook", "deliver_food")
    d.edge("deliver_food", "get_food")
    d.edge("check_out", "process_out")
    d.edge("process_out", "reg_out", "information", label="bill")

    d.annotate(
        "register",
        finding(
            3,
            "Bookings from partner websites reach the desk without the guest's room "
            "preferences, so the clerk re-keys them while the guest waits.",
            "Poor technology-job fit",
            4,
            "Import partner bookings into the registration system every five "
            "minutes, preferences included.",
            "Front office manager",
            "in_progress",
        ),
    )
    d.annotate(
        "take_order",
        finding(
            2,
            "There is no standard for taking phone orders; orders are misheard at "
            "busy times and nobody reads them back.",
            "Tasks not standardised",
            3,
            "A read-back standard and a written order slip for every phone order.",
            "Room service supervisor",
        ),
    )
    d.annotate(
        "get_food",
        finding(
            4,
            "The menu promises food within 20 minutes; between 19:00 and 21:00 it "
            "takes 35 to 45.",
            "Propensity to over-promise",
            4,
            "Print realistic peak-time delivery times on the menu and call the guest "
            "when an order runs late.",
            "Food and beverage manager",
        ),
    )
    d.annotate(
        "diagram",
        finding(
            1,
            "Nobody has asked business guests what they expect of room service since "
            "the menu was redesigned.",
            "Too little customer research",
            3,
            "Add two room-service questions to the post-stay survey and review the "
            "answers monthly.",
            "General manager",
        ),
    )
    d.annotate(
        "diagram",
        finding(
            5,
            "Guests perceive less than they expect, most of all on responsiveness "
            "(see the SERVQUAL scores).",
            "The result of gaps 1-4; measured with SERVQUAL",
            3,
            "Close gaps 2-4 on room service first, then measure again after three "
            "months.",
            "General manager",
        ),
    )
    d.annotate(
        "greet",
        rating(
            "attitudes", 6, "Bell staff greet guests by name in most observed arrivals."
        ),
    )
    d.annotate(
        "register",
        rating(
            "professionalism",
            5,
            "Clerks know the system well but must re-key partner bookings.",
        ),
    )
    d.annotate(
        "call",
        rating(
            "accessibility",
            5,
            "Room service answers around the clock; the line is busy at 19:00-20:30.",
        ),
    )
    d.annotate(
        "get_food",
        rating("reliability", 3, "The promised delivery time is missed at peak times."),
    )
    d.annotate(
        "diagram",
        rating("recovery", 4, "Late food comes off the bill only if guests complain."),
    )
    d.annotate(
        "diagram",
        rating("reputation", 6, "Review sites rate the location and rooms highly."),
    )
    servqual(
        d,
        {
            "tangibles": (6.2, 6.0, 15),
            "reliability": (6.6, 5.6, 30),
            "responsiveness": (6.3, 5.0, 25),
            "assurance": (6.1, 5.8, 15),
            "empathy": (5.8, 5.5, 15),
        },
    )
    d.annotate(
        "sleep",
        NoteText("No contact with staff here: the room itself is the service."),
    )
    d.annotate(
        "diagram",
        NoteText(
            "Steps after Bitner, Ostrom & Morgan (2008), California Management "
            "Review 50(3), the overnight hotel stay blueprint. Times are from one "
            "week of observation at a 120-room city hotel (illustrative)."
        ),
    )
    return d


def _gaps() -> Draft:
    """The Gaps model template, annotated with where the hotel's gaps lie."""
    d = draft("gaps-model", "Gaps in room service", 1, ids=named_ids(f"{ID}/gaps"))
    d.annotate(
        "gap4",
        finding(
            4,
            "Room-service delivery times on the menu are written by marketing "
            "without asking the kitchen.",
            "Poor horizontal communication between operations and marketing",
            3,
            "Menu texts are signed off by the head chef before printing.",
            "Marketing manager",
        ),
    )
    d.annotate(
        "gap1",
        finding(
            1,
            "Complaints made to night staff are not passed on to managers.",
            "Poor upward communication from contact staff",
            2,
            "A shift log that managers read every morning.",
            "Night manager",
            "closed",
        ),
    )
    return d


def build() -> Document:
    return project(
        "Overnight hotel stay",
        "City hotel (illustrative)",
        "#0b6e4f",
        (_blueprint(), _gaps()),
    )


EXAMPLE = Example(
    ID,
    "Overnight hotel stay",
    "Bitner et al.'s hotel blueprint from arrival to check-out, with fail and wait "
    "points, room-service gaps, quality ratings and SERVQUAL scores, and the Gaps "
    "model annotated for the same hotel.",
    build,
)
