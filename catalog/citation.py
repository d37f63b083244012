"""A plain-text citation of an article, as a person pastes it into notes or an e-mail."""

from catalog.articles import ArticleRow


def citation(article: ArticleRow) -> str:
    """``Authors. “Title.” Outlet, date.``: what is known of the article, in that order;
    authors and outlet are left out when unknown, an unknown date says ``n.d.``.

    >>> citation(ArticleRow(1, "Drones over Kyiv", "Reuters", ("Ann Lee", "Bo Kim"), "2022-06-29", ()))
    'Ann Lee and Bo Kim. “Drones over Kyiv.” Reuters, 2022-06-29.'
    """
    title = " ".join(article.title.split()) or "Untitled"
    if title[-1] not in ".?!":
        title += "."
    parts = []
    if article.authors:
        parts.append(f"{_names(article.authors)}.")
    parts.append(f"“{title}”")
    where = ", ".join(part for part in (article.outlet, article.date or "n.d.") if part)
    parts.append(where if where.endswith(".") else f"{where}.")
    return " ".join(parts)


def _names(authors: tuple[str, ...]) -> str:
    names = [" ".join(name.split()) for name in authors]
    if len(names) > 3:  # as the style guides do: the first, then "et al."
        return f"{names[0]} et al"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"
