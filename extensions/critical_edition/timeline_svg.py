"""The timeline as an SVG graphic: one row per event, a bar for its register dates.

Plain SVG markup, no script and no style attributes (colours come from
edition.css classes), so the page's Content-Security-Policy holds. A square
marks a year a source writes next to a mention when it lies outside the
register's dates. The table next to it carries the same data for every builder.
"""

from __future__ import annotations

from html import escape

from .chronology import Event

WIDTH, LABELS, RIGHT, ROW, TOP = 900, 300, 885, 20, 28


def _year(point: tuple[int, int, int], end: bool = False) -> float:
    """A date as a fractional year; an end point covers its whole year or month."""
    year, month, day = point
    if end:
        if not month:
            return year + 1
        if not day:
            return year + month / 12
    return year + max(month - 1, 0) / 12 + max(day - 1, 0) / 365


def _bounds(events: list[Event]) -> tuple[int, int]:
    years = [e.span.start[0] for e in events if e.span]
    years += [e.span.end[0] for e in events if e.span and e.span.end]
    years += [w.year for e in events for w in e.written]
    low, high = min(years), max(years) + 1
    step = _step(high - low)
    return low - low % step, high + (-high) % step


def _step(span: int) -> int:
    return next((s for s in (5, 10, 25, 50, 100) if span / s <= 12), 200)


def _short(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def timeline_svg(events: list[Event], ident: str) -> str:
    """The chart of *events* (dated ones only), as an SVG element."""
    dated = [e for e in events if e.span is not None]
    if not dated:
        return ""
    low, high = _bounds(dated)

    def x(year: float) -> float:
        return round(LABELS + 10 + (RIGHT - LABELS - 10) * (year - low) / (high - low), 1)

    height = TOP + ROW * len(dated) + 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ed-timeline-chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">Timeline of {len(dated)} dated treaties and events, {low}\u2013{high}</title>',
        f'<desc id="{ident}-desc">One row per event in date order; a bar spans its dates in the registers; '
        "a square marks a year a source gives that lies outside them. The table below gives the same data.</desc>",
        '<g class="ed-axis">',
    ]
    step = _step(high - low)
    for year in range(low, high + 1, step):
        out.append(f'<line x1="{x(year)}" y1="{TOP - 6}" x2="{x(year)}" y2="{height - 6}"/>')
        out.append(f'<text x="{x(year)}" y="{TOP - 10}" text-anchor="middle">{year}</text>')
    out.append("</g>")
    for row, event in enumerate(dated):
        span = event.span
        assert span is not None
        y = TOP + ROW * row
        start = x(_year(span.start))
        end = x(_year(span.end, end=True)) if span.end else x(high)
        classes = ["ed-bar"]
        if span.approx or span.end is None:
            classes.append("ed-bar-approx")
        if event.disputes or event.disagreements:
            classes.append("ed-bar-disputed")
        tip = f"{event.name} ({span.label})"
        if event.disagreements:
            tip += "; sources write " + ", ".join(str(w.year) for w in event.disagreements)
        out.append(f'<g class="ed-row" data-year="{span.start[0]}" data-entity="{escape(event.eid)}">'
                   f"<title>{escape(tip)}</title>")
        out.append(f'<text class="ed-row-label" x="{LABELS}" y="{y + 13}" text-anchor="end">'
                   f"{escape(_short(event.name))}</text>")
        out.append(f'<rect class="{" ".join(classes)}" x="{start}" y="{y + 4}" '
                   f'width="{max(end - start, 3):.1f}" height="12" rx="2"/>')
        for written in event.disagreements:
            cx = x(written.year + 0.5)
            out.append(f'<rect class="ed-written-off" x="{cx - 4}" y="{y + 6}" width="8" height="8"/>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
