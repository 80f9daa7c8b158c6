"""Synthetic corpora for the benchmark, and the plain-Sphinx twin of any edition.

``synthetic(root, n_sources, n_entities, seed)`` writes a complete edition
project under *root*: ``conf.py``, ``seeds/`` (copy texts and a catalogue with
real SHA-256 checksums) and ``docs/`` (one page per source with 40
annotations anchored on unique quotes of its text, five register pages, the
register of disputes, a bibliography).  Everything is drawn from one seeded
RNG: the same arguments give byte-identical files.

``real(root, repo)`` copies the real edition (conf.py, docs/, seeds/).

``plain(edition_root, plain_root)`` writes the yardstick of DESIGN.md: the
same documents with the same words, without the extension: every line of a
copy text a plain paragraph, every dispute's and note's body a plain
admonition at the end of its page, every register entry an item of a plain
definition list, the bibliography a plain list.  Only ``myst_parser``.
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------
# vocabulary

_ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr",
           "kr", "pl", "st", "tr", "sh", "ch", "zh", "kh", "ts", "y", "w", "h", "j"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ao", "ei", "ia", "ou", "ya", "yu"]
_CODAS = ["", "", "", "n", "ng", "r", "l", "s", "k", "v", "sk", "nd"]
_FUNCTION = ("the of and to in a was that with for on as by from at which were his had its their "
             "but not this after they between when into over under than before while during "
             "both more about it also two three first new other only".split())
_PINYIN = ["Zhōngguó", "Běijīng", "guānxi", "Dōngběi", "Hēilóngjiāng", "Xīnjiāng", "lǎobǎixìng"]
_CYRILLIC = ["дружба", "Россия", "граница", "союз", "Москва"]

VERDICTS = ("incorrect", "imprecise", "anachronistic", "misattributed", "contested",
            "unsupported", "corroborated")
ENTITY_TYPES = ("person", "place", "organisation", "treaty", "event")
REGISTER_PAGES = {"person": "persons", "place": "places", "organisation": "organisations",
                  "treaty": "treaties", "event": "events"}


def _words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    """*count* distinct pseudo-words (lower case), none in *taken*."""
    out: list[str] = []
    while len(out) < count:
        w = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                    for _ in range(rng.choice((1, 1, 2, 2, 2, 3))))
        if 3 <= len(w) <= 13 and w not in taken and w not in _FUNCTION:
            taken.add(w)
            out.append(w)
    return out


@dataclass
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str]
    dates: str
    cite: str
    weight: float


@dataclass
class Source:
    id: str
    title: str
    lines: list[str] = field(default_factory=list)  # the file's lines, blank ones included
    roles: list[str] = field(default_factory=list)  # role of each non-blank line

    @property
    def segments(self) -> list[str]:
        return [line for line in self.lines if line.strip()]

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


class Corpus:
    """One synthetic edition, drawn from a seeded RNG."""

    def __init__(self, n_sources: int, n_entities: int, seed: int = 1) -> None:
        self.rng = rng = random.Random(seed)
        taken: set[str] = set()
        self.lexicon = _FUNCTION * 12 + _words(rng, 4000, taken)
        self.name_words = [w.capitalize() for w in _words(rng, 4 * n_entities + 200, taken)]
        self.n_bib = max(40, 2 * n_sources)
        self.bib_keys = [f"ref{i:05d}" for i in range(self.n_bib)]
        self.entities = self._entities(n_entities)
        self.alias_pool = [(alias, e) for e in self.entities for alias in [e.name, *e.aliases]]
        self.alias_weights = [e.weight for _, e in self.alias_pool]
        self.alias_index = {alias: e.id for alias, e in self.alias_pool}
        self.sources = [self._source(i) for i in range(n_sources)]

    # -- entities ----------------------------------------------------------
    def _entities(self, count: int) -> list[Entity]:
        rng, words = self.rng, iter(self.name_words)
        out: list[Entity] = []
        seen: set[str] = set()  # an alias belongs to one entity only
        for i in range(count):
            typ = ENTITY_TYPES[i % len(ENTITY_TYPES)]
            a, b = next(words), next(words)
            aliases: list[str] = []
            if typ == "person":
                name = f"{a} {b}"
                aliases = [b] if rng.random() < 0.6 else []
                if rng.random() < 0.3:
                    aliases.append(f"{a[0]}. {b}")
                y = rng.randint(1600, 1950)
                dates = f"{y}\u2013{y + rng.randint(40, 90)}"
            elif typ == "place":
                name = a
                aliases = [f"{a}{rng.choice(['sk', 'ovo', 'grad'])}"] if rng.random() < 0.4 else []
                dates = ""
            elif typ == "organisation":
                name = f"{a} {b} Organisation"
                aliases = [f"{a[0]}{b[0]}O{i:X}"] if rng.random() < 0.7 else []
                dates = f"{rng.randint(1900, 2010)}\u2013"
            elif typ == "treaty":
                name = f"Treaty of {a}"
                aliases = [f"{a} Treaty"] if rng.random() < 0.5 else []
                dates = str(rng.randint(1650, 2001))
            else:
                name = f"{a} {b} Incident"
                aliases = [f"{a} Incident"] if rng.random() < 0.5 else []
                dates = str(rng.randint(1650, 2020))
            aliases = [x for x in aliases if x not in seen and x != name]
            seen.update([name, *aliases])
            out.append(Entity(f"e{i:05d}-{a.lower()}", typ, name, aliases, dates,
                              rng.choice(self.bib_keys), rng.paretovariate(1.2)))
        return out

    # -- text -------------------------------------------------------------
    def _mention(self) -> str:
        return self.rng.choices(self.alias_pool, self.alias_weights)[0][0]

    def _sentence(self, lo: int = 8, hi: int = 26, mentions: float = 0.5) -> str:
        rng = self.rng
        words = [rng.choice(self.lexicon) for _ in range(rng.randint(lo, hi))]
        for chance in (1.8, 1.2, 0.6):  # about 1.8 mentions a sentence at 0.5: the seeds' density
            if rng.random() < mentions * chance:
                words.insert(rng.randrange(1, len(words)), self._mention())
        if rng.random() < 0.15:
            y = rng.randint(1689, 2024)
            words.insert(rng.randrange(1, len(words)), f"{y}\u2013{y + rng.randint(1, 30)}")
        if rng.random() < 0.08:
            words.insert(rng.randrange(1, len(words)), rng.choice(_PINYIN + _CYRILLIC))
        if rng.random() < 0.12:
            i = rng.randrange(1, len(words) - 1)
            words[i] = "\u201c" + words[i]
            words[i + 1] = words[i + 1] + "\u201d"
        if rng.random() < 0.2:
            i = rng.randrange(1, len(words))
            words[i] = words[i] + ","
        if rng.random() < 0.1:
            i = rng.randrange(0, len(words))
            words[i] = words[i] + "\u2019s"
        words[0] = words[0][0].upper() + words[0][1:]
        return " ".join(words) + rng.choice(".......?!")

    def _paragraph(self, chars: int, mentions: float = 0.5) -> str:
        out: list[str] = []
        while sum(len(s) + 1 for s in out) < chars:
            out.append(self._sentence(mentions=mentions))
        return " ".join(out)

    def _source(self, index: int) -> Source:
        rng = self.rng
        sid = f"src-{index:04d}"
        title = self._sentence(4, 9, mentions=0.3).rstrip(".?!")
        src = Source(sid, title)
        target = rng.randint(5_000, 30_000)

        def add(line: str, role: str, blank: bool = True) -> None:
            src.lines.append(line)
            src.roles.append(role)
            if blank:
                src.lines.append("")

        add(title, "heading", blank=False)
        add(f"{rng.randint(1, 28)} {rng.choice(['Jan', 'Mar', 'May', 'Sep', 'Nov'])} {rng.randint(1990, 2024)}",
            "dateline", blank=False)
        add(" ".join(w.capitalize() for w in rng.sample(self.lexicon[-4000:], 2)), "byline")
        with_comments = rng.random() < 0.5
        body_target = target * (0.6 if with_comments else 0.92)
        size = lambda: sum(len(line) + 1 for line in src.lines)  # noqa: E731
        bodies: list[str] = []
        while size() < body_target:
            r = rng.random()
            if r < 0.62:
                para = self._paragraph(rng.choice([200, 400, 700, 1000, 1500]))
                bodies.append(para)
                add(para, "body")
            elif r < 0.85:
                for _ in range(rng.randint(1, 4)):
                    add(self._sentence(10, 30, mentions=0.7), "caption", blank=False)
                src.lines.append("")
            elif r < 0.92:
                add(self._sentence(3, 7, mentions=0.5).rstrip(".?!"), "heading")
            elif bodies:
                sentence = rng.choice(bodies[-1].split(". ")).rstrip(".?!")
                if len(sentence) > 30:
                    add(sentence, "pull-quote")
        if with_comments:
            number = 0
            while size() < target:
                number += 1
                depth = 0
                add(f"  {number}. {self.name_words[rng.randrange(len(self.name_words))]} says", "comment")
                for _ in range(rng.randint(1, 6)):
                    indent = "  " * (depth + 2)
                    bullet = "\u2022 " if depth and rng.random() < 0.5 else ""
                    add(indent + bullet + self._paragraph(rng.choice([120, 300, 600]), 0.4), "comment")
                    depth = min(4, max(0, depth + rng.choice([-1, 0, 1, 1])))
        for _ in range(rng.randint(2, 6)):
            add(" ".join(rng.choice(self.lexicon).capitalize() for _ in range(rng.randint(1, 4))),
                "furniture", blank=False)
        while src.lines and not src.lines[-1]:
            src.lines.pop()
        return src


# --------------------------------------------------------------------------
# annotations

_WORD = re.compile(r"\S+")
_SAFE = re.compile(r"^[A-Za-z\u00c0-\u024f\u0400-\u04ff\u2019\u201c\u201d\u2013 ,0-9]+$")


class Quotes:
    """Quotes of one source that occur exactly once in it, drawn at random."""

    def __init__(self, src: Source, rng: random.Random) -> None:
        self.src, self.rng = src, rng
        self.text = src.text
        self.segs = [(n, s, r) for n, (s, r) in enumerate(zip(src.segments, src.roles, strict=True), 1)
                     if r in ("body", "caption", "comment") and len(s.split()) >= 8]

    def pick(self, words: int | None = None, must_contain: str | None = None) -> tuple[int, str]:
        for _ in range(500):
            n, seg, _ = self.rng.choice(self.segs)
            tokens = [m for m in _WORD.finditer(seg)]
            size = words or self.rng.randint(3, 8)
            if must_contain:
                pos = seg.find(must_contain)
                if pos < 0:
                    continue
                starts = [i for i, m in enumerate(tokens) if m.start() == pos]
                if not starts:
                    continue
                i = starts[0]
            else:
                i = self.rng.randrange(0, max(1, len(tokens) - size))
            chunk = tokens[i:i + size]
            if not chunk:
                continue
            quote = seg[chunk[0].start():chunk[-1].end()].rstrip(",")
            if must_contain and not quote.startswith(must_contain):
                continue
            if not _SAFE.match(quote) or quote[0] in "\u201c\u201d\u2019 ,":
                continue
            if self.text.count(quote) == 1:
                return n, quote
        raise RuntimeError(f"no unique quote found in {self.src.id}")


    def mention(self, aliases: dict[str, str]) -> tuple[int, str, str] | None:
        """A unique quote that starts with an alias: (segment, quote, entity id)."""
        for _ in range(500):
            n, seg, _ = self.rng.choice(self.segs)
            tokens = list(_WORD.finditer(seg))
            for i in range(len(tokens)):
                for k in (3, 2, 1):
                    alias = " ".join(t[0] for t in tokens[i:i + k])
                    if alias in aliases and i + k + 2 < len(tokens):
                        quote = seg[tokens[i].start():tokens[i + k + 2].end()].rstrip(",")
                        if _SAFE.match(quote) and self.text.count(quote) == 1:
                            return n, quote, aliases[alias]
        return None


def _cites(rng: random.Random, keys: list[str]) -> str:
    return ",".join(rng.sample(keys, rng.choice((1, 1, 1, 2))))


def _source_page(corpus: Corpus, index: int, quotes: list[Quotes]) -> str:
    rng = corpus.rng
    src = corpus.sources[index]
    q = quotes[index]
    out = [f"# {src.title}", "", f"```{{edition}} {src.id}", "```", ""]
    kinds = ["dispute"] * 28 + ["note"] * 8 + ["tag"] * 3 + ["untag"]
    used: set[str] = set()
    for k, kind in enumerate(kinds):
        if kind == "untag":
            found = q.mention(corpus.alias_index)
            if found is None:
                continue
            seg_no, quote, eid = found
            out += [f"```{{ed:untag}} {eid}", f":quote: {quote}", f":segment: {seg_no}", "```", ""]
            continue
        while True:
            seg_no, quote = q.pick()
            if quote not in used:
                used.add(quote)
                break
        if kind == "tag":
            ent = rng.choice(corpus.entities)
            out += [f"```{{ed:tag}} {ent.id}", f":quote: {quote}", "```", ""]
            continue
        aid = f"{src.id}-{kind[0]}{k:02d}"
        body = [corpus._sentence(10, 24, mentions=0.3) for _ in range(rng.randint(1, 4))]
        body[-1] = body[-1][:-1] + f" {{cite:p}}`{_cites(rng, corpus.bib_keys)}`" + body[-1][-1]
        if rng.random() < 0.3:
            ent = rng.choice(corpus.entities)
            body.append(f"See {{ed:entity}}`{ent.id}`.")
        if rng.random() < 0.2 and len(corpus.sources) > 1:
            j = (index + rng.randint(1, len(corpus.sources) - 1)) % len(corpus.sources)
            other = corpus.sources[j]
            body.append(f"Compare {{ed:passage}}`{other.id} §{rng.randint(1, len(other.segments))}`.")
        head = [f"```{{ed:{kind}}} {aid}", f":quote: {quote}"]
        if rng.random() < 0.25:
            head.append(f":segment: {seg_no}")
        if kind == "dispute":
            head.append(f":verdict: {rng.choice(VERDICTS)}")
            if rng.random() < 0.2 and len(corpus.sources) > 1:
                j = (index + rng.randint(1, len(corpus.sources) - 1)) % len(corpus.sources)
                other_no, other_quote = quotes[j].pick()
                head.append(f":compare: {corpus.sources[j].id} \u00a7{other_no} {other_quote}")
        out += head + ["", *_wrap(" ".join(body)), "```", ""]
    return "\n".join(out)


def _wrap(text: str, width: int = 78) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([line] if line else [])


def _ranges(numbers: list[int]) -> str:
    parts, start, prev = [], None, None
    for n in numbers + [None]:
        if start is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ", ".join(parts)


PLAIN_OVERRIDE = """

# --- plain-Sphinx yardstick (benchmarks/corpus.py) ------------------------
# The edition's own conf.py with the extensions taken away: the same Sphinx,
# MyST settings and theme, myst_parser only.
extensions = ["myst_parser"]
"""


def synthetic(root: Path, n_sources: int, n_entities: int, seed: int, conf: Path) -> dict:
    """Write the synthetic edition project under *root*; return a summary.

    *conf* is the repository's conf.py, copied as it is: its extensions, MyST,
    bibliography and HTML settings apply (its bibliography glob finds the one
    docs/references.bib of the corpus).
    """
    corpus = Corpus(n_sources, n_entities, seed)
    if root.exists():
        shutil.rmtree(root)
    (root / "seeds").mkdir(parents=True)
    docs = root / "docs"
    for sub in ("sources", "registers"):
        (docs / sub).mkdir(parents=True)
    shutil.copy2(conf, root / "conf.py")

    catalogue = ["# Synthetic catalogue (benchmark)", ""]
    role_tables = []
    for src in corpus.sources:
        data = src.text.encode("utf-8")
        (root / "seeds" / f"{src.id}.txt").write_bytes(data)
        catalogue += [
            f"[{src.id}]", f'file = "{src.id}.txt"', f'sha256 = "{hashlib.sha256(data).hexdigest()}"',
            f'title = "{src.title}"', f'short_title = "Src {src.id[4:]}"',
            f'authors = ["{corpus.name_words[int(src.id[4:]) % 97]}"]', 'outlet = "Synthetic outlet"',
            f'date = "{2000 + int(src.id[4:]) % 24}-01-01"', 'genre = "synthetic essay"',
            'url = "https://example.org/' + src.id + '"', "",
        ]
        by_role: dict[str, list[int]] = {}
        for n, role in enumerate(src.roles, 1):
            by_role.setdefault(role, []).append(n)
        role_tables += [f"[{src.id}.roles]"] + [f'{role} = "{_ranges(nums)}"' for role, nums in by_role.items()] + [""]
    (root / "seeds" / "catalogue.toml").write_text("\n".join(catalogue + role_tables), encoding="utf-8")

    quotes = [Quotes(src, corpus.rng) for src in corpus.sources]
    for i, src in enumerate(corpus.sources):
        (docs / "sources" / f"{src.id}.md").write_text(_source_page(corpus, i, quotes), encoding="utf-8")

    for typ, page in REGISTER_PAGES.items():
        out = [f"# {page.capitalize()}", "", f"The {page} named in the copy texts.", ""]
        for ent in corpus.entities:
            if ent.type != typ:
                continue
            out += [f"```{{ed:entity}} {ent.id}", f":type: {ent.type}", f":name: {ent.name}"]
            if ent.aliases:
                out.append(f":aliases: {'; '.join(ent.aliases)}")
            if ent.dates:
                out.append(f":dates: {ent.dates}")
            desc = " ".join(corpus._sentence(10, 22, mentions=0.0) for _ in range(corpus.rng.randint(1, 3)))
            out += ["", *_wrap(desc[:-1] + f" {{cite:p}}`{ent.cite}`."), "```", ""]
        (docs / "registers" / f"{page}.md").write_text("\n".join(out), encoding="utf-8")
    (docs / "registers" / "index.md").write_text(
        "# Registers\n\n```{toctree}\n:maxdepth: 1\n\n" + "\n".join(REGISTER_PAGES.values()) + "\n```\n",
        encoding="utf-8")
    (docs / "sources" / "index.md").write_text(
        "# Sources\n\n```{toctree}\n:maxdepth: 1\n\n" + "\n".join(s.id for s in corpus.sources) + "\n```\n",
        encoding="utf-8")
    (docs / "disputes.md").write_text("# Register of disputes\n\nEvery dispute.\n\n```{ed:disputes}\n```\n",
                                      encoding="utf-8")
    (docs / "bibliography.md").write_text("# Bibliography\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8")
    (docs / "index.md").write_text(
        f"# Benchmark edition\n\n{n_sources} synthetic sources.\n\n```{{toctree}}\n:maxdepth: 1\n\n"
        "sources/index\nregisters/index\ndisputes\nbibliography\n```\n", encoding="utf-8")
    bib = []
    rng = corpus.rng
    for key in corpus.bib_keys:
        a, b = rng.sample(corpus.name_words, 2)
        bib.append(f"@book{{{key},\n  author = {{{a} {b}}},\n  title = {{{corpus._sentence(3, 8, 0).rstrip('.?!')}}},\n"
                   f"  publisher = {{{rng.choice(corpus.name_words)} Press}},\n"
                   f"  year = {{{rng.randint(1950, 2024)}}}\n}}\n")
    (docs / "references.bib").write_text("\n".join(bib), encoding="utf-8")
    return {
        "sources": n_sources,
        "entities": n_entities,
        "bib_entries": corpus.n_bib,
        "annotations_per_source": 40,
        "seed_bytes": sum(len(s.text.encode()) for s in corpus.sources),
        "segments": sum(len(s.segments) for s in corpus.sources),
    }


def real(root: Path, repo: Path) -> dict:
    """Copy the real edition (conf.py, docs/, seeds/) under *root*."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy2(repo / "conf.py", root / "conf.py")
    shutil.copytree(repo / "docs", root / "docs")
    shutil.copytree(repo / "seeds", root / "seeds")
    cat = tomllib.loads((root / "seeds" / "catalogue.toml").read_text(encoding="utf-8"))
    seeds = [root / "seeds" / v["file"] for v in cat.values()]
    pages = list((root / "docs").rglob("*.md"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    return {
        "sources": len(cat),
        "entities": text.count("{ed:entity}") - text.count("`{ed:entity}`"),
        "bib_entries": sum(p.read_text(encoding="utf-8").count("@") for p in (root / "docs").rglob("*.bib")),
        "annotations": sum(text.count(f"```{{ed:{k}}}") for k in ("dispute", "note", "tag", "untag")),
        "seed_bytes": sum(p.stat().st_size for p in seeds),
    }


# --------------------------------------------------------------------------
# the plain twin

_FENCE_OPEN = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}\s*(?P<arg>.*)$")
_CODE_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})")
_ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<text>[^`]*)`")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~!&$=+-])")


def _plain_roles(text: str) -> str:
    def repl(m: re.Match) -> str:
        role, body = m["role"], m["text"]
        if role.startswith(("cite", "footcite")):
            return f"({body})"
        if role.startswith("ed:") or (role == "ref" and body.startswith("ed-")):
            return body.split("<")[0].strip() or body
        return m[0]

    return _ROLE.sub(repl, text)


def _escape_line(line: str) -> str:
    line = _MD_SPECIAL.sub(r"\\\1", line.strip())
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", line)


def _blocks(lines: list[str]):
    """Yield ("text", line) or ("directive", name, arg, options, body) or ("code", lines)."""
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FENCE_OPEN.match(line)
        if m:
            fence = m["fence"]
            j = i + 1
            options: dict[str, str] = {}
            last = None
            if j < len(lines) and lines[j].strip() == "---":  # YAML block of options
                j += 1
                while j < len(lines) and lines[j].strip() != "---":
                    key, _, value = lines[j].partition(":")
                    if not lines[j].startswith((" ", "\t")):
                        options[key.strip()] = value.strip().strip("'\"")
                    j += 1
                j += 1
            while j < len(lines) and lines[j].startswith(":") and not lines[j].startswith(fence):
                key, _, value = lines[j][1:].partition(":")
                options[key] = value.strip()
                last = key
                j += 1
                while j < len(lines) and lines[j].startswith("  ") and last:
                    options[last] += "\n" + lines[j].strip()
                    j += 1
            body = []
            closing = fence[0] * len(fence)
            while j < len(lines) and not (lines[j].startswith(closing) and not lines[j].strip(fence[0]).strip()):
                body.append(lines[j])
                j += 1
            yield ("directive", m["name"], m["arg"].strip(), options, body)
            i = j + 1
            continue
        m = _CODE_OPEN.match(line)
        if m:
            fence = m["fence"]
            j = i + 1
            while j < len(lines) and not (lines[j].startswith(fence) and not lines[j].strip(fence[0]).strip()):
                j += 1
            yield ("code", lines[i:j + 1])
            i = j + 1
            continue
        yield ("text", line)
        i += 1


def _plain_page(text: str, seeds: dict[str, list[str]], bib: list[str]) -> str:
    out: list[str] = []
    boxes: list[str] = []
    for block in _blocks(text.split("\n")):
        if block[0] == "text":
            out.append(_plain_roles(block[1]))
        elif block[0] == "code":
            out.extend(block[1])
        else:
            _, name, arg, options, body = block
            body_text = _plain_roles("\n".join(body)).strip("\n")
            if name == "edition":
                for seg in seeds.get(arg, []):
                    out += [_escape_line(seg), ""]
            elif name in ("ed:dispute", "ed:note"):
                boxes += [f"```{{admonition}} {name[3:].capitalize()} {arg}", body_text, "```", ""]
            elif name == "ed:entity":
                out.append(options.get("name", arg))
                first, *rest = body_text.split("\n") if body_text else [""]
                out.append(f": {first}")
                out += [f"  {line}" if line.strip() else "" for line in rest]
                out.append("")
            elif name.startswith("ed:"):  # tags, and collections the extension generates
                continue
            elif name == "bibliography":
                out += [f"- {entry}" for entry in bib] + [""]
            else:  # toctree, admonitions, ...: kept as they are
                fence = "````" if any(b.startswith("```") for b in body) else "```"
                out.append(f"{fence}{{{name}}} {arg}".rstrip())
                out += [f":{k}: {v}" for k, v in options.items()]
                out += [_plain_roles(b) for b in body] + [fence]
    return "\n".join(out + [""] + boxes)


def _bib_entries(root: Path) -> list[str]:
    from pybtex.database import parse_file

    entries = []
    for path in sorted((root / "docs").rglob("*.bib")):
        for key, entry in parse_file(str(path)).entries.items():
            authors = " and ".join(str(p) for p in entry.persons.get("author", []))
            entries.append(_escape_line(f"{key}: {authors}. {entry.fields.get('title', '')}. "
                                        f"{entry.fields.get('year', '')}."))
    return entries


def plain(edition_root: Path, plain_root: Path) -> None:
    """Write the plain-Sphinx twin of the edition project at *edition_root*."""
    if plain_root.exists():
        shutil.rmtree(plain_root)
    (plain_root / "docs").mkdir(parents=True)
    (plain_root / "conf.py").write_text(
        (edition_root / "conf.py").read_text(encoding="utf-8") + PLAIN_OVERRIDE, encoding="utf-8")
    cat = tomllib.loads((edition_root / "seeds" / "catalogue.toml").read_text(encoding="utf-8"))
    seeds = {
        sid: [line for line in (edition_root / "seeds" / v["file"]).read_text(encoding="utf-8").split("\n")
              if line.strip()]
        for sid, v in cat.items()
    }
    bib = _bib_entries(edition_root)
    for page in (edition_root / "docs").rglob("*"):
        rel = page.relative_to(edition_root / "docs")
        target = plain_root / "docs" / rel
        if page.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif page.suffix == ".md":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_plain_page(page.read_text(encoding="utf-8"), seeds, bib), encoding="utf-8")
        elif page.suffix not in (".bib",):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, target)
