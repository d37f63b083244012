"""The corpus generator of benchmarks/bench_copies.py makes what it says, from real text."""

import re
from itertools import combinations

import pytest

from benchmarks.copy_generator import FOOTERS, LEAD_INS, RELATED, Truth, generate
from catalog.fingerprints import fingerprint
from catalog.importing.article_text import parse_article
from tests.story_texts import COPY_PLANS, SOURCES, copies_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("copies")
    return folder, copies_corpus(folder)


@pytest.fixture(scope="module")
def random_corpus(tmp_path_factory):
    """Copies with changes drawn at random, as the benchmark makes them."""
    folder = tmp_path_factory.mktemp("random")
    return folder, generate(folder, 24, seed=11, sources=SOURCES, follow_ups=3)


@pytest.fixture(params=["corpus", "random_corpus"])
def any_corpus(request):
    return request.getfixturevalue(request.param)


def read(folder, name):
    return parse_article((folder / name).read_text(encoding="utf-8"))


def paragraphs(article) -> list[str]:
    """The body's paragraphs with their line wrapping and spacing undone."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", article.body) if p.strip()]


def original_of(truth: Truth, name: str) -> str:
    return truth.first[truth.group[name]]


def copies_with(truth: Truth, *kinds: str) -> list[str]:
    return [name for name, done in truth.kinds.items() if set(done) == set(kinds)]


def test_every_file_is_in_the_truth_and_every_body_differs(any_corpus):
    folder, truth = any_corpus
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.txt"))
    assert files == sorted(truth.group)
    bodies = [fingerprint(read(folder, name).body) for name in files]
    assert len(set(bodies)) == len(bodies)


def test_a_group_is_an_original_and_its_later_or_undated_copies(any_corpus):
    folder, truth = any_corpus
    for group, names in truth.members().items():
        roles = sorted(truth.role[name] for name in names)
        first = truth.first[group]
        if len(names) == 1:
            assert roles in (["follow-up"], ["original"], ["templated"])
            assert first == names[0]
            continue
        assert roles == ["copy"] * (len(names) - 1) + ["original"]
        assert truth.role[first] == "original"
        first_date = read(folder, first).date
        assert first_date is not None
        for name in names:
            if name != first:
                date = read(folder, name).date
                assert date is None or date > first_date, name


def test_every_kind_of_change_is_made(corpus):
    _folder, truth = corpus
    made = {kind for kinds in truth.kinds.values() for kind in kinds}
    assert made == {kind for plan in COPY_PLANS for kind in plan}
    assert len(truth.kinds) == len(COPY_PLANS)


def test_an_excerpt_is_the_first_paragraphs_and_a_read_more_line(corpus):
    folder, truth = corpus
    [name] = copies_with(truth, "excerpt")
    excerpt, original = paragraphs(read(folder, name)), paragraphs(read(folder, original_of(truth, name)))
    *kept, read_more = excerpt
    assert 2 <= len(kept) < len(original)
    assert kept == original[: len(kept)]
    assert re.fullmatch(r"Read the rest at https://\S+", read_more)


def test_the_copies_carry_each_change(corpus):
    folder, truth = corpus

    def copy_and_original(kind):
        [name] = copies_with(truth, kind)
        return read(folder, name), read(folder, original_of(truth, name))

    copy, original = copy_and_original("drop-last")
    assert paragraphs(copy) == paragraphs(original)[:-1]
    copy, original = copy_and_original("lead-in")
    assert paragraphs(copy)[1:] == paragraphs(original)
    assert any(paragraphs(copy)[0] == form.format(outlet=original.outlet) for form in LEAD_INS)
    copy, original = copy_and_original("footer")
    assert paragraphs(copy)[:-1] == paragraphs(original)
    assert any(
        paragraphs(copy)[-1] == form.format(outlet=copy.outlet, year=copy.date.year) for form in FOOTERS
    )
    copy, original = copy_and_original("related")
    openings = tuple(form.split("{")[0] for form in RELATED)
    related = [p for p in paragraphs(copy) if p.startswith(openings)]
    assert len(related) == 1 and [p for p in paragraphs(copy) if p not in related] == paragraphs(original)
    copy, original = copy_and_original("byline")
    assert copy.outlet != original.outlet
    bylined = paragraphs(copy)[1:] == paragraphs(original)
    datelined = paragraphs(copy)[1:] == paragraphs(original)[1:] and paragraphs(copy)[0].endswith(
        paragraphs(original)[0]
    )
    assert bylined or datelined
    for kind in ("wrapping", "whitespace"):
        copy, original = copy_and_original(kind)
        assert copy.body != original.body and paragraphs(copy) == paragraphs(original)
    copy, original = copy_and_original("quotes")
    assert copy.body != original.body
    assert copy.body.translate(str.maketrans("“”‘’", "\"\"''")) == original.body.translate(
        str.maketrans("“”‘’", "\"\"''")
    )
    copy, original = copy_and_original("words")
    changed = [
        (a, b)
        for ours, theirs in zip(paragraphs(copy), paragraphs(original), strict=True)
        for a, b in zip(ours.split(), theirs.split(), strict=True)
        if a != b
    ]
    assert 1 <= len(changed) <= 5


def test_undated_copies_have_no_header_and_changed_headlines_show(corpus):
    folder, truth = corpus
    undated = [name for name, kinds in truth.kinds.items() if "undated" in kinds]
    assert undated and all(read(folder, name).date is None for name in undated)
    for name in (name for name, kinds in truth.kinds.items() if "headline" in kinds):
        copy, original = read(folder, name), read(folder, original_of(truth, name))
        assert copy.title != original.title
        assert copy.title == original.title.upper() or not copy.title.isupper()


def test_a_follow_up_holds_exactly_the_paragraphs_it_quotes(any_corpus):
    folder, truth = any_corpus
    assert len(truth.follow_ups) in (2, 3)
    for follow_up, quoted in truth.follow_ups:
        own, theirs = paragraphs(read(folder, follow_up)), paragraphs(read(folder, quoted))
        shared = [p for p in own if p in theirs]
        assert 1 <= len(shared) <= 2
        assert len(own) >= len(shared) + 4  # several paragraphs of its own around the quote


def test_no_two_originals_share_a_paragraph(corpus):
    folder, truth = corpus
    texts = {
        name: set(paragraphs(read(folder, name))) for name, role in truth.role.items() if role == "original"
    }
    follow_ups = {name: set(paragraphs(read(folder, name))) for name, _ in truth.follow_ups}
    for a, b in combinations(texts, 2):
        assert not texts[a] & texts[b]
    for name, quoted in truth.follow_ups:
        for original, text in texts.items():
            if original != quoted:
                assert not follow_ups[name] & text


def test_templated_reports_share_the_form_and_differ_in_its_slots(corpus):
    folder, truth = corpus
    assert truth.templated
    for batch in truth.templated:
        assert 2 <= len(batch) <= 3
        assert len({truth.group[name] for name in batch}) == len(batch)  # singletons, not one story
        for a, b in combinations(batch, 2):
            one, other = read(folder, a), read(folder, b)
            words, others = one.body.split(), other.body.split()
            assert one.title != other.title
            common = set(zip(words, words[1:], words[2:], strict=False)) & set(
                zip(others, others[1:], others[2:], strict=False)
            )
            assert common, "the same template"
            assert sum(x != y for x, y in zip(words, others, strict=False)) >= 8, "other slots"


def test_the_same_seed_writes_the_same_corpus(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert copies_corpus(one, seed=3) == copies_corpus(two, seed=3)
    assert [p.read_bytes() for p in sorted(one.rglob("*.txt"))] == [
        p.read_bytes() for p in sorted(two.rglob("*.txt"))
    ]


def test_originals_made_from_reused_text_do_not_collide(tmp_path):
    """Far more originals than the real text has paragraphs: reused sentences are cut and varied,
    so two originals never come near sharing most of their text."""
    truth = generate(tmp_path, 60, sources=SOURCES, follow_ups=0)
    texts = {}
    for name, role in truth.role.items():
        if role == "original":
            words = read(tmp_path, name).body.split()
            texts[name] = set(zip(words, words[1:], words[2:], words[3:], words[4:], strict=False))
    worst = max(
        len(texts[a] & texts[b]) / min(len(texts[a]), len(texts[b])) for a, b in combinations(texts, 2)
    )
    assert (
        worst < 0.4
    )  # a copy keeps most of its text; an excerpt at least 30 % of the paragraphs, all of them its own


def test_the_truth_reads_back_from_json(corpus):
    _folder, truth = corpus
    again = Truth.from_json(truth.to_json())
    assert again == truth
    assert again.copy_pairs() == truth.copy_pairs()
