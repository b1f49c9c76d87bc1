"""Deterministic stand-ins for the corpus when it is absent (CI): news pages shaped like real
ones (head full of meta tags and scripts, JSON-LD, navigation, an article with a byline and a
<time>, a sidebar, a footer) and plain-text articles the size of the seed (~5 KB)."""
from __future__ import annotations

import json
import random

_WORDS = ("the city council said on monday that a new budget plan would fund schools roads and "
          "hospitals while officials warned of rising costs after the storm hit the coast last week "
          "residents gathered near the harbour to watch crews repair the damaged bridge as the mayor "
          "promised faster help for families who lost homes power and water during the flooding").split()
_NAMES = ("Ana Lopez", "James Carter", "Mei Chen", "Olu Adeyemi", "Sara Novak", "Tom Becker")


def _sentence(r: random.Random, lo=8, hi=22) -> str:
    words = [r.choice(_WORDS) for _ in range(r.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def _paragraph(r: random.Random) -> str:
    return " ".join(_sentence(r) for _ in range(r.randint(2, 5)))


def generate_text(i: int) -> str:
    """A seed-sized article in the text grammar: headline, dek, body, author box."""
    r = random.Random(1000 + i)
    body = []
    while sum(map(len, body)) < 4300:
        body.append(_paragraph(r))
    return (f"{_sentence(r, 6, 12)[:-1]}\n\n{_sentence(r, 12, 20)}\n\n\n" + "\n\n".join(body)
            + f"\n\n{r.choice(_NAMES)}\n\nA reporter covering city news.\n")


def _page(i: int) -> str:
    r = random.Random(i)
    headline = _sentence(r, 6, 12)[:-1]
    author = r.choice(_NAMES)
    day = f"2025-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
    url = f"https://news.example.com/{day.replace('-', '/')}/story-{i}"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
          "datePublished": f"{day}T08:{r.randint(10, 59)}:00Z", "author": {"@type": "Person", "name": author},
          "publisher": {"@type": "Organization", "name": "Example News",
                        "logo": {"@type": "ImageObject", "url": "https://news.example.com/logo.png"}},
          "image": [f"https://news.example.com/img/{i}.jpg"], "mainEntityOfPage": url}
    nav = "".join(f'<li class="nav-item nav-item--{k}"><a class="nav-link" href="/section/{k}">Section {k}</a></li>'
                  for k in range(40))
    scripts = "".join(f'<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"k{k}":"{"x" * 200}"}});</script>'
                      for k in range(8))
    paras = "".join(f'<p class="article-body__paragraph">{_paragraph(r)}</p>' for _ in range(r.randint(10, 22)))
    related = "".join(f'<div class="card card--related"><a href="/story-{k}"><h3 class="card__title">'
                      f'{_sentence(r, 5, 9)}</h3></a><span class="card__date">{day}</span></div>' for k in range(12))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{headline} | Example News</title>
<meta name="description" content="{_sentence(r)}">
<meta property="og:title" content="{headline}"><meta property="og:type" content="article">
<meta property="og:url" content="{url}"><meta property="og:image" content="https://news.example.com/img/{i}.jpg">
<meta property="og:site_name" content="Example News"><meta name="author" content="{author}">
<meta property="article:published_time" content="{day}T08:00:00Z">
<link rel="canonical" href="{url}"><link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">{json.dumps(ld)}</script>{scripts}
<style>.nav-item{{display:inline-block}} .card{{margin:1em}}</style></head>
<body class="page page--article"><header class="site-header"><div class="logo">Example News</div>
<nav class="site-nav"><ul class="nav-list">{nav}</ul></nav></header>
<main id="main"><article class="article">
<h1 class="article__headline">{headline}</h1>
<p class="article__dek standfirst">{_sentence(r)}</p>
<div class="article__byline byline">By <a rel="author" href="/by/{author.lower().replace(' ', '-')}">{author}</a>,
 <span class="byline__role">Staff Writer</span></div>
<time class="article__date" datetime="{day}T08:00:00Z">{day}</time>
<figure class="article__image"><img src="/img/{i}.jpg" alt=""><figcaption class="caption">Photo: Example</figcaption></figure>
<div class="article-body" itemprop="articleBody">{paras}</div>
<div class="tags">Tags: <a href="/tag/city">city</a>, <a href="/tag/weather">weather</a></div>
</article><aside class="sidebar"><h2>Related</h2>{related}</aside></main>
<footer class="site-footer"><p>&copy; 2025 Example News</p><ul>{nav}</ul></footer>
</body></html>"""


def generate_pages(n: int) -> list[tuple[str, bytes]]:
    return [(f"gen-{i:03d}.html", _page(i).encode("utf-8")) for i in range(n)]
