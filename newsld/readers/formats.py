"""The registries of what newsld reads: input formats (and the file extensions that name them)
and the structured-data syntaxes of HTML pages. The CLI's choices, batch's file walk and the
fuzzer read them from here, so a new format or syntax is added in one place."""
from __future__ import annotations

FORMATS = ("auto", "text", "markdown", "html", "json")  # --from for one article ("auto": sniffed)
EXTENSION_FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                     ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json",
                     ".jsonld": "json"}

SYNTAXES = ("json-ld", "microdata", "opengraph", "microformat", "rdfa", "dublincore")  # --syntax
DEFAULT_SYNTAXES = ("json-ld", "microdata", "opengraph")  # what extract reads without --syntax
