"""Tasks shared between this process and forked copies of it: the cross-letter rules."""

from __future__ import annotations

import os

import pytest

from replylint import engine, forked
from replylint.engine import lint
from tests.conftest import SEEDS

pytestmark = pytest.mark.skipif(not forked.can_fork(), reason="this platform does not fork")


def _pid_after(seconds: float):
    def task() -> int:
        import time

        time.sleep(seconds)
        return os.getpid()

    return task


def test_results_come_in_task_order_and_the_copies_take_their_share():
    pids = forked.run_tasks([_pid_after(0.2) for _ in range(6)], jobs=2)
    assert len(pids) == 6
    assert os.getpid() in pids and len(set(pids)) == 2


def test_one_job_runs_every_task_here_in_order():
    order: list[int] = []
    assert forked.run_tasks([lambda i=i: order.append(i) or i for i in range(4)], jobs=1) == [0, 1, 2, 3]
    assert order == [0, 1, 2, 3]


def test_an_exception_a_task_raises_in_a_copy_is_raised_here():
    def boom() -> None:
        raise ValueError("broken rule")

    with pytest.raises(ValueError, match="broken rule"):
        forked.run_tasks([_pid_after(0.3), boom, boom, _pid_after(0.3)], jobs=2)


def test_a_task_whose_copy_dies_or_whose_result_does_not_pickle_runs_again_here():
    parent = os.getpid()

    def dies_in_a_copy() -> str:
        if os.getpid() != parent:
            os._exit(3)
        return "here"

    def unpicklable() -> object:
        return (lambda: os.getpid()) if os.getpid() != parent else "here"

    tasks = [_pid_after(0.3), dies_in_a_copy, unpicklable, dies_in_a_copy, unpicklable]
    assert forked.run_tasks(tasks, jobs=2)[1:] == ["here"] * 4


def test_started_is_called_in_this_process_only_for_the_tasks_it_takes():
    started: list[int] = []
    results = forked.run_tasks([_pid_after(0.2) for _ in range(6)], jobs=2, started=started.append)
    assert sorted(started) == [i for i, pid in enumerate(results) if pid == os.getpid()]


def test_rules_shared_with_a_forked_copy_give_the_report_of_a_serial_run(tmp_path, monkeypatch):
    for copy in range(3):
        for seed in sorted(SEEDS.glob("*.txt")):
            (tmp_path / f"{copy}_{seed.name}").write_bytes(seed.read_bytes())
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    ran_here: list[int] = []
    real = forked.run_tasks
    monkeypatch.setattr(forked, "run_tasks", lambda tasks, jobs, started=None: ran_here.append(jobs) or real(tasks, jobs, started))
    serial = lint([str(tmp_path)], jobs=1)
    assert 2 not in ran_here
    parallel = lint([str(tmp_path)], jobs=2)
    assert 2 in ran_here
    assert parallel.findings == serial.findings and parallel.errors == serial.errors
    assert any(f.rule == "RL101" for f in parallel.findings)


def test_a_rule_that_crashes_in_a_forked_copy_is_reported_and_the_others_still_run(tmp_path, monkeypatch):
    from replylint.registry import all_rules

    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    rules = all_rules()
    broken = rules["RL201"]

    def explode(corpus):
        raise RuntimeError("boom")

    monkeypatch.setitem(rules, "RL201", type(broken)(**{**broken.__dict__, "check": explode}))
    monkeypatch.setattr("replylint.selection.all_rules", lambda: rules)
    monkeypatch.setattr(engine, "PARALLEL_MIN_FILES", 2)
    report = lint([str(tmp_path)], jobs=2)
    assert [(e.path, e.reason) for e in report.errors] == [("<rule RL201>", "the rule crashed: RuntimeError: boom")]
    assert any(f.rule == "RL101" for f in report.findings) and not any(f.rule == "RL201" for f in report.findings)
