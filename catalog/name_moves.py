"""Where a name went when a merge, or the undoing of one, took it out of the catalogue: what a
filter on it follows (the window's sidebar keeps showing the same articles under their new name).
"""

from catalog.names_admin import KINDS, NameChange


def moved_to(change: NameChange, kind: str, name_id: int) -> list[int]:
    """The ids of the names that, by ``change`` as the catalogue stands now, hold the articles
    name ``name_id`` of ``kind`` held: the name it was merged into, or the names a merge into a
    new name was made of once it is undone. Empty when the name is still there (only its
    articles went: nothing to follow) or ``change`` did not move it."""
    model = KINDS[kind]
    if change.kind != kind or model.get_or_none(model.id == name_id) is not None:
        return []
    removed = {row["id"]: row for row in change.removed}
    if name_id in removed and change.into_id is not None:  # merged away
        target = _joined(change, removed, name_id)
        return [target] if target is not None else []
    if name_id == change.created_id:  # a merge into a new name, undone: the names are back
        return [row.id for row in model.select(model.id).where(model.id.in_(list(removed)))]
    return []


def _joined(change: NameChange, removed: dict[int, dict], name_id: int) -> int | None:
    """The name ``name_id`` joined: the merge's target, or for a sub-topic of a merged topic
    the topic at its new place under the target (``Politics/Elections`` merged with
    ``Politics`` into ``Government`` joined ``Government/Elections``)."""
    model = KINDS[change.kind]
    into = model.get_or_none(model.id == change.into_id)
    if into is None:
        return None
    path = removed[name_id]["name"]
    parents = [row["name"] for row in removed.values() if path.startswith(row["name"] + "/")]
    if change.kind != "topic" or not parents:
        return into.id
    top = min(parents, key=len)  # the merged topic it was under
    moved = model.get_or_none(model.key == (into.name + path[len(top) :]).casefold())
    return moved.id if moved is not None else None
