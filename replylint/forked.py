"""Running independent tasks in this process and in forked copies of it, sharing one queue.

The cross-letter rules each read the whole corpus. Sending a corpus of thousands of letters
to another process costs more than most rules take, but a forked process has the corpus
already: only the tasks' results travel back. Each process takes the next task not yet
taken, so one slow rule does not hold the others back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether this platform starts processes by forking (Linux and the other Unixes)."""
    return "fork" in multiprocessing.get_all_start_methods()


def run_tasks(tasks: Sequence[Callable[[], T]], jobs: int, started: Callable[[int], None] | None = None) -> list[T]:
    """The results of ``tasks``, in their order, computed by this process and up to
    ``jobs - 1`` forked copies of it.

    ``started`` is called, in this process only, with the index of each task this process
    takes. A task runs in one process only, except that a task whose copy died, or whose
    result does not pickle, runs again here. An exception a task raises is raised here, as
    it would be without the copies.
    """
    copies = min(jobs, len(tasks)) - 1
    if copies < 1 or not can_fork():
        return [_started(started, index) or task() for index, task in enumerate(tasks)]
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)
    results: dict[int, tuple[bool, Any]] = {}
    children = []
    try:
        for _ in range(copies):
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(target=_work, args=(tasks, taken, sender), daemon=True)
            child.start()
            sender.close()
            children.append((child, receiver))
    except OSError:  # no more processes to be had: the ones started and this one do the work
        pass
    results.update(_work_through(tasks, taken, started))
    for child, receiver in children:
        results.update(_received(receiver))
        child.join()
    # What a dead copy had taken and not given back is done here.
    for index, task in enumerate(tasks):
        if index not in results:
            results[index] = _outcome(task)
    return [_result(results[index]) for index in range(len(tasks))]


def _take(taken: Any) -> int:
    """The index of the next task no process has taken, now taken by this one."""
    with taken.get_lock():
        index = taken.value
        taken.value = index + 1
    return index


def _outcome(task: Callable[[], T]) -> tuple[bool, Any]:
    """``(True, result)`` of a task, or ``(False, exception)`` when it raised."""
    try:
        return True, task()
    except Exception as exc:  # noqa: BLE001 - handed to the caller, which raises it
        return False, exc


def _result(outcome: tuple[bool, Any]) -> Any:
    ok, value = outcome
    if not ok:
        raise value
    return value


def _work_through(
    tasks: Sequence[Callable[[], Any]], taken: Any, started: Callable[[int], None] | None = None
) -> dict[int, tuple[bool, Any]]:
    """Take and do tasks until none is left; their outcomes by index."""
    outcomes: dict[int, tuple[bool, Any]] = {}
    while (index := _take(taken)) < len(tasks):
        _started(started, index)
        outcomes[index] = _outcome(tasks[index])
    return outcomes


def _started(started: Callable[[int], None] | None, index: int) -> None:
    if started is not None:
        started(index)


def _work(tasks: Sequence[Callable[[], Any]], taken: Any, sender: Any) -> None:
    """A forked copy: do tasks until none is left, then send their outcomes.

    Sending only at the end keeps a full pipe from stopping the copy while this process is
    still busy with tasks of its own.
    """
    try:
        for item in _work_through(tasks, taken).items():
            try:
                sender.send(item)
            except Exception:  # noqa: BLE001 - an outcome that does not pickle: the parent redoes its task
                continue
    finally:
        sender.close()
        # Leave without running the parent's exit handlers or flushing its buffers twice.
        os._exit(0)


def _received(receiver: Any) -> dict[int, tuple[bool, Any]]:
    """Every outcome a copy sent before it closed its end."""
    out: dict[int, tuple[bool, Any]] = {}
    while True:
        try:
            index, outcome = receiver.recv()
        except (EOFError, OSError):
            return out
        out[index] = outcome
