"""Recover the copy text of each segment from built HTML (the HTML contract)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "source", "col", "area", "base"}


@dataclass
class HtmlSegment:
    source: str
    number: int
    attrs: dict[str, str]
    text: str = ""
    editorial: str = ""
    links: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.segments: list[HtmlSegment] = []
        self.stack: list[str] = []  # "seg", "ed" or "" per open element
        self.current: HtmlSegment | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in VOID:
            return
        if "data-segment" in a:
            self.current = HtmlSegment(a["data-source"], int(a["data-segment"]), a)
            self.segments.append(self.current)
            self.stack.append("seg")
        elif self.current is not None and "data-editorial" in a:
            self.stack.append("ed")
        else:
            self.stack.append("")
        if self.current is not None and tag == "a" and "href" in a:
            self.current.links.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        kind = self.stack.pop()
        if kind == "seg":
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is None:
            return
        if "ed" in self.stack[self.stack.index("seg"):]:
            self.current.editorial += data
        else:
            self.current.text += data


def segments(html: str) -> list[HtmlSegment]:
    """Every element with data-segment, its copy text with data-editorial removed."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.segments
