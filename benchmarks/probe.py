"""The ``mkdocs`` command, run as a user runs it, with a record of where its time and memory went.

``python -m benchmarks.probe RECORD.json -- build -q -f mkdocs.yml -d site`` runs MkDocs' own command-line
entry point (what the ``mkdocs`` script runs) in this process, then writes RECORD.json:

* ``plugins``: seconds spent in each plugin's event handlers, by plugin name and event (MkDocs' plugin
  collection is told to wrap every handler it registers; latar is never imported by name, so the record
  survives any move of latar's modules);
* ``children``: every subprocess started (Pagefind, git), its command and its wall time from start to exit;
* ``python_peak_kib``: this process's own peak resident memory (VmHWM, read at the end);
* ``self_cpu``, ``children_cpu``, ``children_peak_kib``: ``getrusage`` of this process and of its children.

The wrapping costs about a microsecond per handler call (some 20,000 calls at 200 × 2,000: ~20 ms).
"""

from __future__ import annotations

import functools
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path


def _time_plugins(spent: dict[str, dict[str, float]]) -> None:
    """Make MkDocs wrap every plugin event handler it registers with a timer keyed by plugin and event."""
    from mkdocs.plugins import CombinedEvent, PluginCollection  # noqa: PLC0415

    register = PluginCollection._register_event

    def timed_register(self, event_name, method, plugin_name=None):
        if isinstance(method, CombinedEvent) or plugin_name is None:
            return register(self, event_name, method, plugin_name=plugin_name)
        totals = spent[plugin_name]

        @functools.wraps(method)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                totals[event_name] += time.perf_counter() - start

        if hasattr(method, "mkdocs_priority"):
            timed.mkdocs_priority = method.mkdocs_priority
        return register(self, event_name, timed, plugin_name=plugin_name)

    PluginCollection._register_event = timed_register


def _time_children(children: list[dict]) -> None:
    """Record every subprocess's command and wall time (start of ``Popen`` to the exit status being collected)."""
    start_popen = subprocess.Popen.__init__
    collect = subprocess.Popen._handle_exitstatus

    def init(self, args, *rest, **kwargs):
        self._bench_started = time.perf_counter()
        start_popen(self, args, *rest, **kwargs)

    def exited(self, *args, **kwargs):
        result = collect(self, *args, **kwargs)
        started = getattr(self, "_bench_started", None)
        if started is not None:
            argv = [str(a) for a in self.args] if isinstance(self.args, list | tuple) else str(self.args).split()
            children.append({"name": Path(argv[0]).name, "argv": argv, "seconds": time.perf_counter() - started})
            self._bench_started = None
        return result

    subprocess.Popen.__init__ = init
    subprocess.Popen._handle_exitstatus = exited


def own_peak_kib() -> int:
    """This process's peak resident set size (VmHWM) in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    """Run ``mkdocs <arguments>``; write the record; exit with MkDocs' status."""
    record_path, separator, *arguments = sys.argv[1:]
    if separator != "--":
        raise SystemExit("usage: python -m benchmarks.probe RECORD.json -- <mkdocs arguments>")
    spent: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    children: list[dict] = []
    _time_plugins(spent)
    _time_children(children)
    from mkdocs.__main__ import cli  # noqa: PLC0415

    start = time.perf_counter()
    status = 0
    try:
        cli.main(args=arguments, prog_name="mkdocs")
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    inside = time.perf_counter() - start
    own, waited = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    record = {
        "status": status,
        "inside": inside,
        "plugins": {name: dict(events) for name, events in spent.items()},
        "children": children,
        "python_peak_kib": own_peak_kib(),
        "self_cpu": own.ru_utime + own.ru_stime,
        "children_cpu": waited.ru_utime + waited.ru_stime,
        "children_peak_kib": waited.ru_maxrss,
    }
    Path(record_path).write_text(json.dumps(record), encoding="utf-8")
    sys.exit(status)  # as the mkdocs script does: interpreter teardown included, as a user's process pays it


if __name__ == "__main__":
    main()
