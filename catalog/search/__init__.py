"""Searching the catalogue: the search language (query), the full-text index both
backends keep (fulltext), the words as FTS5 cuts them (fts5_words), ranking (bm25), passages
and snippets (matching), and saved searches (saved)."""
