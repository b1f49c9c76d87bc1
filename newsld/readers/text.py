"""The plain-text and Markdown article grammar (docs/text-format.md): front matter, headline,
byline, dek, body, FAQ section, tag line and author box."""
from __future__ import annotations

import re
from functools import lru_cache

from newsld.readers import byline

from newsld import locales as locale
from newsld.errors import InputError
from newsld.article.model import QA, Agent, Article
from newsld.readers import frontmatter
from newsld.readers.text_noise import is_noise_line
from newsld.locales.dates import text_date

_HEADING = re.compile(r"^#{1,6}\s+")
_TITLE_HEADING = re.compile(r"^#\s+")  # a level-1 heading: the headline line, even under a title
_DATE_SEGMENT = re.compile(r"(?<!\s)\s++[|·•]\s+")  # from a run's start only: no retry inside long runs
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_SETEXT = re.compile(r"^(?:=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_EMPHASIS = re.compile(r"^(\*{1,2}|_{1,2})([^*_\n].*)\1$", re.S)
_CLOSING = tuple(".!?:;…\"”’»)")
_TAG_SPLIT = re.compile(r"[,;·|\n]")  # pieces are stripped: no \s* around it to backtrack over


@lru_cache(maxsize=1)
def _markdown() -> tuple[tuple[tuple[re.Pattern, str], ...], re.Pattern]:
    """(inline Markdown patterns with their replacements, the first image): compiled for the
    first Markdown input only (plain text never uses them).

    All with negated classes so no pattern backtracks on long lines. Link text excludes "[" and
    a link destination excludes "(" outside one balanced pair, possessively: each attempt stops
    at the next "[" or "(", so a line of 100,000 "[x](" or "![" is read in linear time (an
    attempt that could run to the end of the line from every "[" was quadratic)."""
    dest = r"(?:[^()\s]++|\([^()\s]*+\))*+(?:\s+\"[^\"\n]*\")?"
    inline = (
        (re.compile(r"!\[([^\[\]\n]*)\]\(" + dest + r"\)"), ""),
        (re.compile(r"\[([^\[\]\n]+)\]\(" + dest + r"\)"), r"\1"),
        (re.compile(r"\*\*([^*\n]+)\*\*"), r"\1"),
        (re.compile(r"__([^_\n]+)__"), r"\1"),
        (re.compile(r"(?<![\w*])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?![\w*])"), r"\1"),
        (re.compile(r"(?<![\w_])_([^_\s](?:[^_\n]*[^_\s])?)_(?![\w_])"), r"\1"),
        (re.compile(r"`([^`\n]+)`"), r"\1"),
    )
    return inline, re.compile(r"!\[[^\[\]\n]*\]\(((?:[^()\s]++|\([^()\s]*+\))++)")


class Block:
    """A run of non-blank lines (a plain class: building a dataclass costs a cold start ~0.4 ms)."""

    __slots__ = ("lines", "gap")

    def __init__(self, lines: list[str], gap: int):
        self.lines = lines
        self.gap = gap  # blank lines before the block

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def single(self) -> bool:
        return len(self.lines) == 1


def blocks_of(text: str) -> list[Block]:
    out: list[Block] = []
    gap, cur = 0, []
    for line in text.split("\n"):
        if line.strip():
            cur.append(line.strip())
            continue
        if cur:
            out.append(Block(cur, gap))
            cur, gap = [], 0
        gap += 1
    if cur:
        out.append(Block(cur, gap))
    return out


class TextReader:
    def __init__(self, markdown: bool = False):
        self.markdown = markdown
        self.rules = locale.load()

    # ---- inline clean-up -------------------------------------------------
    def inline(self, s: str) -> str:
        if self.markdown:
            for pat, rep in _markdown()[0]:
                s = pat.sub(rep, s)
        return s.strip()

    def paragraph(self, block: Block) -> str:
        """A body paragraph: subheading marks and quote marks dropped, wrapped lines joined
        (list items keep their own lines)."""
        lines = [_QUOTE.sub("", _HEADING.sub("", ln)) for ln in block.lines]
        if any(_LIST_ITEM.match(ln) for ln in lines[1:]):
            return "\n".join(self.inline(ln) for ln in lines)
        return self.inline(" ".join(ln.strip() for ln in lines))

    # ---- classifiers -------------------------------------------------------
    def is_faq_heading(self, b: Block) -> bool:
        t = b.lines[0]
        return (b.single and len(t) < 300 and not t.endswith(".")
                and bool(self.rules.faq_heading.match(_EMPHASIS.sub(r"\2", t))))

    def tag_match(self, b: Block):
        return self.rules.tag_label.match(b.lines[0])

    def question_of(self, line: str) -> str | None:
        q = self.inline(self.rules.question_prefix.sub("", line, count=1))
        q = _EMPHASIS.sub(r"\2", q).strip()
        if q and (q.endswith("?") or q.startswith("¿")):
            return q
        return None

    def is_name_line(self, b: Block) -> bool:
        t = b.lines[0]
        words = t.split()
        return (b.single and 0 < len(words) <= 8 and not t.endswith(_CLOSING) and ":" not in t
                and not t.startswith(("#", ">", "-", "*"))
                and all(w[0].isupper() or w[0].isdigit() or w.lower() in self.rules.name_particles
                        for w in words))

    def dek_of(self, blocks: list[Block], i: int) -> str | None:
        b = blocks[i]
        if self.is_faq_heading(b) or self.tag_match(b):
            return None
        if all(_QUOTE.match(ln) for ln in b.lines):
            return self.inline(" ".join(_QUOTE.sub("", ln) for ln in b.lines))
        joined = " ".join(b.lines)
        m = _EMPHASIS.match(joined)
        if m and not m.group(2).rstrip().endswith(("*", "_")):
            return self.inline(m.group(2))
        after = i + 1
        while after < len(blocks) and (self.header_of(blocks[after], True) is not None or (
                blocks[after].single and byline.strip_byline_word(blocks[after].lines[0]) is not None)):
            after += 1  # a byline (and date lines) between the dek and the body
        if after < len(blocks) and blocks[after].gap >= 2:
            return self.inline(joined)
        return None

    # ---- the grammar -------------------------------------------------------
    def read(self, text: str) -> tuple[Article, dict]:
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        meta, text = frontmatter.split(text)
        blocks = [b for b in blocks_of(text) if not (self.markdown and self.is_markup(b))]
        if not blocks:
            raise InputError("no headline: the input has front matter but no article text" if meta
                             else "empty input: expected an article (a headline line, then paragraphs)")
        first = blocks[0]
        if len(first.lines) > 1 and _SETEXT.match(first.lines[1]):
            first.lines.pop(1)
        headline = self.inline(_CLOSING_HASHES.sub("", _HEADING.sub("", first.lines[0])))
        given = meta.get("headline")
        if given and headline != given and not _TITLE_HEADING.match(first.lines[0]):
            headline = given  # the front matter's title; the first line is already the body
        elif len(first.lines) > 1:
            blocks[0:1] = [Block(first.lines[1:], 0)]
        else:
            blocks = blocks[1:]
        blocks = self.without_noise(blocks)
        if self.markdown and not meta.get("images"):
            m = _markdown()[1].search(text)
            if m:
                meta["images"] = [m.group(1)]

        authors: list[Agent] = []
        dek = None
        i = 0
        i, authors = self._header(blocks, i, authors, meta)
        if i < len(blocks):
            dek = self.dek_of(blocks, i)
            if dek is not None:
                i += 1
        i, authors = self._header(blocks, i, authors, meta)

        n = len(blocks)
        box = None
        if n - i >= 3 and self.is_name_line(blocks[-2]) and not self._special(blocks[-1]) \
                and not self._special(blocks[-2]):
            box = n - 2
        end = box if box is not None else n
        if box is not None and box - 1 >= i and blocks[box - 1].single and \
                self.rules.author_box_heading.match(blocks[box - 1].lines[0]):
            end = box - 1  # "About the author" introduces the box
        tag_at = next((k for k in range(i, end) if self.tag_match(blocks[k])), None)
        faq_at = next((k for k in range(i, end) if self.is_faq_heading(blocks[k])), None)
        body_end = min(k for k in (tag_at, faq_at, end) if k is not None)
        body = [self.paragraph(b) for b in blocks[i:body_end]]

        faq: list[QA] = []
        if faq_at is not None:
            faq_end = min((k for k in (tag_at, end) if k is not None and k > faq_at), default=n)
            faq = self._faq(blocks[faq_at + 1:faq_end])
        tags = self._tags(blocks, tag_at) if tag_at is not None else []

        if box is not None:
            authors = self._merge_box(authors, blocks[box], blocks[box + 1])
        art = Article(headline=headline, dek=dek, body=[p for p in body if p], faq=faq,
                      tags=tags, authors=authors)
        if not headline or not (art.body or art.dek or art.faq):
            raise InputError("nothing that looks like an article: expected a headline line followed by paragraphs")
        return art, meta

    def _special(self, b: Block) -> bool:
        return bool(self.is_faq_heading(b) or self.tag_match(b)
                    or self.question_of(b.lines[0]) or byline.strip_byline_word(b.lines[0]) is not None)

    # ---- wire copy: byline, date lines, noise ----------------------------------
    def header_of(self, b: Block, first_byline: bool) -> tuple[list[Agent], dict] | None:
        """(authors, dates) when every line of ``b`` is a header line: a byline (the first line,
        when ``first_byline``), an organisation line under it ("Associated Press": their
        affiliation), or a date line ("Published: 10:32 AM EDT, April 2, 2025"); else None."""
        people: list[Agent] = []
        dates: dict = {}
        for n, line in enumerate(b.lines):
            rest = byline.strip_byline_word(line) if n == 0 and first_byline else None
            if rest is not None:
                names, found = byline.split_dates(self.inline(rest))
                people = byline.parse_people(names)
                if not people:
                    return None
                for key, raw in found.items():
                    dates.setdefault(key, text_date(raw) or raw)
                continue
            if people and n > 0 and byline.is_organisation(self.inline(line)):
                for p in people:
                    if p.kind == "Person" and p.affiliation is None:
                        p.affiliation = byline.clean_name(self.inline(line))
                continue
            found = self.date_line(line)
            if found is None:
                return None
            for key, value in found.items():
                dates.setdefault(key, value)
        return people, dates

    def date_line(self, line: str) -> dict | None:
        """{date_published and/or date_modified} for a line that is only dates, each maybe
        labelled ("Published:", "Updated", "Veröffentlicht am"), segments split by "|" or "·"."""
        found: dict = {}
        for seg in _DATE_SEGMENT.split(self.inline(line)):
            key = "date_published"
            m = self.rules.updated_label.match(seg)
            if m:
                key = "date_modified"
            else:
                m = self.rules.published_label.match(seg)
            # a label in a language other than English: numeric dates are day first
            day_first = bool(m) and not _month_first_label().match(seg)
            value = text_date(seg[m.end():] if m else seg, day_first=day_first)
            if value is None or key in found:
                return None
            found[key] = value
        return found or None

    def _header(self, blocks, i, authors, meta):
        """Header blocks from ``i`` on (byline, agency, date lines): (next index, authors)."""
        while i < len(blocks):
            got = self.header_of(blocks[i], not authors)
            if got is None:
                break
            people, dates = got
            authors = authors or people
            for key, value in dates.items():
                meta.setdefault(key, value)
            i += 1
        return i, authors

    def is_markup(self, b: Block) -> bool:
        return all(is_noise_line(ln, markdown=True) and not is_noise_line(ln) for ln in b.lines)

    def without_noise(self, blocks: list[Block]) -> list[Block]:
        """The blocks less those that are only noise lines (a tag line is never noise); a
        dropped block's blank lines stay before the next one."""
        out: list[Block] = []
        gap = 0
        for b in blocks:
            texts = [self.inline(_HEADING.sub("", ln)) for ln in b.lines]
            if not self.tag_match(b) and any(texts) and all(
                    not t or is_noise_line(t, markdown=self.markdown) for t in texts):
                # (a Markdown image line, empty once read, goes with its credit)
                gap = max(gap, b.gap)
                continue
            out.append(Block(b.lines, max(gap, b.gap)) if gap else b)
            gap = 0
        return out

    def _faq(self, blocks: list[Block]) -> list[QA]:
        pairs: list[tuple[str, list[str]]] = []
        for b in blocks:
            q = self.question_of(b.lines[0])
            if q is not None and (len(b.lines) == 1 or self.rules.answer_prefix.match(b.lines[1])):
                pairs.append((q, []))
                rest = b.lines[1:]
                if not rest:
                    continue
                b = Block(rest, 0)
            if not pairs:
                continue  # an introduction before the first question
            answer = pairs[-1][1]
            text = self.paragraph(b)
            if not answer:
                text = self.rules.answer_prefix.sub("", text, count=1)
            if text:
                answer.append(text)
        return [QA(q, "\n\n".join(a)) for q, a in pairs if a]

    def _tags(self, blocks, k) -> list[str]:
        m = self.tag_match(blocks[k])
        raw = "\n".join([m.group("rest")] + blocks[k].lines[1:])
        out: list[str] = []
        seen: set[str] = set()  # casefolded: one lookup per tag, linear in the number of tags
        for t in _TAG_SPLIT.split(raw):
            t = self.inline(t.strip().lstrip("#")).strip()
            if t and t.casefold() not in seen:
                seen.add(t.casefold())
                out.append(t)
        return out

    def _merge_box(self, authors, name_block, bio_block):
        people = byline.parse_people(self.inline(name_block.lines[0]))
        bio = self.paragraph(bio_block)
        if not authors:
            authors = people
        known = {a.name.casefold(): a for a in authors}
        for p in people:
            target = known.get(p.name.casefold())
            if target is None:
                authors.append(p)
                target = p
            target.description = bio
        return authors


@lru_cache(maxsize=1)
def _month_first_label() -> re.Pattern:
    """The English date labels: only English (US) writes numeric dates month first."""
    words = sorted(locale.words("published_labels", "en") + locale.words("updated_labels", "en"),
                   key=len, reverse=True)  # (the locale files already read, not en.json again)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


def read(text: str, *, markdown: bool = False) -> tuple[Article, dict]:
    """(the article, the front matter as metadata keys)."""
    return TextReader(markdown).read(text)
