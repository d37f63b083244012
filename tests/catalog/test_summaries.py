"""Suggested summaries: sentence splitting, picking central sentences, writing them undoably."""

import random
import threading

import pytest

from catalog.browsing import Filters, filtered_ids
from catalog.db import database
from catalog.editing import ArticleEdit, capture, edit_article, restore
from catalog.importing import import_paths
from catalog.models import Article
from catalog.search import fulltext
from catalog.summaries import sentence_spans, suggest_summaries, suggest_summary
from tests.helpers import article_file

BUDGET = (
    "The finance minister presented the budget with new taxes on Tuesday morning. "
    "Heavy rain fell over the coast for most of the afternoon and evening. "
    "Under the budget the minister raises taxes on fuel and tobacco next year. "
    "Forecasters expect more rain and strong wind along the coast tomorrow. "
    "Opposition leaders said the budget taxes families while the minister protects banks."
)

GREEK = (
    "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία της χώρας σήμερα. "
    "Ο υπουργός οικονομικών είπε ότι τα μέτρα για την οικονομία θα βοηθήσουν τις οικογένειες. "
    "Στην Αθήνα έβρεξε όλη την ημέρα χωρίς διακοπή."
)
RUSSIAN = (
    "Правительство объявило новые меры для экономики страны в понедельник. "
    "Министр финансов сказал, что меры для экономики помогут семьям и бизнесу. "
    "В Москве весь день шёл сильный дождь."
)
FRENCH = (
    "Le ministre a présenté un budget très équilibré à l'Assemblée nationale. "
    "Les députés ont critiqué le budget présenté par le ministre pendant des heures. "
    "Il a neigé à Genève toute la journée d'hier."
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def normalised_sentences(body: str) -> list[str]:
    return [" ".join(sentence.split()) for sentence in sentences(body)]


def assert_made_of_sentences(summary: str, body: str) -> None:
    """``summary`` is some of ``body``'s sentences, in order, joined by single spaces."""
    rest = summary
    for sentence in normalised_sentences(body):
        if rest == sentence:
            return
        if rest.startswith(sentence + " "):
            rest = rest[len(sentence) + 1 :]
    raise AssertionError(f"not made of the article's sentences: {rest!r}")


# --- splitting ---------------------------------------------------------------------


def test_sentences_end_at_marks_before_a_capital_a_quote_or_a_digit():
    text = 'It rained. "Stop!" he said. Why? 12 people left… Then quiet. “Done.” Over'
    assert sentences(text) == [
        "It rained.",
        '"Stop!" he said.',
        "Why?",
        "12 people left…",
        "Then quiet.",
        "“Done.”",
        "Over",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = (
        "Mr. Smith met Dr. Jones in the U.S. Senate. J. K. Rowling wrote it, e.g. Harry. "
        "Room No. 5 was empty. He said no. The end."
    )
    assert sentences(text) == [
        "Mr. Smith met Dr. Jones in the U.S. Senate.",
        "J. K. Rowling wrote it, e.g. Harry.",
        "Room No. 5 was empty.",
        "He said no.",
        "The end.",
    ]


def test_blank_lines_end_a_sentence_and_spaces_are_trimmed():
    text = "  A heading without a stop  \n \n  First line.\nstill the same sentence. Next one\n\n\n"
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == [
        "A heading without a stop",
        "First line.\nstill the same sentence.",
        "Next one",
    ]
    assert all(not text[start].isspace() and not text[end - 1].isspace() for start, end in spans)


def test_lower_case_after_a_stop_or_no_space_does_not_split():
    assert sentences("Prices rose 3.5 per cent. and then fell.Again") == [
        "Prices rose 3.5 per cent. and then fell.Again"
    ]
    assert sentences("") == [] and sentences(" \n\n ") == []


def test_sentences_in_other_scripts():
    assert sentences(RUSSIAN)[2] == "В Москве весь день шёл сильный дождь."
    assert len(sentences(GREEK)) == 3 and len(sentences(FRENCH)) == 3


# --- suggesting ----------------------------------------------------------------------


def test_the_sentences_about_the_main_subject_win_over_an_aside():
    summary = suggest_summary(BUDGET, sentences=2)
    assert "rain" not in summary and summary.count("budget") == 2
    assert_made_of_sentences(summary, BUDGET)


def test_the_lead_sentence_is_kept_when_on_subject_and_order_is_the_articles():
    summary = suggest_summary(BUDGET, sentences=3)
    assert summary == " ".join(normalised_sentences(BUDGET)[i] for i in (0, 2, 4))


def test_suggestions_are_deterministic():
    body = "\n\n".join([BUDGET, FRENCH, BUDGET.replace("budget", "plan")])
    first = suggest_summary(body)
    assert all(suggest_summary(body) == first for _ in range(5))
    assert_made_of_sentences(first, body)


def test_max_words_limits_the_summary_but_one_sentence_always_comes():
    two = suggest_summary(BUDGET, sentences=3, max_words=25)
    assert len(two.split()) == 25 and two.count(".") == 2  # the third would make 38
    one = suggest_summary(BUDGET, sentences=3, max_words=24)
    assert len(one.split()) == 12 and one.count(".") == 1
    tiny = suggest_summary(BUDGET, sentences=3, max_words=3)
    assert tiny in normalised_sentences(BUDGET)


def test_short_sentences_and_duplicates_are_skipped():
    body = (
        "Budget day. The minister said the budget raises taxes. "
        "The minister said the budget raises taxes. Critics said the budget taxes families hard."
    )
    summary = suggest_summary(body, sentences=3)
    assert summary == (
        "The minister said the budget raises taxes. Critics said the budget taxes families hard."
    )


def test_without_shared_words_the_first_sentences_win():
    body = "Apples grow on tall green trees. Rivers carry water down to seas. Engines burn petrol quite fast."
    assert suggest_summary(body, sentences=2) == " ".join(normalised_sentences(body)[:2])


def test_a_run_on_sentence_is_cut_to_a_readable_summary_within_the_limit():
    from catalog import limits

    run_on = " ".join(f"item{n}, and" for n in range(40_000))  # 320,000 characters, no full stop
    summary = suggest_summary(run_on)
    assert summary.endswith(" …") and len(summary.split()) == 91
    assert len(summary) <= limits.SUMMARY.characters
    lead = "The minister said on Tuesday that taxes would fall. " + "Word " * 150 + "ends here."
    assert suggest_summary(lead).startswith("The minister said")  # ordinary long sentences stay whole


def test_empty_and_one_sentence_bodies():
    assert suggest_summary("") == "" and suggest_summary("  \n\n \t") == ""
    assert suggest_summary("  Just   one\n short line  ") == "Just one short line"
    assert suggest_summary("Too short. Also short.") == "Too short."


@pytest.mark.parametrize("body", [GREEK, RUSSIAN, FRENCH])
def test_cyrillic_greek_and_accented_text(body):
    summary = suggest_summary(body, sentences=2)
    assert summary == " ".join(normalised_sentences(body)[:2])  # the off-topic weather is left out


def test_accents_and_case_do_not_split_a_word():
    body = (
        "L'ÉCONOMIE du pays progresse selon le gouvernement cette année. "
        "Il pleuvait beaucoup sur la ville de Lyon hier soir. "
        "Le gouvernement affirme que l'economie du pays progresse vite."
    )
    assert suggest_summary(body, sentences=2) == " ".join(normalised_sentences(body)[::2])


# --- writing -------------------------------------------------------------------------


@pytest.fixture
def news(catalogue, write):
    """Four articles: budget news, French news, a person's summary on Greek news, and no text."""
    write("1.txt", article_file("Budget", BUDGET, header=" date 2022-03-01 Authored by Ann Lee via Daily,"))
    write("2.txt", article_file("Budget FR", FRENCH))
    write("3.txt", article_file("Greek news", GREEK))
    write("4.txt", article_file("Nothing", " "))
    ids = [item.article_id for item in import_paths([write.root]).imported]
    by_title = {Article.get_by_id(i).title: i for i in ids}
    ids = [by_title[title] for title in ("Budget", "Budget FR", "Greek news", "Nothing")]
    edit_article(ids[2], ArticleEdit(summary="Written by a person."))
    return ids


def summaries(ids) -> list[str]:
    return [Article.get_by_id(i).summary for i in ids]


def test_empty_summaries_are_filled_and_a_persons_summary_is_kept(news):
    run = suggest_summaries(news)
    assert (run.filled, run.kept, run.empty, run.unchanged) == (2, 1, 1, 0)
    written = summaries(news)
    assert written[0] == suggest_summary(BUDGET) and written[1] == suggest_summary(FRENCH)
    assert written[2] == "Written by a person." and written[3] == ""
    assert [state.id for state in run.after] == sorted(news[:2])
    assert fulltext.problems() == []


def test_overwrite_replaces_a_persons_summary_and_equal_summaries_are_not_written(news):
    suggest_summaries(news)
    versions = [Article.get_by_id(i).version for i in news]
    run = suggest_summaries(news, overwrite=True)
    assert (run.filled, run.kept, run.empty, run.unchanged) == (1, 0, 1, 2)
    assert summaries(news)[2] == suggest_summary(GREEK)
    assert [Article.get_by_id(i).version for i in news] == [
        versions[0],
        versions[1],
        versions[2] + 1,
        versions[3],
    ]


def test_undo_and_redo(news):
    before = summaries(news)
    states = capture(news)
    run = suggest_summaries(news, overwrite=True)
    after = summaries(news)
    restore(run.before)
    assert summaries(news) == before and capture(news) == states
    assert fulltext.problems() == []
    restore(run.after)
    assert summaries(news) == after
    assert fulltext.problems() == []


def test_the_index_stays_in_step(news):
    suggest_summaries(news)
    assert fulltext.problems() == []
    assert news[0] in filtered_ids(Filters(query="tobacco"))


def test_cancelling_after_the_first_chunk_keeps_it(news):
    asked = []

    def cancelled():
        asked.append(True)
        return len(asked) > 1

    progress = []
    run = suggest_summaries(news, chunk=1, cancelled=cancelled, progress=lambda *a: progress.append(a))
    assert len(asked) == 2 and progress == [(1, 4)]
    assert (run.filled, [state.id for state in run.after]) == (1, [news[0]])
    assert summaries(news)[:2] == [suggest_summary(BUDGET), ""]


def test_progress_is_reported_per_chunk(news):
    progress = []
    suggest_summaries(news, chunk=3, progress=lambda done, total: progress.append((done, total)))
    assert progress == [(3, 4), (4, 4)]


def test_the_order_of_the_ids_does_not_change_the_summaries(news):
    suggest_summaries(news)
    first = summaries(news)
    for i in news[:2]:
        edit_article(i, ArticleEdit(summary=""))
    shuffled = list(news)
    random.Random(7).shuffle(shuffled)
    suggest_summaries(shuffled, chunk=1)
    assert summaries(news) == first


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_summary_another_desk_saves_meanwhile_is_never_overwritten(news, monkeypatch, overwrite):
    """Another desk (its own connection) saves a summary while the suggestions are being worked
    out: theirs stays, and the run counts it as kept rather than filled."""
    from catalog import summaries as module

    suggest = module.suggest_summary
    saved = []

    def another_desk_saves_first(body: str) -> str:
        if not saved:
            saved.append(True)
            desk = threading.Thread(target=_save_summary, args=(news[0], "Theirs, saved a moment ago."))
            desk.start()
            desk.join(timeout=30)
        return suggest(body)

    monkeypatch.setattr(module, "suggest_summary", another_desk_saves_first)
    run = suggest_summaries(news, overwrite=overwrite)
    assert summaries(news)[0] == "Theirs, saved a moment ago."
    assert news[0] not in [state.id for state in run.after]
    assert summaries(news)[1] == suggest(FRENCH)
    assert run.kept == (1 if overwrite else 2)
    assert fulltext.problems() == []


def _save_summary(article_id: int, summary: str) -> None:
    try:
        edit_article(article_id, ArticleEdit(summary=summary))
    finally:
        database.obj.close()  # this thread's own connection


def test_desks_saving_summaries_during_a_long_run_lose_nothing(catalogue, tmp_path):
    """A run over many articles while two desks keep saving summaries: every summary a person
    saved survives (the last one for each article), and the run never fails."""
    from tests.helpers import make_article_files

    make_article_files(tmp_path / "many", 120, paragraphs=3)
    ids = [item.article_id for item in import_paths([tmp_path / "many"], workers=0).imported]
    saved: dict[int, str] = {}
    lock = threading.Lock()

    def desk(name: str, seed: int) -> None:
        chosen = random.Random(seed).sample(ids, 40)
        try:
            for number, article_id in enumerate(chosen):
                with lock:  # what the article's last save wrote, in the order the saves happened
                    edit_article(article_id, ArticleEdit(summary=f"{name}'s summary {number}."))
                    saved[article_id] = f"{name}'s summary {number}."
        finally:
            database.obj.close()

    desks = [threading.Thread(target=desk, args=(name, seed)) for name, seed in (("Ann", 1), ("Bo", 2))]
    for thread in desks:
        thread.start()
    run = suggest_summaries(ids, chunk=10)
    for thread in desks:
        thread.join(timeout=60)
    assert {i: Article.get_by_id(i).summary for i in saved} == saved
    assert run.filled + run.kept + run.unchanged + run.empty == len(ids)
    assert fulltext.problems() == []
