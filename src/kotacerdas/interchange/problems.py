"""Problems found in a region file: a JSON path (``agencies[3].kind``) and a message for planners."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Path = tuple[str | int, ...]

ROOT = "(document)"


def format_path(path: Sequence[str | int]) -> str:
    """``("agencies", 3, "kind")`` → ``agencies[3].kind``; the document itself is ``(document)``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or ROOT


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}"


def sort_problems(problems: Iterable[Problem], key_order: Sequence[str]) -> list[Problem]:
    """Unique problems in the order of the file: top-level keys in ``key_order``, then list positions."""
    rank = {key: i for i, key in enumerate(key_order)}

    def sort_key(problem: Problem):
        parts: list[tuple[int, int, str]] = []
        for depth, part in enumerate(problem.path):
            if isinstance(part, int):
                parts.append((0, part, ""))
            elif depth == 0:
                parts.append((1, rank.get(part, len(rank)), part))
            else:
                parts.append((1, 0, part))
        return parts

    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=sort_key)


class InvalidRegionFile(Exception):
    """The region file cannot be imported; nothing was written.

    ``problems`` is a list of strings ``"<path>: <message>"``, for example
    ``agencies[3].kind: 'dinass' is not one of ['sekretariat', 'dinas', ...]``.
    """

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        count = len(self.problems)
        super().__init__(
            f"{count} masalah di berkas daerah / problems in the region file:\n" + "\n".join(problems)
        )
