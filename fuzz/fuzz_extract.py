"""atheris fuzz target: newsld.extract (every input format) + validate, and validate_json_text.

Any input must give a JSON-serialisable document and a report, or raise newsld.NewsldError;
any other exception is a bug and atheris reports it with the input that caused it.

    pip install atheris
    python fuzz/fuzz_extract.py -atheris_runs=100000 fuzz/corpus          # a bounded run
    python fuzz/fuzz_extract.py -max_total_time=3600 -timeout=20 -rss_limit_mb=4096 fuzz/corpus

The module imports without atheris (tests import it and run ``check`` on a few inputs), and
``python fuzz/fuzz_extract.py`` says how to install it when it is missing."""
from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from newsld.readers.formats import FORMATS  # noqa: E402  (after the path above)
PROFILES = ("schema.org", "google")


def check(data: bytes) -> None:
    """One fuzz input: the first byte picks the format and profile, the rest is the article."""
    import newsld
    from newsld.validator import validate_json_text

    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    profile = PROFILES[(data[0] >> 4) & 1]
    body = data[1:]
    try:
        doc = newsld.extract(body, format=fmt)
    except newsld.NewsldError:
        doc = None
    if doc is not None:
        json.dumps(doc, allow_nan=False)
        report = newsld.validate(doc, profile=profile)
        json.dumps([i.to_dict() for i in report.issues])
        from newsld.io.output import line, script_json
        # the same values as the NDJSON line (both put U+FFFD for a lone surrogate)
        assert json.loads(script_json(doc)) == json.loads(line(doc))
    try:
        text = body.decode("utf-8", "replace")
        parsed, report = validate_json_text(text, profile=profile)
        json.dumps([i.to_dict() for i in report.issues])
    except newsld.NewsldError:
        pass


def main(argv=None) -> int:
    try:
        import atheris
    except ImportError:
        print("fuzz_extract: atheris is not installed: pip install atheris "
              "(needs a clang/libFuzzer toolchain on some platforms)", file=sys.stderr)
        return 2
    with atheris.instrument_imports():
        import newsld  # noqa: F401
        import newsld.readers.html  # noqa: F401
        import newsld.readers.text  # noqa: F401
        import newsld.validator  # noqa: F401
    atheris.Setup(list(argv or sys.argv), check)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
