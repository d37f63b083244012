"""Schema version 1: articles, outlets, authors, topics, claims and claim links."""

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


def up(migrator, db):
    # Frozen copies of the version-1 tables: later changes to catalog.models must not
    # change what this step creates.
    now = datetime.datetime.utcnow

    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Named(Base):
        name = TextField()
        key = TextField(unique=True)

    class Outlet(Named):
        pass

    class Author(Named):
        pass

    class Topic(Named):
        parent = ForeignKeyField("self", null=True, on_delete="SET NULL")

    class Article(Base):
        title = TextField(index=True)
        body = TextField(default="")
        date = DateField(null=True, index=True)
        outlet = ForeignKeyField(Outlet, null=True, on_delete="SET NULL")
        summary = TextField(default="")
        notes = TextField(default="")
        source_path = TextField(null=True)
        content_hash = CharField(max_length=64, unique=True)
        imported_at = DateTimeField(default=now, index=True)
        updated_at = DateTimeField(default=now, index=True)
        version = IntegerField(default=1)

    class ArticleAuthor(Base):
        article = ForeignKeyField(Article, on_delete="CASCADE")
        author = ForeignKeyField(Author, on_delete="CASCADE", index=True)
        position = IntegerField(default=0)

        class Meta:
            primary_key = CompositeKey("article", "author")

    class ArticleTopic(Base):
        article = ForeignKeyField(Article, on_delete="CASCADE")
        topic = ForeignKeyField(Topic, on_delete="CASCADE", index=True)

        class Meta:
            primary_key = CompositeKey("article", "topic")

    class Claim(Base):
        article = ForeignKeyField(Article, on_delete="CASCADE")
        text = TextField()
        start = IntegerField()
        end = IntegerField()
        claimant = TextField(null=True, index=True)
        claim_date = DateField(null=True, index=True)
        verdict = CharField(max_length=20, default="unrated", index=True)
        explanation = TextField(default="")
        notes = TextField(default="")
        created_at = DateTimeField(default=now)
        updated_at = DateTimeField(default=now, index=True)

    class ClaimLink(Base):
        source = ForeignKeyField(Claim, on_delete="CASCADE")
        target = ForeignKeyField(Claim, on_delete="CASCADE")
        relation = CharField(max_length=20, index=True)
        note = TextField(default="")
        created_at = DateTimeField(default=now)

        class Meta:
            indexes = ((("source", "target", "relation"), True),)

    db.create_tables([Outlet, Author, Topic, Article, ArticleAuthor, ArticleTopic, Claim, ClaimLink])
