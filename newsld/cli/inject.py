"""``newsld inject``: put the page's JSON-LD into the page as one ``<script data-newsld>``.

Registered on the ``newsld`` group by ``main.add_command(inject)`` in ``newsld/cli.py``.
Errors are NewsldError / click.UsageError, so the group's one exit path turns them into one
line on stderr and exit 2."""
from __future__ import annotations

import sys

import click

from newsld.batch import MAX_BYTES, read_input
from newsld.cli.options import SECONDS
from newsld.cli.streams import write_stdout
from newsld.errors import InputError, NewsldError


def load_jsonld(name: str, data: bytes):
    """The JSON-LD document (object or array) in ``data``; InputError naming ``name`` and the
    line and column when it is not JSON."""
    from newsld.io.charset import decode
    from newsld.io.jsontext import document
    doc = document(decode(data, name), name)  # depth-limited; NaN/Infinity refused (not JSON)
    if not isinstance(doc, (dict, list)) or not doc:
        raise InputError(f"{name}: expected a JSON-LD object or a non-empty array of them")
    return doc


@click.command("inject")
@click.argument("page", metavar="PAGE")
@click.option("--jsonld", "jsonld_file", metavar="FILE",
              help="JSON-LD file to put into the page (default: extract it from the page itself).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--in-place", is_flag=True, help="Rewrite PAGE itself (atomically; untouched on any error).")
@click.option("--url", help="Canonical URL of the page, for extraction (default: PAGE when it is a URL).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
              help="Refuse larger pages and JSON-LD files.")
@click.option("--timeout", type=SECONDS, default=60.0, show_default=True,
              help="Seconds allowed for reading the page (a URL, a pipe) and making its block.")
def inject(page, jsonld_file, output, in_place, url, max_bytes, timeout):
    """Put one <script type="application/ld+json" data-newsld> into an HTML page.

    PAGE is a path, - for stdin, or an http(s) URL. The block goes just before </head> and
    replaces the one an earlier run put there, so running it again changes nothing; the rest
    of the page is kept byte for byte. Output: stdout, -o FILE, or --in-place."""
    from newsld.batch import is_url
    from newsld.batch.pool import Timeout, time_limit

    remote = is_url(page)
    if output and in_place:
        raise NewsldError("use either -o/--output or --in-place, not both")
    if in_place and (page == "-" or remote):
        raise NewsldError("--in-place needs PAGE to be a file (not - or a URL); use -o FILE")
    if jsonld_file == "-" and page == "-":
        raise NewsldError("PAGE and --jsonld cannot both be - (stdin)")

    try:
        with time_limit(timeout):  # a FIFO nobody writes to, a slow server, a huge page
            html, result = _injected(page, jsonld_file, url, max_bytes, timeout)
    except Timeout:
        raise InputError(f"{page}: took longer than {timeout:g} s; raise the limit with --timeout") from None

    # --in-place on a symlink writes through to the file it points to, as editors do (the link
    # stays); a hard-linked page keeps its links and owner; a page edited meanwhile is left alone
    target = page if in_place else output
    if target:
        if in_place and result == html:
            return  # nothing to change: leave the file (and its mtime) alone
        from newsld.io.output import write_atomic
        write_atomic(target, result, expect=html if in_place else None)
        return
    write_stdout(result)


def _injected(page: str, jsonld_file: str | None, url: str | None, max_bytes: int, timeout: float):
    if url and not url.lower().startswith(("http://", "https://")):
        raise click.UsageError(f"--url {url!r} is not an absolute http(s) URL: give the page's address, "
                               "e.g. https://example.com/news/a.html")
    """(the page's bytes, the page with the block)."""
    from newsld.batch import is_url
    from newsld.io.fetch import as_utf8, fetch
    from newsld.io.inject import inject as inject_block
    from newsld.io.inject import own_ids, remove

    charset = None
    remote = is_url(page)
    if remote:
        html, charset = fetch(page, timeout=timeout, max_bytes=max_bytes)
    else:
        html = read_input(page, max_bytes)
    if not html.strip():
        raise InputError(f"{page}: empty page")

    if jsonld_file:
        doc = load_jsonld(jsonld_file, read_input(jsonld_file, max_bytes))
    else:
        from newsld.article.builder import build
        from newsld.readers import read_article
        # our own block out first, so that a second run reads the same page as the first; a
        # fetched page is named by its canonical link, its address only where it names none
        doc = build(read_article(as_utf8(remove(html, charset=charset), charset), format="html",
                                 url=url, location=page if remote else None))
    doc = own_ids(html, doc, charset=charset)  # beside a CMS plugin's graph: ids of its own
    return html, inject_block(html, doc, charset=charset)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(inject())
