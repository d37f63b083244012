"""The ``catalog`` program: catalog's command line, with the commands that need Qt added here.

catalog/ is the domain and never reaches into ui/; the window (``gui``, also a bare
``catalog``), PDF reports (``export-pdf``, laid out by Qt) and the desktop entry
(``install-desktop``, beside the icon it installs) come from ui/. Qt is loaded only when one of
them runs, so every other command starts without it; as in catalog's command modules, what a
command needs is imported when it runs (a script pays only for what it uses).
"""

import os
import sys
from collections.abc import Sequence

from catalog import cli
from catalog.cli.common import EXIT_OK, EXIT_USAGE, fail, file_name, open_from
from catalog.cli.exports import chosen_articles, empty_query, selection_options
from catalog.places import ENV_VAR
from catalog.terminal_text import one_line


def main(argv: Sequence[str] | None = None) -> int:
    """``catalog``: every command of the command line; the window when none is given."""
    return cli.main(argv, more_commands=add_commands, default_run=_cmd_gui)


def window_main() -> int:
    """``catalog-window``: the window alone, for desktop launchers (no console on Windows);
    takes ``--db`` like ``catalog gui``."""
    return main(["gui", *sys.argv[1:]])


def add_commands(command) -> None:
    pdf = command(
        "export-pdf",
        "write a summary report of articles as PDF (no display needed)",
        "catalog export-pdf report.pdf --query 'ukraine since:2022' --paper a4",
    )
    pdf.add_argument("file", type=file_name, metavar="OUT.pdf", help="the PDF file to write")
    selection_options(pdf)
    pdf.add_argument(
        "--paper",
        type=str.casefold,
        choices=("a4", "letter"),
        help="paper size (default: from your locale, else A4)",
    )
    pdf.set_defaults(run=_cmd_export_pdf)

    desktop = command(
        "install-desktop",
        "add Catalog to the Linux applications menu (a .desktop file and an icon, for this user)",
        "catalog install-desktop",
    )
    desktop.add_argument("--uninstall", action="store_true", help="take them away again")
    desktop.set_defaults(run=_cmd_install_desktop)

    gui = command("gui", "open the window (the default when no command is given)", "catalog gui")
    gui.set_defaults(run=_cmd_gui)


def _cmd_gui(args) -> int:
    from catalog.db import resolve_location, split_password
    from catalog.seeds import import_seeds
    from ui import app

    problem = app.display_problem()
    if problem:
        return fail(problem)
    given = getattr(args, "db", None)
    # The catalogue every other command would use (see catalog --help), not the one the window
    # showed last: a named one must exist; the default one is made, with the seed article,
    # on the first run.
    opened = open_from(args)
    password = split_password(resolve_location(given))[1]  # for this session only
    if opened.created and given is None and not os.environ.get(ENV_VAR):
        import_seeds()
    return app.run(opened.location, password=password)


def _cmd_export_pdf(args) -> int:
    from catalog.reporting import build_report
    from catalog.safe_output import OutputError

    if empty_query(args):
        return EXIT_USAGE
    opened = open_from(args)
    chosen = chosen_articles(args)
    if isinstance(chosen, str):
        return fail(chosen)
    ids, selection = chosen
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from ui.report import headless
    except ImportError as exc:
        return fail(f"cannot lay out a PDF here: Qt did not load ({exc})")
    report = build_report(ids, catalogue=opened.name, selection=selection)
    try:
        pages = headless.write_pdf(report, args.file, args.paper)
    except OutputError as exc:
        return fail(str(exc))
    count = report.count
    print(
        f"wrote {pages:,} page{'' if pages == 1 else 's'} on {count:,} article{'' if count == 1 else 's'} "
        f"to {one_line(args.file)}"
    )
    return EXIT_OK


def _cmd_install_desktop(args) -> int:
    from catalog.safe_output import OutputError
    from ui import desktop_entry  # no Qt: it runs without a display

    try:
        paths = desktop_entry.uninstall() if args.uninstall else desktop_entry.install()
    except desktop_entry.DesktopEntryError as exc:
        return fail(f"cannot install the desktop entry: {exc}")
    except OutputError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"cannot write the desktop entry: {exc}")
    verb = "removed" if args.uninstall else "installed"
    for path in paths:
        print(f"{verb} {one_line(str(path))}")
    if not paths:
        print("nothing to remove: no desktop entry was installed")
    return EXIT_OK


def build_parser():
    """The whole program's parser, as ``catalog --help`` shows it."""
    return cli.build_parser(add_commands)
