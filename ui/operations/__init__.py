"""Operations: what a person asks of the catalogue, from any pane or menu.

Each is a keyword-only function taking the session and the widget asking (for its dialogs).
It checks that the catalogue can be written now, makes one catalog call, pushes one named
undo step on the session's stack and announces one ``catalog.changes.Change``; a refusal,
a conflict or a bad value is said in words and nothing is saved. ``undo_stack.push`` is
written nowhere else.
"""
