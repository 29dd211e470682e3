"""``mkdocs build`` for the tests, forked from a process that has imported MkDocs already.

A fixture build in a fresh ``python -m mkdocs`` spends about 1.7 s of its 4 s importing MkDocs,
Material, mkdocs-static-i18n, Markdown, Pygments and the plugin, and the suite runs a few hundred
of them. Here one server process per test process imports all that once; every build is a
``fork()`` of it that runs MkDocs' own command line (``mkdocs.__main__.cli``) in the fixture's
folder with the fixture's environment, its output written to a file. A forked child starts from
the server's state, which has never built anything, so each build is as independent as a fresh
process: no plugin instance, logger handler or cache is shared between builds.

What a fork can't reproduce falls back to a real process (``needs_fresh_interpreter``): an
environment that changes how Python starts (``PYTHONPATH`` pointing at another copy of the plugin).

Run as a script, this file is the server: one JSON request per line on stdin
(``{"args", "cwd", "env", "output"}``), one JSON reply per line on stdout (``{"returncode"}``).
"""

from __future__ import annotations

import atexit
import importlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

#: What a portal build imports; the server imports it once, so that no fork does.
PRELOADED = (
    "mkdocs.__main__", "mkdocs.commands.build", "material.plugins.search.plugin", "mkdocs_static_i18n.plugin",
    "pymdownx.arithmatex", "pymdownx.highlight", "pymdownx.superfences", "pymdownx.tabbed", "notes_portal.plugin",
)
#: Variables Python reads only when it starts: a build that sets them needs its own interpreter.
STARTUP_VARIABLES = ("PYTHONPATH", "PYTHONHOME", "PYTHONHASHSEED", "PYTHONSAFEPATH")


def needs_fresh_interpreter(env: dict[str, str]) -> bool:
    """Whether ``env`` asks for something a fork of the already started server can't give."""
    return any(env.get(name) != os.environ.get(name) for name in STARTUP_VARIABLES)


class BuildForker:
    """The client: starts the server on first use, sends it one build at a time."""

    def __init__(self) -> None:
        self._server: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def run(self, args: list[str], *, cwd: Path, env: dict[str, str], output: Path) -> int:
        """Run ``mkdocs <args>`` in ``cwd`` with environment ``env``; its stdout and stderr go to
        ``output``. Returns its exit code."""
        request = json.dumps({"args": args, "cwd": str(cwd), "env": env, "output": str(output)})
        with self._lock:
            server = self._started()
            assert server.stdin is not None and server.stdout is not None
            server.stdin.write(request + "\n")
            server.stdin.flush()
            reply = server.stdout.readline()
        if not reply:
            raise RuntimeError(f"the build server stopped (exit code {server.poll()})")
        return json.loads(reply)["returncode"]

    def _started(self) -> subprocess.Popen:
        if self._server is None or self._server.poll() is not None:
            self._server = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, text=True, env=os.environ.copy())
            atexit.register(self.close)
        return self._server

    def close(self) -> None:
        if self._server is not None and self._server.poll() is None:
            assert self._server.stdin is not None
            self._server.stdin.close()
            self._server.wait(timeout=30)


FORKER = BuildForker()


# -- the server ---------------------------------------------------------------------------------


def _import_what_builds_use() -> None:
    """Everything a portal build imports, so that no fork imports it again."""
    import warnings

    # The tests' builds run with PYTHONWARNINGS=ignore, which a fork can no longer read.
    warnings.simplefilter("ignore")
    for module in PRELOADED:
        importlib.import_module(module)
    import mkdocs.plugins

    mkdocs.plugins.get_plugins()  # reads the entry points (and imports what they name)


def _child(request: dict) -> int:
    """In the forked child: become the build MkDocs' command line would be."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    descriptor = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(descriptor, 1)
    os.dup2(descriptor, 2)
    os.close(descriptor)
    sys.argv = ["mkdocs", *request["args"]]
    sys.path[0] = request["cwd"]  # as `python -m mkdocs` run in that folder has it
    from mkdocs.__main__ import cli

    try:
        cli.main(args=request["args"], prog_name="mkdocs", standalone_mode=True)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


def serve() -> None:
    _import_what_builds_use()
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(request)
            except BaseException:  # noqa: BLE001 - a crash is the build's output, as in a real process
                import traceback

                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
