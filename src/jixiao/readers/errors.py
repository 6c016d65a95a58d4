"""Located read errors: every message names the file and, where it applies, the place in it."""

from __future__ import annotations

from jixiao.domain.model import Where


class ReadError(Exception):
    """Unreadable input. `str()` is a complete Chinese message for the user."""

    def __init__(self, path: str, message: str, where: Where | None = None) -> None:
        self.path = path
        self.message = message
        self.where = where or Where()
        super().__init__(self.render())

    def render(self) -> str:
        place = self.where.describe()
        return f"{self.path}：{place + '：' if place else ''}{self.message}"
