"""newsld's own exception types: everything a caller needs to catch."""


class NewsldError(Exception):
    """Base class: bad input, limits, usage. The CLI turns it into exit 2."""


class InputError(NewsldError):
    """The input cannot be read as an article or a document (empty, binary, undecodable...)."""


class LimitError(InputError):
    """The input exceeds a configured limit (size, nesting depth)."""
