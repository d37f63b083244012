"""Stories from pairs: articles joined by copy pairs (at or over the threshold) and by a
person's "together", never across a person's "apart".

The pairs are merged strongest first, after the hand-made joins, and a merge that would put two
articles a person split apart into one story is skipped; so the groups follow from the stored
pairs and choices alone, the same on every desk and after every re-detection.
"""

from collections.abc import Iterable

from catalog.db import database

#: Two articles are copies when this much of the shorter one's text is in the longer one
#: (the containment of its word shingles): measured on real text in benchmarks/bench_copies.py.
THRESHOLD = 0.7


class _Groups:
    def __init__(self, apart: Iterable[tuple[int, int]]):
        self.parent: dict[int, int] = {}
        self.apart: dict[int, set[int]] = {}
        for one, other in apart:
            self.apart.setdefault(one, set()).add(other)
            self.apart.setdefault(other, set()).add(one)
        self.members: dict[int, set[int]] = {}

    def find(self, item: int) -> int:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            parent = self.parent[item] = self.find(parent)
        return parent

    def _members(self, root: int) -> set[int]:
        return self.members.setdefault(root, {root})

    def join(self, one: int, other: int) -> None:
        first, second = self.find(one), self.find(other)
        if first == second:
            return
        ones, others = self._members(first), self._members(second)
        if len(ones) > len(others):
            first, second, ones, others = second, first, others, ones
        if any(self.apart.get(member, set()) & others for member in ones):
            return
        self.parent[first] = second
        others |= ones
        del self.members[first]

    def groups(self) -> list[list[int]]:
        """The groups of two or more, each sorted, in the order of their smallest id."""
        return sorted(sorted(members) for members in self.members.values() if len(members) > 1)


def group(
    pairs: Iterable[tuple[int, int, float]],
    together: Iterable[tuple[int, int]],
    apart: Iterable[tuple[int, int]],
    threshold: float = THRESHOLD,
) -> list[list[int]]:
    """Stories (groups of two or more) from scored pairs and a person's choices."""
    groups = _Groups(apart)
    for one, other in together:
        groups.join(one, other)
    strongest_first = sorted(pairs, key=lambda pair: (-pair[2], pair[0], pair[1]))
    for one, other, score in strongest_first:
        if score >= threshold:
            groups.join(one, other)
    return groups.groups()


def groups_at(threshold: float = THRESHOLD) -> list[list[int]]:
    """The catalogue's stories as they would be at ``threshold``, from its stored pairs and
    choices, without writing anything (benchmarks draw the threshold's curve with it)."""
    pairs = database.execute_sql('SELECT "first", "second", "score" FROM "story_pair"').fetchall()
    together, apart = choices()
    return group(pairs, together, apart, threshold)


def choices(among: set[int] | None = None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A person's joins and splits: (together pairs, apart pairs), all or those within ``among``."""
    together, apart = [], []
    rows = database.execute_sql('SELECT "first", "second", "together" FROM "story_choice"').fetchall()
    for one, other, joined in rows:
        if among is not None and (one not in among or other not in among):
            continue
        (together if joined else apart).append((one, other))
    return together, apart
