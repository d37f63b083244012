"""Operations: what a person asks of the catalogue, from any pane or menu.

Each is a keyword-only function taking the session and the widget asking (for its dialogs).
It checks on the GUI thread that the catalogue can be written now, and hands one catalog call
to the session's writer (``session.write``), in the order asked. When the call comes back, on
the GUI thread, it pushes one named undo step on the session's stack and announces one
``catalog.changes.Change``; a refusal, a conflict or a bad value is said in words and nothing
is saved or pushed. An operation returns whether the write was asked for; its ``done``
callback hears how it ended (the claim marked, the articles changed …). ``undo_stack.push``
is written nowhere else.
"""

from collections.abc import Callable

#: What an operation's asker hears once the write ended (the claim marked, how many changed …).
Done = Callable[[object], None]


def nothing(_result) -> None:
    """What ``done`` does when the asker needs no word of the end."""
