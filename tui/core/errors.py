"""Provides the project's input errors: one line, naming the file and the problem."""

from __future__ import annotations


class InputError(Exception):
    """Bad input from the user: a file, a folder or an option we cannot use.

    `str()` is one line, `<path>: <problem>`; the CLI prints it after `sidebyside: ` and exits
    with code 2, the app shows it as a notification.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        """The file, folder or option at fault, as the user gave it."""
        self.problem = problem
        """What is wrong with it, in a few words, lower case."""

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        """Pickle as (path, problem): the launch's loading process sends errors to the app."""
        return (type(self), (self.path, self.problem))

    def __str__(self) -> str:
        text = f"{self.path}: {self.problem}"
        return " ".join(text.split())


class MissingInput(InputError):
    """A path that does not exist, or a folder with no supported files."""


class UnreadableInput(InputError):
    """A file we may not read (permissions), a symlink loop, a device."""


class EmptyInput(InputError):
    """A file with no text, or only whitespace."""


class BinaryInput(InputError):
    """A file that is not text: NUL bytes or bytes no supported encoding decodes."""


class TooLargeInput(InputError):
    """A file over the size limit (`--max-bytes`)."""


class MalformedInput(InputError):
    """A file in a supported format that cannot be parsed (bad JSON sidecar, bad HTML)."""


class UsageError(InputError):
    """A command-line option or combination that cannot work (unknown reference id...)."""


class DuplicateInput(InputError):
    """A path given twice (or a file also reached through a named folder): loaded once.

    Not an error: load_collection() reports it in Collection.notices.
    """


class InputErrors(InputError):
    """Several inputs failed: each error is kept, so every failing file is named.

    It reads as its last error; `errors` holds them all, in input order (the CLI prints one
    line each).
    """

    def __init__(self, errors: tuple[InputError, ...]) -> None:
        last = errors[-1]
        super().__init__(last.path, last.problem)
        self.errors = errors
        """Every error, in input order."""

    def __reduce__(self) -> tuple[type[InputErrors], tuple[tuple[InputError, ...]]]:  # type: ignore[override]
        """Pickle as the errors (the launch's loading process sends them to the app)."""
        return (type(self), (self.errors,))
