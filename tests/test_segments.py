"""The pure core: segmentation, role ranges, pull-quote detection."""

from __future__ import annotations

import pytest
from critical_edition.pullquotes import find_repeated
from critical_edition.roles import assign_roles
from critical_edition.segments import parse_ranges, split_segments

TEXT = "Title\n\nBody one. Repeated sentence here.\n  indented\n\nRepeated sentence here."


def test_segments_skip_blank_lines_and_keep_offsets():
    segs = split_segments(TEXT)
    assert [s.number for s in segs] == [1, 2, 3, 4]
    assert [s.line for s in segs] == [1, 3, 4, 6]
    for seg in segs:
        assert TEXT[seg.start : seg.end] == seg.text
    assert segs[2].indent == 2


def test_whitespace_only_lines_are_blank():
    assert [s.text for s in split_segments("a\n   \nb")] == ["a", "b"]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("1", [1]), ("1, 3-5", [1, 3, 4, 5]), (" 2 - 3 ,7", [2, 3, 7])],
)
def test_parse_ranges(spec, expected):
    assert parse_ranges(spec) == expected


@pytest.mark.parametrize("spec", ["", "a", "3-1", "1,,2", "1-2-3"])
def test_parse_ranges_rejects_malformed(spec):
    with pytest.raises(ValueError):
        parse_ranges(spec)


def test_assign_roles_default_and_errors():
    assert assign_roles(3, {"heading": "1"}) == ["heading", "body", "body"]
    with pytest.raises(ValueError, match="unknown role 'title'"):
        assign_roles(3, {"title": "1"})
    with pytest.raises(ValueError, match="out of range"):
        assign_roles(3, {"heading": "4"})
    with pytest.raises(ValueError, match="two roles"):
        assign_roles(3, {"heading": "1", "byline": "1-2"})


def test_pull_quote_maps_to_nearest_body_segment():
    segs = split_segments(TEXT)
    roles = ["heading", "body", "comment", "pull-quote"]
    assert find_repeated(segs, roles) == {4: 2}
    assert find_repeated(segs, ["heading", "caption", "comment", "pull-quote"]) == {4: None}
