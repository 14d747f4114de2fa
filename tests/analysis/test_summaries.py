"""Gap, quality and SERVQUAL summaries: worked examples and property tests."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.analysis import analyse_project
from blueprint.model import (
    CRITERIA,
    SERVQUAL_DIMENSIONS,
    Annotation,
    GapFinding,
    NoteText,
    QualityRating,
    ServqualScore,
)
from blueprint.model.factory import diagram_entities

from .sketch import Sketch

DIMENSIONS = list(SERVQUAL_DIMENSIONS)  # tangibles, reliability, ... empathy
WORKED = [-0.65, -1.10, -0.83, -0.70, -1.01]  # domain.md, section 6


def servqual(scores, weights=(20, 20, 20, 20, 20)):
    s = Sketch()
    s.node("a", "customer", 0)
    for dim, score, weight in zip(DIMENSIONS, scores, weights, strict=True):
        if score is not None:
            s.annotate("diagram", ServqualScore(dim, 5.0, 5.0 + score, weight))
    return s.analyse().servqual_summary


def test_worked_example_gives_the_unweighted_score():
    summary = servqual(WORKED)
    assert round(summary.unweighted, 2) == -0.86
    assert [round(d.score, 2) for d in summary.dimensions] == WORKED
    assert summary.count == 5
    # equal points (20 each, summing to 100): weighted equals unweighted
    assert summary.weighted == pytest.approx(summary.unweighted)
    assert not summary.weights_rescaled


def test_weighted_score_uses_points_over_one_hundred():
    summary = servqual(WORKED, weights=(20, 30, 15, 15, 20))
    expected = 0.20 * -0.65 + 0.30 * -1.10 + 0.15 * -0.83 + 0.15 * -0.70 + 0.20 * -1.01
    assert summary.weighted == pytest.approx(expected)
    assert [d.weight for d in summary.dimensions] == pytest.approx(
        [0.2, 0.3, 0.15, 0.15, 0.2]
    )
    assert not summary.weights_rescaled


def test_weights_not_summing_to_one_hundred_are_rescaled():
    summary = servqual(WORKED, weights=(10, 10, 10, 10, 10))
    assert summary.weights_rescaled
    assert [d.weight for d in summary.dimensions] == pytest.approx([0.2] * 5)
    assert summary.weighted == pytest.approx(sum(WORKED) / 5)


def test_unmeasured_dimensions_are_left_out():
    summary = servqual([-1.0, None, -2.0, None, None], weights=(20, 0, 40, 0, 0))
    assert summary.unweighted == pytest.approx(-1.5)
    assert summary.weights_rescaled  # 20 + 40 points: rescaled to 1/3 and 2/3
    assert summary.weighted == pytest.approx(-1.0 / 3 + 2 * -2.0 / 3)
    reliability = summary.dimensions[1]
    assert reliability.count == 0 and reliability.score is None


def test_measured_points_summing_to_one_hundred_are_used_as_given():
    summary = servqual([-1.0, None, -2.0, None, None], weights=(25, 0, 75, 0, 0))
    assert not summary.weights_rescaled
    assert summary.weighted == pytest.approx(0.25 * -1.0 + 0.75 * -2.0)


def test_zero_points_leave_no_weighted_score():
    summary = servqual(WORKED, weights=(0, 0, 0, 0, 0))
    assert summary.unweighted is not None and summary.weighted is None


def test_dimension_score_is_the_mean_item_gap():
    s = Sketch()
    s.node("a", "customer", 0)
    s.annotate("a", ServqualScore("empathy", 6, 4))  # -2
    s.annotate("a", ServqualScore("empathy", 5, 6))  # +1
    s.annotate("diagram", ServqualScore("empathy", 7, 7))  # 0
    empathy = s.analyse().servqual_summary.dimensions[-1]
    assert empathy.dimension == "empathy" and empathy.count == 3
    assert empathy.score == pytest.approx(-1 / 3)
    assert empathy.expectation == pytest.approx(6.0)
    assert empathy.perception == pytest.approx(17 / 3)


def test_gaps_by_number_severity_and_status():
    s = Sketch()
    s.node("pack", "backstage", 0, fail_point=True)
    s.edge(s.node("promise", "onstage", 1), "pack", "communication", id="claim")
    s.annotate("pack", GapFinding(3, severity=4, status="open", owner="Kitchen"))
    s.annotate("pack", GapFinding(3, severity=2, status="closed"))
    s.annotate("claim", GapFinding(4, severity=5, status="in_progress"))
    s.annotate("diagram", GapFinding(1, severity=1))
    s.annotate("pack", NoteText("no checklist"))
    result = s.analyse()
    gaps = result.gap_summary
    assert (gaps.total, gaps.open, gaps.in_progress, gaps.closed) == (4, 2, 1, 1)
    assert gaps.by_severity == (1, 1, 0, 1, 1)
    assert [g.gap for g in gaps.by_gap] == [1, 2, 3, 4, 5]
    gap3 = gaps.by_gap[2]
    assert (gap3.total, gap3.open, gap3.closed, gap3.max_severity) == (2, 1, 1, 4)
    assert gap3.by_severity == (0, 1, 0, 1, 0)
    assert gaps.by_gap[1].total == 0 and gaps.by_gap[1].max_severity is None
    assert gap3.name == "Performance gap"
    counts = result.counts
    assert (counts.gap_annotations, counts.note_annotations, counts.annotations) == (
        4,
        1,
        5,
    )


def test_quality_scorecard_has_all_six_criteria():
    s = Sketch()
    s.node("a", "customer", 0)
    s.annotate("a", QualityRating("recovery", 2))
    s.annotate("a", QualityRating("recovery", 5))
    s.annotate("diagram", QualityRating("reputation", 7))
    quality = s.analyse().quality_summary
    assert [c.criterion for c in quality.criteria] == list(CRITERIA)
    recovery = next(c for c in quality.criteria if c.criterion == "recovery")
    assert (recovery.count, recovery.mean, recovery.min, recovery.max) == (2, 3.5, 2, 5)
    assert quality.criteria[0].mean is None and quality.criteria[0].count == 0
    assert (quality.count, quality.mean) == (3, pytest.approx(14 / 3))


def test_project_summaries_pool_the_annotations_of_every_diagram():
    s = Sketch()
    s.node("a", "customer", 0)
    s.annotate("a", QualityRating("attitudes", 7))
    s.annotate("a", GapFinding(2))
    other = diagram_entities("service-blueprint", "Second", order=1)
    s.doc.add(other)
    second = other[0].id
    for i, rating in enumerate((1, 1, 1)):
        s.doc.add(
            [
                Annotation(
                    f"q{i}",
                    second,
                    "diagram",
                    second,
                    QualityRating("attitudes", rating),
                )
            ]
        )
    project = analyse_project(s.doc)
    assert [d.diagram_id for d in project.diagrams] == [s.diagram_id, second]
    attitudes = project.quality_summary.criteria[1]
    # pooled: (7 + 1 + 1 + 1) / 4, not the mean of the diagrams' means (7 + 1) / 2
    assert attitudes.mean == pytest.approx(2.5) and attitudes.count == 4
    assert project.gap_summary.total == 1
    assert project.counts.quality_annotations == 4
    assert project.counts.nodes == 1


# -- properties: summaries agree with a direct count ----------------------------------

gap_bodies = st.builds(
    GapFinding,
    gap=st.integers(1, 5),
    severity=st.integers(1, 5),
    status=st.sampled_from(["open", "in_progress", "closed"]),
)
quality_bodies = st.builds(
    QualityRating, criterion=st.sampled_from(list(CRITERIA)), rating=st.integers(1, 7)
)
servqual_bodies = st.builds(
    ServqualScore,
    dimension=st.sampled_from(DIMENSIONS),
    expectation=st.integers(1, 7),
    perception=st.integers(1, 7),
    weight=st.integers(0, 100),
)
bodies = st.lists(
    st.one_of(gap_bodies, quality_bodies, servqual_bodies, st.builds(NoteText)),
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies, st.lists(st.booleans(), min_size=3, max_size=3))
def test_summaries_match_a_direct_count(items, flags):
    s = Sketch()
    s.node("a", "customer", 0, fail_point=flags[0], wait_point=flags[1])
    s.node("b", "onstage", 0, moment_of_truth=flags[2], fail_point=True)
    for i, body in enumerate(items):
        s.annotate(("a", "b", "diagram")[i % 3], body)
    result = s.analyse()

    gaps = [b for b in items if isinstance(b, GapFinding)]
    summary = result.gap_summary
    assert summary.total == len(gaps)
    for status in ("open", "in_progress", "closed"):
        assert getattr(summary, status) == sum(b.status == status for b in gaps)
    for g in summary.by_gap:
        mine = [b for b in gaps if b.gap == g.gap]
        assert g.total == len(mine)
        assert g.by_severity == tuple(
            sum(b.severity == level for b in mine) for level in range(1, 6)
        )
        assert g.max_severity == max((b.severity for b in mine), default=None)

    ratings = [b for b in items if isinstance(b, QualityRating)]
    for c in result.quality_summary.criteria:
        mine = [b.rating for b in ratings if b.criterion == c.criterion]
        assert c.count == len(mine)
        assert c.min == min(mine, default=None)
        assert c.mean == (pytest.approx(sum(mine) / len(mine)) if mine else None)

    scores = [b for b in items if isinstance(b, ServqualScore)]
    sq = result.servqual_summary
    means = {}
    for d in sq.dimensions:
        mine = [b for b in scores if b.dimension == d.dimension]
        assert d.count == len(mine)
        if mine:
            means[d.dimension] = sum(b.perception - b.expectation for b in mine) / len(
                mine
            )
            assert d.score == pytest.approx(means[d.dimension])
    if means:
        assert sq.unweighted == pytest.approx(sum(means.values()) / len(means))
        points = {
            d.dimension: d.mean_weight for d in sq.dimensions if d.dimension in means
        }
        total = sum(points.values())
        if total:
            assert sq.weighted == pytest.approx(
                sum(points[k] / total * means[k] for k in means)
            )
    else:
        assert sq.unweighted is None and sq.weighted is None

    counts = result.counts
    assert counts.fail_points == flags[0] + 1
    assert counts.wait_points == flags[1]
    assert counts.moments_of_truth == flags[2]
    assert counts.annotations == len(items)
    assert counts.gap_annotations == len(gaps)
    assert counts.servqual_annotations == len(scores)
