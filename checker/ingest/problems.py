"""The one exception type loaders raise internally; read_inputs turns it into an InputProblem."""
from __future__ import annotations

from checker.model import InputProblem


class InputError(Exception):
    """A reason an input cannot be read, with the InputProblem code it maps to."""

    def __init__(self, reason: str, code: str = "input", line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.line = line

    def problem(self, path: str) -> InputProblem:
        """The InputProblem reported for ``path``."""
        return InputProblem(path=path, reason=self.reason, code=self.code, line=self.line)
