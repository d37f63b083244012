"""What a change finds when another desk got there first: fields both changed, and undo or redo
steps that cannot be made as things are now.

Undo and redo are checked like saves: a step puts back only the fields it changed, and only
where each still holds what the step wrote. A field someone else changed since is a clash
(``StepClash``), resolved by choosing per field (``Choices``) and making the step again.
"""

from collections.abc import Mapping
from dataclasses import dataclass

#: A choice per clash, by ``FieldConflict.key``: True makes the step anyway (overwriting
#: theirs), False keeps theirs. A clash without a choice raises StepClash again.
Choices = Mapping[str, bool]


@dataclass(frozen=True)
class FieldConflict:
    """A field someone else changed too: as it was, as they saved it, as this change has it."""

    name: str  #: an article object key (title, date, outlet, authors, …) or a claim's field
    base: object
    theirs: object
    mine: object
    #: The article, claim or link the field belongs to, when a step changed several; None for
    #: the one article (or claim) an editor is saving.
    owner: int | None = None
    owner_title: str = ""  #: how people know the owner: an article's title, a claim's text

    @property
    def key(self) -> str:
        return self.name if self.owner is None else f"{self.owner}:{self.name}"


class StepRefused(Exception):
    """An undo or redo that cannot be made as things are now; nothing was changed. The message
    says why, for people."""


class StepGone(StepRefused):
    """Everything the step changed is gone (deleted by someone else): nothing is left to undo or
    redo, so the step can be dropped."""


class StepClash(StepRefused):
    """Someone else changed what the step would overwrite: ``fields`` names each clash. Choose
    per field (``Choices``) and make the step again; nothing was changed meanwhile."""

    def __init__(self, message: str, fields: tuple[FieldConflict, ...], *, kind: str, title: str):
        super().__init__(message)
        self.fields = fields
        self.kind = kind  #: "article", "claim" or "link": what the dialog talks about
        self.title = title  #: the article's title (or claim's text), or "3 articles"


def decided(choices: Choices | None, conflict: FieldConflict) -> bool | None:
    """The choice made for this clash: True (make the step anyway), False (keep theirs) or None."""
    return None if choices is None else choices.get(conflict.key)


def clash_message(conflicts: list[FieldConflict], what: str) -> str:
    """``someone else changed the title, summary of “Budget day” since``: one line for people."""
    names = ", ".join(dict.fromkeys(c.name.replace("_", " ") for c in conflicts))
    owners = list(dict.fromkeys(c.owner_title for c in conflicts if c.owner_title))
    where = (
        f" of “{_short(owners[0])}”" if len(owners) == 1 else f" of {len(owners)} {what}s" if owners else ""
    )
    return f"someone else changed the {names}{where} since"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
