"""Article model -> one JSON-LD document: ``@context`` and an ``@graph`` of NewsArticle,
FAQPage and Organization/Person nodes linked by ``@id``. With the article URL the ids are
``<url>#article``; without one they are blank-node ids local to the document and unique to it
(``_:a1b2c3d4e5f6-article``, from a hash of the article's text: RDF tools such as rdflib keep
blank-node labels when several documents are loaded into one graph), so two URL-less articles
stay two articles. Same bytes every run."""
from __future__ import annotations

import re
import sys
import unicodedata

from newsld.article.model import Agent, Article

try:  # CPython's own SHA-256, the same digest: hashlib's import loads OpenSSL (~3 ms of a cold start)
    if sys.version_info >= (3, 12):
        from _sha2 import sha256
    else:
        from _sha256 import sha256
except ImportError:  # a Python built without it
    from hashlib import sha256

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", ascii_).strip("-")[:60] or "x"


def word_count(text: str) -> int:
    return len(text.split())


class _Ids:
    def __init__(self, url: str | None, article: Article):
        self.base = (url or "").split("#", 1)[0]
        self.article = article
        self.label = ""  # made at the first blank-node id: with a URL, no hash of the text (~30 us)
        self.used: set[str] = set()

    def new(self, fragment: str) -> str:
        frag, n = fragment, 2
        while frag in self.used:
            frag, n = f"{fragment}-{n}", n + 1
        self.used.add(frag)
        if self.base:
            return f"{self.base}#{frag}"
        if not self.label:
            text = "\n".join([self.article.headline, *self.article.body])
            self.label = "_:" + sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12] + "-"
        return self.label + frag


def _agent_node(agent: Agent, node_id: str) -> dict:
    node = {"@type": agent.kind, "@id": node_id, "name": agent.name}
    if agent.job_title and agent.kind == "Person":
        node["jobTitle"] = agent.job_title
    if agent.affiliation and agent.kind == "Person":
        node["affiliation"] = {"@type": "Organization", "name": agent.affiliation}
    if agent.description:
        node["description"] = agent.description
    if agent.url:
        node["url"] = agent.url
    if agent.logo:
        node["logo"] = {"@type": "ImageObject", "url": agent.logo}
    return node


def build(article: Article) -> dict:
    ids = _Ids(article.url, article)
    art_id = ids.new("article")
    faq_id = ids.new("faq") if article.faq else None
    agents: dict[tuple[str, str], dict] = {}  # (kind, folded name) -> node

    def ref(agent: Agent, fragment: str) -> dict:
        key = (agent.kind, agent.name.casefold())
        if key not in agents:
            agents[key] = _agent_node(agent, ids.new(fragment))
        else:  # the same organisation as author and publisher: one node, details merged
            for k, v in _agent_node(agent, "").items():
                agents[key].setdefault(k, v)
        return {"@id": agents[key]["@id"]}

    body = "\n\n".join(article.body)
    node: dict = {"@type": "NewsArticle", "@id": art_id, "headline": article.headline}
    if article.dek:
        node["description"] = article.dek
    if article.url:
        node["url"] = article.url
        node["mainEntityOfPage"] = article.url
    if article.images:
        node["image"] = list(article.images)
    if article.date_published:
        node["datePublished"] = article.date_published
    if article.date_modified or article.date_published:
        # never updated: last modified when it was published
        node["dateModified"] = article.date_modified or article.date_published
    if article.authors:
        node["author"] = [ref(a, "author-" + slug(a.name)) for a in article.authors]
    if article.publisher:
        node["publisher"] = ref(article.publisher, "publisher")
    if article.section:
        node["articleSection"] = article.section
    if article.tags:
        node["keywords"] = list(article.tags)
    if article.lang:
        node["inLanguage"] = article.lang
    node["articleBody"] = body
    node["wordCount"] = word_count(body)
    graph = [node]
    if faq_id:
        node["hasPart"] = {"@id": faq_id}
        graph.append({
            "@type": "FAQPage", "@id": faq_id, "isPartOf": {"@id": art_id},
            "mainEntity": [
                {"@type": "Question", "name": qa.question,
                 "acceptedAnswer": {"@type": "Answer", "text": qa.answer}}
                for qa in article.faq
            ],
        })
    graph.extend(agents.values())
    return {"@context": "https://schema.org", "@graph": graph}
