"""Qt models adapting catalog queries to views."""
