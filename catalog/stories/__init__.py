"""Stories: the copies and republications of an article, and where it first appeared.

Two articles are *copies* when most of the shorter one's text is in the longer one: at least
``THRESHOLD`` of its word shingles (runs of five words, compared after the boilerplate a
republisher adds is set aside and case, quotes and line breaks are folded: ``text``). A *story*
is a group of copies; its *first appearance* is its earliest dated article.

- ``text``: boilerplate (headers, lead-ins, footers, "Related:" lines) and comparable words;
- ``sketch``: shingles, containment, and the small sketch each article keeps for the index;
- ``detection``: copies found as articles come in (the import calls ``detect_new``), after a
  text changes (``detect_articles``), around a deletion (``story_mates`` then ``regroup``);
- ``grouping``: stories from scored pairs and a person's choices; ``groups_at`` redraws them
  at another threshold without writing;
- ``rebuilding``: every story found afresh (schema upgrade, ``catalog copies --rebuild``);
- ``store``: stories as people see them, and splitting and joining them (undoable).
"""

from catalog.stories.detection import detect_articles, detect_new, regroup, sketch_of, story_mates
from catalog.stories.grouping import THRESHOLD, groups_at
from catalog.stories.rebuilding import rebuild
from catalog.stories.store import (
    Copy,
    Story,
    StoryConflict,
    StoryDecision,
    StoryHeading,
    all_choices,
    choices_of,
    copy_counts,
    join_stories,
    redo_decision,
    restore_choices,
    split_article,
    stories,
    stories_with_copies,
    story_number,
    story_of,
    undo_decision,
)
from catalog.stories.text import Boilerplate, boilerplate_spans, comparable_words, without_boilerplate

__all__ = [
    "THRESHOLD",
    "Boilerplate",
    "Copy",
    "Story",
    "StoryConflict",
    "StoryDecision",
    "StoryHeading",
    "all_choices",
    "boilerplate_spans",
    "choices_of",
    "comparable_words",
    "copy_counts",
    "detect_articles",
    "detect_new",
    "groups_at",
    "join_stories",
    "rebuild",
    "redo_decision",
    "regroup",
    "restore_choices",
    "sketch_of",
    "split_article",
    "stories",
    "stories_with_copies",
    "story_mates",
    "story_number",
    "story_of",
    "undo_decision",
    "without_boilerplate",
]
