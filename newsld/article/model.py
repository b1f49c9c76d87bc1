"""The typed article model every reader produces and the builder consumes."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Agent:
    """An author or publisher: a Person or an Organization."""

    name: str
    kind: str = "Person"  # "Person" | "Organization"
    job_title: str | None = None
    affiliation: str | None = None  # name of an Organization the person writes for
    description: str | None = None
    url: str | None = None
    logo: str | None = None  # publishers only


@dataclass
class QA:
    question: str
    answer: str  # answer paragraphs joined by blank lines


@dataclass
class Article:
    headline: str
    dek: str | None = None
    body: list[str] = field(default_factory=list)  # paragraphs
    faq: list[QA] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    authors: list[Agent] = field(default_factory=list)
    publisher: Agent | None = None
    date_published: str | None = None  # ISO 8601 (date or date-time with offset)
    date_modified: str | None = None
    url: str | None = None
    images: list[str] = field(default_factory=list)
    section: str | None = None
    lang: str | None = None
    # Structured data the source already declared (HTML pages): list of JSON-LD nodes.
    declared: list[dict] = field(default_factory=list)
    # (code, message): what the reader had to decide for the user (an ambiguous zone, a time
    # with no zone: "date-zone") or could not read (a syntax of the page: "input"), reported as
    # warnings beside the document, never written into it.
    notes: list[tuple[str, str]] = field(default_factory=list)
