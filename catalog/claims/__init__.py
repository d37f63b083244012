"""Claims marked in articles: marking, editing and linking them (store), finding their
text again after an edit (anchoring), suggesting links (suggestions), and their words:
verdicts, relations (words)."""
