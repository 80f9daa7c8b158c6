"""Anchoring of TextQuoteSelectors (pure module, no Sphinx)."""

from __future__ import annotations

import pytest
from critical_edition.anchoring import Anchor, AnchorError, Selector, closest, resolve
from critical_edition.segments import split_segments

TEXT = (
    "The Treaty of Nerchinsk was signed in 1689.\n"
    "Mao met Stalin in December 1949. Mao met Stalin again.\n"
    "The China\u2019s border ran along the\u00a0Amur.\n"
    "It ended here\n"
    "and went on there."
)
SEGS = split_segments(TEXT)


def test_found():
    assert resolve(Selector("signed in 1689"), SEGS) == Anchor(1, 28, 42)


def test_not_found_lists_three_closest_passages():
    with pytest.raises(AnchorError) as err:
        resolve(Selector("signed in 1698"), SEGS)
    assert err.value.kind == "not-found"
    assert "closest passages: §1: 'signed in 1689.'" in str(err.value)
    assert len(closest("signed in 1698", SEGS)) == 3


def test_ambiguous_names_every_match():
    with pytest.raises(AnchorError) as err:
        resolve(Selector("met Stalin"), SEGS)
    assert err.value.kind == "ambiguous"
    assert "occurs 2 times (§2, §2)" in str(err.value)


def test_prefix_and_suffix_disambiguate():
    assert resolve(Selector("met Stalin", suffix=" again"), SEGS) == Anchor(2, 37, 47)
    assert resolve(Selector("Mao met", prefix="1949. "), SEGS).start == 33


def test_segment_disambiguates_and_is_checked():
    assert resolve(Selector("Amur", segment=3), SEGS).segment == 3
    with pytest.raises(AnchorError, match="segment 9 out of range"):
        resolve(Selector("Amur", segment=9), SEGS)


def test_contradicting_prefix_is_reported():
    with pytest.raises(AnchorError) as err:
        resolve(Selector("signed in 1689", prefix="never "), SEGS)
    assert err.value.kind == "contradiction"


def test_quote_crossing_segments():
    with pytest.raises(AnchorError) as err:
        resolve(Selector("ended here and went"), SEGS)
    assert err.value.kind == "crosses-segments"
    assert "§4-§5" in str(err.value)


def test_straight_for_curly_quote_hint_names_the_character():
    with pytest.raises(AnchorError) as err:
        resolve(Selector("China's border"), SEGS)
    assert err.value.kind == "lookalike"
    assert "U+2019 RIGHT SINGLE QUOTATION MARK" in err.value.hint


def test_space_for_no_break_space_hint():
    with pytest.raises(AnchorError) as err:
        resolve(Selector("along the Amur"), SEGS)
    assert "a no-break space (U+00A0)" in err.value.hint


def test_overlapping_selectors_resolve_independently():
    a = resolve(Selector("Mao met Stalin in December"), SEGS)
    b = resolve(Selector("Stalin in December 1949"), SEGS)
    assert a.start < b.start < a.end < b.end


def test_empty_quote():
    with pytest.raises(AnchorError, match="empty"):
        resolve(Selector(""), SEGS)
