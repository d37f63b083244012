"""Peewee models of the catalogue: articles, their names (outlets, authors, topics) and claims."""

import datetime

from peewee import (
    CharField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from catalog.db import database


def utc_now() -> datetime.datetime:
    """Timestamps are stored as naive UTC, the same on SQLite and PostgreSQL."""
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class NamedModel(BaseModel):
    """A name users type: shown as first written, unique by its case-folded ``key``."""

    name = TextField()
    key = TextField(unique=True)


class Outlet(NamedModel):
    pass


class Author(NamedModel):
    pass


class Topic(NamedModel):
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")


class Article(BaseModel):
    # Column order matters in SQLite: the body is last (schema 6), so reading any other column
    # never walks through its overflow pages.
    title = TextField(index=True)
    date = DateField(null=True, index=True)  #: the first day of a partial date
    date_precision = CharField(max_length=5, null=True)  #: "year", "month", "day"; NULL is "day"
    outlet = ForeignKeyField(Outlet, null=True, backref="articles", on_delete="SET NULL")
    summary = TextField(default="")
    notes = TextField(default="")
    source_path = TextField(null=True)
    content_hash = CharField(max_length=64, unique=True)  #: catalog.fingerprints: of the body
    imported_at = DateTimeField(default=utc_now, index=True)
    updated_at = DateTimeField(default=utc_now, index=True)
    version = IntegerField(default=1)
    body = TextField(default="")


class EarlierFingerprint(BaseModel):
    """A fingerprint an article's text had before (an older release's file hash, a text since
    corrected): a file bringing that text again is a duplicate of the article (schema 13)."""

    article = ForeignKeyField(Article, backref="earlier_fingerprints", on_delete="CASCADE")
    fingerprint = CharField(max_length=64, index=True)

    class Meta:
        primary_key = CompositeKey("article", "fingerprint")


class ArticleUrl(BaseModel):
    """The web address an article came from (schema 17): a page's canonical URL, a feed
    item's link, a web archive record's URL. Apart from ``article``, whose body comes last."""

    article = ForeignKeyField(
        Article, primary_key=True, column_name="article", backref="url_row", on_delete="CASCADE"
    )
    url = TextField()


class ArticleAuthor(BaseModel):
    """An author of an article; ``position`` keeps the by-line's order."""

    article = ForeignKeyField(Article, backref="author_links", on_delete="CASCADE")
    author = ForeignKeyField(Author, backref="article_links", on_delete="CASCADE", index=True)
    position = IntegerField(default=0)

    class Meta:
        primary_key = CompositeKey("article", "author")


class ArticleTopic(BaseModel):
    article = ForeignKeyField(Article, backref="topic_links", on_delete="CASCADE")
    topic = ForeignKeyField(Topic, backref="article_links", on_delete="CASCADE", index=True)

    class Meta:
        primary_key = CompositeKey("article", "topic")


class Claim(BaseModel):
    """A statement an article makes, anchored to ``start``..``end`` of its body."""

    article = ForeignKeyField(Article, backref="claims", on_delete="CASCADE")
    text = TextField()
    start = IntegerField()
    end = IntegerField()
    claimant = TextField(null=True, index=True)
    claim_date = DateField(null=True, index=True)
    verdict = CharField(max_length=20, default="unrated", index=True)
    explanation = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField(default=utc_now)
    updated_at = DateTimeField(default=utc_now, index=True)


class ClaimLink(BaseModel):
    """A typed relation from one claim to another (repeats, supports, contradicts, ...)."""

    source = ForeignKeyField(Claim, backref="links_out", on_delete="CASCADE")
    target = ForeignKeyField(Claim, backref="links_in", on_delete="CASCADE")
    relation = CharField(max_length=20, index=True)
    note = TextField(default="")
    created_at = DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("source", "target", "relation"), True),)


class CatalogueOption(BaseModel):
    """One option of the catalogue (catalog.options)."""

    key = CharField(max_length=64, primary_key=True)
    value = TextField()


class SavedSearch(BaseModel):
    """A named search (query and sidebar filters) shown in the sidebar, always up to date."""

    name = TextField()
    key = TextField(unique=True)
    query = TextField(default="")
    filters = TextField(default="{}")  #: JSON: outlet_ids, author_ids, topic_ids, years
    created_at = DateTimeField(default=utc_now)


class StoryMember(BaseModel):
    """An article in a story of two or more copies (catalog.stories); the story's number is
    its smallest article id. The sketches, pairs and choices behind it are plain SQL tables
    (migration 0016), read and written by catalog.stories alone."""

    article = ForeignKeyField(
        Article, primary_key=True, column_name="article", backref="story_member", on_delete="CASCADE"
    )
    story = IntegerField(index=True)


#: Every table, in an order that creates referenced tables first.
ALL_MODELS = (
    Outlet,
    Author,
    Topic,
    Article,
    EarlierFingerprint,
    ArticleAuthor,
    ArticleTopic,
    Claim,
    ClaimLink,
    SavedSearch,
    CatalogueOption,
    StoryMember,
    ArticleUrl,
)
