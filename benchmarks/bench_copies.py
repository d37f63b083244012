"""Copy detection: how well stories group copies, and what detection costs at import.

    python benchmarks/bench_copies.py [--articles N | --originals N] [--json] [--keep FOLDER]

Generates a corpus of copies from real articles (``copy_generator.py``: the Lee corpus, 2,000
originals and their copies, follow-ups and templated reports by default, about 4,900 files;
``--articles 20000`` for about that many files), then, as a user would, in child processes:

1. ``catalog import FOLDER`` with ``CATALOG_STORIES=off`` (the import without detection), then
   the same import with detection into another catalogue: the time of each, their ratio
   (target: at most 1.15) and each process's peak memory (target: under 300 MB);
2. ``catalog copies --json`` and ``catalog list --json`` (ids to file names), scored against
   the generator's truth: pairwise precision and recall (pairs of files put in one story vs
   pairs that are copies; targets 0.99 and 0.97), follow-ups grouped with the article they
   quote and templated reports grouped together (target 0 for both), the share of stories whose
   first appearance is the original, and the recall of each kind of change;
3. ``catalog copies --rebuild``: the full rebuild's time and peak memory (target: under 60 s
   at 100,000 articles), and whether it finds the same stories as the import;
4. the threshold's precision/recall curve, 0.30 to 0.95, from ``catalog.stories.groups_at``
   (regroups from the stored pair scores, writes nothing), drawn after the rebuild: an import
   does not compare a candidate already in the story an article has just joined, the rebuild
   compares every candidate pair.

Prints plain lines, or one JSON object with ``--json``.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.copy_generator import KINDS, Truth, generate

THRESHOLDS = [round(0.30 + 0.05 * step, 2) for step in range(14)]
#: Files the generator writes per original, on average (copies, follow-ups, templated reports).
FILES_PER_ORIGINAL = 2.47


#: Runs a command and writes its peak memory (KB) to a file. A child's peak counts the memory
#: of the process it was forked from, so the catalog commands are started from this small
#: process, not from the benchmark (which holds the whole corpus's truth: 700 MB at 100,000).
_PEAK_WRAPPER = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[2:])\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def run_measured(args: list[str], env: dict | None = None) -> tuple[float, int, str]:
    """Seconds, peak memory in MB (of the process and the children it waited for) and standard
    output of ``python -m catalog ARGS``; exits with its error when it fails."""
    with tempfile.TemporaryDirectory() as scratch:
        peak, out, err = (Path(scratch) / name for name in ("peak", "out", "err"))
        with out.open("wb") as stdout, err.open("wb") as stderr:
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-c", _PEAK_WRAPPER, str(peak), sys.executable, "-m", "catalog", *args],
                stdout=stdout,
                stderr=stderr,
                env={**os.environ, **(env or {})},
                check=False,
            )
            seconds = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"catalog {args[2]} failed ({result.returncode}): {err.read_text()[-800:]}")
        return seconds, int(peak.read_text()) // 1024, out.read_text(encoding="utf-8")


def pairs_of(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for group in groups for pair in combinations(sorted(group), 2)}


def score(truth: Truth, groups: list[list[str]]) -> dict:
    """Precision, recall and the counts of ``groups`` (stories as lists of file names) against ``truth``."""
    found, expected = pairs_of(groups), truth.copy_pairs()
    right = len(found & expected)
    story_of = {name: number for number, group in enumerate(groups) for name in group}

    def together(a: str, b: str) -> bool:
        return a in story_of and story_of.get(a) == story_of.get(b)

    return {
        "pairs_found": len(found),
        "pairs_expected": len(expected),
        "precision": right / len(found) if found else 1.0,
        "recall": right / len(expected) if expected else 1.0,
        "follow_ups_grouped": sum(together(a, b) for a, b in truth.follow_ups),
        "follow_ups": len(truth.follow_ups),
        "templated_grouped": sum(
            together(a, b) for batch in truth.templated for a, b in combinations(batch, 2)
        ),
        "templated_pairs": sum(len(batch) * (len(batch) - 1) // 2 for batch in truth.templated),
    }


def recall_by_kind(truth: Truth, groups: list[list[str]]) -> dict[str, tuple[int, int]]:
    """For each kind of change: (copies grouped with their original, copies with that change)."""
    story_of = {name: number for number, group in enumerate(groups) for name in group}
    counts = {kind: [0, 0] for kind in KINDS}
    for name, kinds in truth.kinds.items():
        original = truth.first[truth.group[name]]
        found = name in story_of and story_of.get(name) == story_of.get(original)
        for kind in kinds:
            counts[kind][0] += found
            counts[kind][1] += 1
    return {kind: (found, total) for kind, (found, total) in counts.items()}


def first_appearances(truth: Truth, stories: list[dict], name_of: dict[int, str]) -> tuple[int, int]:
    """(stories whose "first" is the original of the group most of them are in, stories)."""
    right = 0
    for story in stories:
        names = [name_of[i] for i in story["articles"]]
        groups = [truth.group[name] for name in names]
        group = max(set(groups), key=groups.count)
        right += name_of.get(story["first"]) == truth.first[group]
    return right, len(stories)


def _article_ids(group) -> list[int]:
    """The article ids of one group as ``groups_at`` gives it (ids, or a story with ``articles``)."""
    if isinstance(group, dict):
        group = group["articles"]
    elif hasattr(group, "articles"):
        group = group.articles
    return [int(i) for i in group]


def threshold_curve(db: Path, truth: Truth, name_of: dict[int, str]) -> list[dict]:
    """Precision and recall the stored pair scores give at each threshold."""
    from catalog.catalogue import close_catalogue, open_catalogue

    open_catalogue(str(db), create=False)
    try:
        from catalog.stories import groups_at

        curve = []
        for threshold in THRESHOLDS:
            groups = [[name_of[i] for i in _article_ids(g)] for g in groups_at(threshold)]
            figures = score(truth, [g for g in groups if len(g) > 1])
            curve.append({"threshold": threshold, **figures})
        return curve
    finally:
        close_catalogue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--originals", type=int, help="originals to generate (default 2,000)")
    size.add_argument("--articles", type=int, help="about this many files in all")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--keep", type=Path, help="generate and import in this folder and keep it")
    args = parser.parse_args()
    originals = args.originals or (round(args.articles / FILES_PER_ORIGINAL) if args.articles else 2000)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        figures = measure(work, originals, args.seed)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print_figures(figures)


def measure(work: Path, originals: int, seed: int) -> dict:
    folder = work / "articles"
    folder.mkdir(parents=True)
    start = time.perf_counter()
    truth = generate(folder, originals, seed, truth_file=work / "truth.json")
    figures: dict = {
        "files": len(truth.group),
        "originals": originals,
        "generate_s": time.perf_counter() - start,
    }
    plain_db, db = work / "without-stories.sqlite3", work / "catalog.sqlite3"
    os.sync()  # flush the generated files, so the first import does not pay for their writing
    figures["import_plain_s"], figures["import_plain_mb"], _ = run_measured(
        ["--db", str(plain_db), "import", str(folder)], {"CATALOG_STORIES": "off"}
    )
    os.sync()
    figures["import_s"], figures["import_mb"], _ = run_measured(["--db", str(db), "import", str(folder)])
    _s, _mb, listing = run_measured(["--db", str(db), "list", "--json"])
    name_of = {article["id"]: os.path.relpath(article["source"], folder) for article in json.loads(listing)}
    figures["copies_s"], figures["copies_mb"], output = run_measured(["--db", str(db), "copies", "--json"])
    stories = json.loads(output)
    groups = [[name_of[i] for i in story["articles"]] for story in stories]
    figures["stories"] = len(stories)
    figures["stories_expected"] = sum(len(files) > 1 for files in truth.members().values())
    figures.update(score(truth, groups))
    figures["first_right"], _ = first_appearances(truth, stories, name_of)
    figures["by_kind"] = recall_by_kind(truth, groups)
    figures["wrong"] = sorted(tuple(sorted(pair)) for pair in pairs_of(groups) - truth.copy_pairs())[:10]
    story_of = {name: number for number, group in enumerate(groups) for name in group}
    figures["missed"] = sorted(
        (name, original)
        for name, original in ((name, truth.first[truth.group[name]]) for name in truth.kinds)
        if name not in story_of or story_of[name] != story_of.get(original)
    )[:10]
    figures["rebuild_s"], figures["rebuild_mb"], _ = run_measured(["--db", str(db), "copies", "--rebuild"])
    _, _, rebuilt = run_measured(["--db", str(db), "copies", "--json"])
    figures["rebuild_same"] = json.loads(rebuilt) == stories
    # After the rebuild, which compares every candidate pair (an import skips candidates
    # already in the story an article has just joined), so the curve sees every score.
    try:
        figures["curve"] = threshold_curve(db, truth, name_of)
    except ImportError as exc:  # no groups_at in this catalog yet
        figures["curve"] = f"not measured: {exc}"
    return figures


def print_figures(f: dict) -> None:
    print(
        f"files:                 {f['files']:,} ({f['originals']:,} originals; generated in {f['generate_s']:.1f} s)"
    )
    print(f"stories:               {f['stories']:,} found, {f['stories_expected']:,} in the truth")
    print(f"pairwise precision:    {f['precision']:.4f} ({f['pairs_found']:,} pairs found)   target >= 0.99")
    print(
        f"pairwise recall:       {f['recall']:.4f} ({f['pairs_expected']:,} pairs of copies)   target >= 0.97"
    )
    print(
        f"follow-ups grouped:    {f['follow_ups_grouped']} of {f['follow_ups']} with the article they quote   target 0"
    )
    print(
        f"templated grouped:     {f['templated_grouped']} of {f['templated_pairs']} pairs of templated reports   target 0"
    )
    print(f"first appearance:      {f['first_right']:,} of {f['stories']:,} stories begin with the original")
    print(
        "recall by change:      "
        + ", ".join(f"{k} {n / t:.3f} ({t})" for k, (n, t) in f["by_kind"].items() if t)
    )
    for name, original in f["missed"]:
        print(f"  missed: {name} (a copy of {original})")
    for one, other in f["wrong"]:
        print(f"  wrongly together: {one} and {other}")
    ratio = f["import_s"] / f["import_plain_s"]
    print(
        f"import with stories:   {f['import_s']:.1f} s, {f['files'] / f['import_s']:,.0f} files/s, "
        f"peak {f['import_mb']} MB"
    )
    print(
        f"import without:        {f['import_plain_s']:.1f} s (CATALOG_STORIES=off), peak {f['import_plain_mb']} MB; "
        f"ratio {ratio:.2f}x   target <= 1.15"
    )
    print(f"catalog copies --json: {f['copies_s']:.2f} s, peak {f['copies_mb']} MB")
    print(
        f"full rebuild:          {f['rebuild_s']:.1f} s, peak {f['rebuild_mb']} MB   target < 60 s at 100,000, < 300 MB; "
        f"same stories as the import: {'yes' if f.get('rebuild_same') else 'NO'}"
    )
    if isinstance(f["curve"], str):
        print(f"threshold curve:       {f['curve']}")
        return
    print("threshold  precision  recall  follow-ups  templated")
    for point in f["curve"]:
        print(
            f"  {point['threshold']:.2f}     {point['precision']:.4f}   {point['recall']:.4f}  "
            f"{point['follow_ups_grouped']:>6}  {point['templated_grouped']:>9}"
        )


if __name__ == "__main__":
    main()
