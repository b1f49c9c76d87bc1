"""newsld: news articles to schema.org JSON-LD, and a validator for structured data.

    >>> import newsld
    >>> doc = newsld.extract(open("article.txt", "rb"), url="https://example.com/a")
    >>> report = newsld.validate(doc, profile="google")
    >>> report.valid, [i.code for i in report.issues]
"""
from .errors import InputError, LimitError, NewsldError
from .pipeline import extract

__all__ = ["extract", "validate", "NewsldError", "InputError", "LimitError", "__version__"]
__version__ = "0.1.0"


def validate(doc, *, profile: str = "schema.org"):
    """Validate a JSON-LD document (dict or list) and return a ``Report`` of issues."""
    from .validator import validate as _validate
    return _validate(doc, profile=profile)
