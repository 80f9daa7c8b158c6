"""The catalogue header shown above a source's copy text."""

from __future__ import annotations

from docutils import nodes

from .catalogue import SourceText

_LABELS = (
    ("title", "Title"),
    ("authors", "Author"),
    ("translators", "Translated by"),
    ("outlet", "Outlet"),
    ("date", "Date"),
    ("url", "URL"),
    ("genre", "Genre"),
    ("description", "This copy"),
    ("unverified", "Unverified"),
)


def _value(key: str, value: object) -> nodes.Node:
    if key == "url":
        return nodes.paragraph("", "", nodes.reference(str(value), str(value), refuri=str(value)))
    if isinstance(value, list):
        if key == "unverified":
            items = [nodes.list_item("", nodes.paragraph(text=str(v))) for v in value]
            return nodes.bullet_list("", *items)
        return nodes.paragraph(text="; ".join(str(v) for v in value) or "anonymous")
    return nodes.paragraph(text=str(value))


def _field(name: str, body: nodes.Node) -> nodes.field:
    return nodes.field("", nodes.field_name(text=name), nodes.field_body("", body))


def catalogue_header(source: SourceText) -> nodes.field_list:
    """A field list of the source's catalogue data, segment count and checksum."""
    entry = source.entry
    fields = [
        _field(label, _value(key, entry.get(key)))
        for key, label in _LABELS
        if entry.get(key) not in (None, "", [])
    ]
    fields.append(_field("Source id", nodes.paragraph("", "", nodes.literal(text=entry.id))))
    fields.append(_field("Segments", nodes.paragraph(text=str(len(source.segments)))))
    checksum = nodes.literal(text=entry.get("sha256"))
    fields.append(_field("SHA-256", nodes.paragraph("", "", checksum)))
    return nodes.field_list("", *fields, classes=["ed-catalogue"])
