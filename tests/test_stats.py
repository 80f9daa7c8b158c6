"""`make stats`: the edition-stats builder counts what the test root holds."""

from __future__ import annotations

import pytest
from critical_edition.stats import edition_stats


@pytest.mark.sphinx("edition-stats", testroot="annotations")
def test_stats_count_the_test_root(app, capsys):
    app.build()
    stats = edition_stats(app.env)
    alpha, beta = stats["sources"]["alpha"], stats["sources"]["beta"]
    assert alpha["segments"] == 4 and alpha["roles"] == {"body": 2, "comment": 1, "heading": 1}
    # Treaty of Nerchinsk x2, Mao Zedong, Stalin, "The Chairman" (tagged), Moscow, Mao;
    # the second Stalin is untagged
    assert (alpha["mentions"], alpha["entities"]) == (7, 4)
    assert alpha["disputes"] == {"incorrect": 1, "imprecise": 1, "corroborated": 1}
    assert (alpha["notes"], alpha["citations"]) == (2, 5)
    assert beta == {"segments": 3, "roles": {"body": 2, "heading": 1}, "mentions": 4, "entities": 4,
                    "disputes": {}, "notes": 0, "citations": 0}
    assert stats["registers"] == {"person": 2, "place": 1, "organisation": 0, "treaty": 1, "event": 0}
    assert stats["bibliography"] == 1
    assert stats["disputes_without_citation"] == stats["entities_without_description"] == []
    assert stats["uncited_bibliography"] == []
    printed = capsys.readouterr().out
    assert "disputes            3 (incorrect 1, imprecise 1, corroborated 1)" in printed
    assert "registers           person 2, place 1, organisation 0, treaty 1, event 0 (total 4)" in printed
    assert "bibliography entries never cited: 0" in printed
    assert not list(app.outdir.glob("*.html"))  # it writes nothing
