"""Mapping a function over a list in several processes, this one included, results in order.

:func:`map_shared` reads letters: this process takes items from the start of the list and
the other processes from the end, a chunk at a time, through a pair of bounds they share
(:class:`Ends`); chunks shrink as the two ends meet, so that when nothing is left to take,
no process waits long for another's last chunk. What this process maps need not be sent
back. The others write each chunk's results to a file rather than a pipe (a pipe would stall
them until this process, busy mapping, took the data out), and this process loads those
files between its own chunks: loading is part of the shared work rather than a wait at the
end. One of the other processes may run a job of its own (``aside``) once nothing is left
for it to take: in a pre-commit run, the text-only rules.

:func:`map_forked` maps a few long items over data this process holds (RL305 counts the
windows of the corpus a share at a time), through the same bounds: forked processes see the
data without its being sent. Rules learn how many processes they may use from
:func:`processes_available`, which the engine sets for a run with :func:`rule_processes`.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
M = TypeVar("M")
A = TypeVar("A")

# The largest chunk a process takes, in items: between chunks this process loads what the
# others have written. The smallest is one item, taken when only a few are left.
MAX_CHUNK = 32


class Ends:
    """The items not yet taken of a list of ``count``: this process takes chunks from the
    start, the others from the end. Shared between processes (it is passed to them as they
    start), its two bounds change under a lock."""

    def __init__(self, count: int, processes: int) -> None:
        import multiprocessing

        self._bounds = multiprocessing.Array("q", [0, count])  # the first item not taken, and one past the last
        self._processes = processes

    def take(self, from_end: bool) -> tuple[int, int] | None:
        """The start and end of the next chunk taken from one end; ``None`` when none is left.

        A chunk is about an eighth of what is left per process, at most ``MAX_CHUNK``: the
        last chunks, which another process may have to wait for, are a single item.
        """
        with self._bounds.get_lock():
            first, end = self._bounds[0], self._bounds[1]
            if first >= end:
                return None
            size = max(1, min(MAX_CHUNK, (end - first) // (8 * self._processes)))
            if from_end:
                self._bounds[1] = end - size
                return end - size, end
            self._bounds[0] = first + size
            return first, first + size

    def stop(self) -> None:
        """Leave nothing to take: the other processes stop after the chunk they are on."""
        with self._bounds.get_lock():
            self._bounds[0] = self._bounds[1]


def map_shared(
    function: Callable[[T], R],
    items: Sequence[T],
    processes: int,
    meanwhile: Callable[[], M],
    aside: Callable[[], A] | None = None,
) -> tuple[list[R], M, A | None]:
    """``[function(item) for item in items]``, worked out by ``processes`` processes, this one
    included; the result of ``meanwhile``, which this process runs before it takes items; and
    the result of ``aside`` (``None`` without it), which one of the other processes runs once
    no item is left for it to take.

    ``function`` and ``aside`` must be picklable (defined at the top of a module), and so must
    ``items`` where processes are spawned rather than forked. Without a writable temporary
    folder everything is done in this process.
    """
    from concurrent.futures import ProcessPoolExecutor

    try:
        spill = tempfile.TemporaryDirectory(prefix="replylint-")
    except OSError:
        return [function(item) for item in items], meanwhile(), aside() if aside is not None else None
    ends = Ends(len(items), processes)
    done: dict[int, list[R]] = {}  # the results of each chunk, by the number of its first item
    with spill as folder, ProcessPoolExecutor(
        max_workers=processes - 1, initializer=_share, initargs=(function, items, ends, folder, aside)
    ) as pool:
        others = [pool.submit(_map_from_end, n == 0 and aside is not None) for n in range(processes - 1)]
        try:
            result = meanwhile()
            while (taken := ends.take(from_end=False)) is not None:
                start, end = taken
                done[start] = [function(item) for item in items[start:end]]
                _load_spilled(folder, done)
        except BaseException:
            ends.stop()  # the pool waits for the others as it closes: they need not map the rest
            raise
        returned = [other.result() for other in others]  # the first one's holds the aside's result
        for kept, _ in returned:
            done.update(kept)
        _load_spilled(folder, done)
    return [value for start in sorted(done) for value in done[start]], result, returned[0][1]


# What a process started by :func:`map_shared` works on: the function, the items, their
# shared ends, the folder to write results to, and what one of them runs aside.
_shared: tuple[Callable[[Any], Any], Sequence[Any], Ends, str, Callable[[], Any] | None] | None = None


def _share(
    function: Callable[[Any], Any], items: Sequence[Any], ends: Ends, folder: str, aside: Callable[[], Any] | None
) -> None:
    """Keep what :func:`map_shared` gives a process as it starts (passed, not pickled, when forked)."""
    global _shared
    _shared = (function, items, ends, folder, aside)


def _map_from_end(runs_aside: bool) -> tuple[dict[int, list[Any]], Any]:
    """In another process, map chunks taken from the end until none is left, and write each
    one's results to a file; then run the aside when ``runs_aside``. Returns the chunks whose
    file could not be written, by first item, and the aside's result (``None`` without it)."""
    assert _shared is not None, "a process of map_shared starts with _share"
    function, items, ends, folder, aside = _shared
    kept: dict[int, list[Any]] = {}
    while (taken := ends.take(from_end=True)) is not None:
        start, end = taken
        results = [function(item) for item in items[start:end]]
        if not _spill(folder, start, results):
            kept[start] = results
    return kept, aside() if runs_aside and aside is not None else None


def _spill(folder: str, start: int, results: list[Any]) -> bool:
    """Write a chunk's results to ``folder`` as ``<start>.pickle``, whole or not at all
    (written under another name, then renamed); whether it could be written."""
    try:
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".part", delete=False) as handle:
            pickle.dump(results, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, os.path.join(folder, f"{start}.pickle"))
    except OSError:
        return False
    return True


def _load_spilled(folder: str, done: dict[int, list[Any]]) -> None:
    """Load into ``done`` the chunks written to ``folder`` that it does not hold yet."""
    for entry in os.scandir(folder):
        name, ext = os.path.splitext(entry.name)
        if ext == ".pickle" and int(name) not in done:
            with open(entry.path, "rb") as handle:
                done[int(name)] = pickle.load(handle)


_PROCESSES: ContextVar[int] = ContextVar("processes", default=1)


@contextmanager
def rule_processes(count: int) -> Iterator[None]:
    """Within the block, :func:`processes_available` gives ``count`` (``--jobs``)."""
    token = _PROCESSES.set(count)
    try:
        yield
    finally:
        _PROCESSES.reset(token)


def processes_available() -> int:
    """How many processes, this one included, the run lets a rule use (1 outside a run)."""
    return _PROCESSES.get()


def map_forked(function: Callable[[T], R], items: Sequence[T], processes: int) -> list[R]:
    """``[function(item) for item in items]``, worked out by ``processes`` processes, this one
    included, which take items from the two ends of the list (:class:`Ends`) until none is left.

    The others are forked: they see this process's memory as it is, so only the results are
    sent, and ``function`` and ``items`` need not be picklable. Where processes cannot be
    forked safely (Windows; macOS, whose system libraries do not survive a fork), or one dies
    or raises before sending its results, this process maps what is left: an exception is
    raised here, as it would be without the others.
    """
    import multiprocessing

    if (processes < 2 or len(items) < 2 or sys.platform == "darwin"
            or "fork" not in multiprocessing.get_all_start_methods()):
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    ends = Ends(len(items), processes)
    others = []
    for _ in range(min(processes, len(items)) - 1):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_map_and_send, args=(function, items, ends, send), daemon=True)
        process.start()
        send.close()
        others.append((process, receive))
    try:
        done = {index: function(items[index]) for index in _taken(ends, from_end=False)}
    except BaseException:
        for process, _ in others:  # their work is no longer wanted
            process.terminate()
            process.join()
        raise
    for process, receive in others:
        try:
            done.update(receive.recv())
        except (EOFError, OSError):
            pass  # the process died: what it took is mapped below
        process.join()
    return [done[index] if index in done else function(items[index]) for index in range(len(items))]


def _taken(ends: Ends, from_end: bool) -> Iterator[int]:
    """The indexes of the items a process takes from one end, a chunk at a time."""
    while (chunk := ends.take(from_end)) is not None:
        yield from range(*chunk)


def _map_and_send(function: Callable[[Any], Any], items: Sequence[Any], ends: Ends, send: Any) -> None:
    """In a forked process, map the items it takes and send their results, by index; on an
    exception, end at once and quietly: the parent maps the items again and raises it."""
    import gc

    gc.disable()  # a collection would write to every object, copying the parent's memory
    try:
        send.send({index: function(items[index]) for index in _taken(ends, from_end=True)})
        send.close()
    except BaseException:  # noqa: BLE001 - reported by the parent, which maps the items again
        os._exit(1)
