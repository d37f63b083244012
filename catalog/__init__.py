"""Catalog: a catalogue of news articles, scriptable without a display."""

__version__ = "0.1.0"

from catalog import pg_driver

pg_driver.defer()
