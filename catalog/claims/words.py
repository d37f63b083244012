"""The words of claims: verdicts and relations, as people and scripts give them, checked.

Loaded without the catalogue, so the command line can check a verdict or a relation before
anything is opened.
"""

#: Verdicts, from a fact-checker's rating scale (schema.org ClaimReview); "unrated" is the default.
VERDICTS = ("unrated", "true", "mostly true", "mixed", "mostly false", "false", "unproven")
#: Relations between two claims; in SYMMETRIC ones the order of the two does not matter.
RELATIONS = ("repeats", "supports", "contradicts", "cites", "debunks")
SYMMETRIC = frozenset({"repeats", "contradicts"})
#: How a relation reads from its source, and from its target.
PHRASES = {
    "repeats": ("repeats", "is repeated by"),
    "supports": ("supports", "is supported by"),
    "contradicts": ("contradicts", "is contradicted by"),
    "cites": ("cites", "is cited by"),
    "debunks": ("debunks", "is debunked by"),
}


class ClaimError(ValueError):
    """A claim or link that cannot be made as asked; the message is for people."""


def check_verdict(verdict: str) -> str:
    tidy = " ".join(verdict.replace("-", " ").replace("_", " ").split()).casefold()
    if tidy not in VERDICTS:
        raise ClaimError(f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}")
    return tidy


def check_relation(relation: str) -> str:
    tidy = relation.strip().casefold()
    if tidy not in RELATIONS:
        raise ClaimError(f"unknown relation {relation!r}; use one of: {', '.join(RELATIONS)}")
    return tidy
