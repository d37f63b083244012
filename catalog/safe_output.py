"""Writing output files (exports, reports, backups) so that nothing else is ever written.

Every file Catalog writes for a person goes through here:

- The data goes into a new temporary file beside the target, created exclusively
  (``mkstemp``: ``O_CREAT | O_EXCL``), so a link planted under any name in the folder is never
  followed and never written through.
- Only a complete file is moved into place (``os.replace``): a crash, a kill or a full disk
  never leaves half an export where the old one was. A link at the target is replaced, not
  followed.
- The file gets the mode a new file of this user gets (``0o666`` less the umask), so
  colleagues on a shared drive can open what their umask lets them.
- A partial file left by a writer that was killed is removed the next time the same target
  is written (its name carries the host and process that wrote it).
"""

import errno
import os
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

PARTIAL_SUFFIX = ".partial"


class OutputError(Exception):
    """An output that cannot be written; the message names the file and the reason, for people."""


def _read_umask() -> int:
    """The process's umask, read once: setting it to read it back is not thread-safe later."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
_HOST = "".join(c if c.isalnum() or c == "-" else "_" for c in socket.gethostname())[:40] or "host"


def new_file_mode() -> int:
    """The permissions a file created by this user gets (``0o666`` less the umask)."""
    return 0o666 & ~_UMASK


@contextmanager
def output_file(
    target: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """An open file that becomes ``target`` when the block ends without an error; nothing
    changes at ``target`` otherwise. ``mode`` is ``"w"`` (text) or ``"wb"``."""
    if "b" in mode:
        encoding = None
    with output_path(target) as partial:
        fd = os.open(partial, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        with _explained(target), os.fdopen(fd, mode, encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())


@contextmanager
def output_stream(
    target: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """``output_file``, or standard output (left open) when ``target`` is ``-``."""
    if str(target) == "-":
        stream = sys.stdout.buffer if "b" in mode else sys.stdout
        yield stream
        stream.flush()
        return
    with output_file(target, mode, encoding=encoding, newline=newline) as stream:
        yield stream


@contextmanager
def output_path(target: str | os.PathLike) -> Iterator[str]:
    """The name of a new, empty file (created exclusively beside ``target``) for a writer that
    needs a name rather than a stream, such as SQLite's backup; it becomes ``target`` when the
    block ends without an error, and is removed otherwise."""
    target = Path(target).expanduser()
    _check_target(target)
    remove_stale_partials(target)
    try:
        handle, partial = tempfile.mkstemp(
            prefix=f".{target.name}.{_HOST}-{os.getpid()}-", suffix=PARTIAL_SUFFIX, dir=target.parent
        )
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {_reason(exc, target)}") from None
    os.close(handle)
    try:
        with _explained(target):
            yield partial
            os.chmod(partial, new_file_mode())
            os.replace(partial, target)
            _sync_folder(target.parent)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder; name a file")
    if not target.parent.is_dir():
        missing = next((p for p in reversed(target.parents) if not p.is_dir()), target.parent)
        raise OutputError(f"cannot write {target}: the folder {missing} does not exist")


@contextmanager
def _explained(target: Path) -> Iterator[None]:
    """OS errors while writing, as an OutputError naming the file and the reason."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {_reason(exc, Path(target))}") from exc


def _reason(exc: OSError, target: Path) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk holding {target.parent} is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write in {target.parent}"
    if exc.errno == errno.EROFS:
        return f"{target.parent} is on a read-only disk"
    return exc.strerror or str(exc)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after must not undo it)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # not possible everywhere (Windows): the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def partial_files(target: str | os.PathLike) -> list[Path]:
    """Partial files of ``target`` in its folder, whoever is writing them."""
    target = Path(target)
    prefix = f".{target.name}."
    try:
        with os.scandir(target.parent) as entries:
            return [
                Path(entry.path)
                for entry in entries
                if entry.name.startswith(prefix) and entry.name.endswith(PARTIAL_SUFFIX)
            ]
    except OSError:
        return []


def remove_stale_partials(target: str | os.PathLike) -> list[Path]:
    """Remove partial files of ``target`` that a writer on this machine left when it was killed
    (its process is gone); those of live writers and of other machines stay. Returns them."""
    removed = []
    prefix_length = len(f".{Path(target).name}.")
    for path in partial_files(target):
        # HOST-PID-RANDOM: mkstemp's random part has no "-", the host may.
        parts = path.name[prefix_length : -len(PARTIAL_SUFFIX)].rsplit("-", 2)
        if len(parts) != 3:
            continue
        host, pid_text, _ = parts
        if host != _HOST or not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        try:
            if not path.is_symlink() and path.is_file():
                path.unlink()
                removed.append(path)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
