"""A throwaway PostgreSQL server for the tests: its own folder, a free loopback port, no password.

Started once per test session from the PostgreSQL binaries on this machine (``apt install
postgresql``; ``.ci/run`` installs them when missing) and stopped at the end, even after a
failure. Each test gets a database of its own.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path

USER = "catalog"


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(found[0]).parent if found else None


class PostgresServer:
    def __init__(self, folder: Path):
        self.bin = find_binaries()
        if self.bin is None:
            raise RuntimeError(
                "the PostgreSQL tests need PostgreSQL's server programs (initdb, pg_ctl): "
                "`sudo apt install postgresql`, or run `bash .ci/run`, which installs them"
            )
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root: run it as its own user
            account = pwd.getpwnam("postgres")
            os.chown(folder, account.pw_uid, account.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}"

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", USER, "--no-sync", "-E", "UTF8")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"{self.url}/{name}"

    def drop_database(self, name: str) -> None:
        """Drop a test's database, connections and all: ~7 MB of files each, which would pile
        up to gigabytes over a run and take minutes to delete at the end."""
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def cut_off(self, name: str) -> None:
        """As if the server went away for database ``name``: its sessions end and no new one
        can start, until ``restore``."""
        self._admin(
            f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false',
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
        )

    def restore(self, name: str) -> None:
        self._admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        done = subprocess.run(
            [*self._as_user, str(self.bin / program), *args], capture_output=True, text=True, check=False
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"{program} failed: {done.stderr.strip() or done.stdout.strip()}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
