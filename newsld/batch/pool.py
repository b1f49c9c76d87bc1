"""Running work items: a per-item time budget (SIGALRM) and the ordered process pool, which
keeps input order with a bounded number of items in flight and survives a worker that dies."""
from __future__ import annotations

import contextlib
import os
import signal
from collections import deque
from typing import Callable, Iterable, Iterator

from newsld.batch import Item
from newsld.errors import InputError

class Timeout(BaseException):
    """The time budget ran out (a BaseException, so no `except Exception` in the work swallows it)."""


def _alarm(signum, frame):
    raise Timeout()


@contextlib.contextmanager
def time_limit(budget: float | None):
    """Raise Timeout in the block after ``budget`` seconds (SIGALRM, so only between Python
    bytecodes or in a blocking system call such as opening a FIFO nobody writes to; on
    platforms without it the budget is not enforced)."""
    if not budget or not hasattr(signal, "setitimer"):
        yield
        return
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def call_with_budget(fn: Callable, item: Item, budget: float | None):
    """``fn(item)``, interrupted after ``budget`` seconds (see time_limit)."""
    with time_limit(budget):
        return fn(item)


_WORKER: tuple | None = None


def _init_worker(fn, budget, warm):
    global _WORKER
    _WORKER = (fn, budget)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: a quiet end
    if warm is not None:
        warm()


def _work(items: list[Item]) -> list:
    fn, budget = _WORKER
    return [process(fn, item, budget) for item in items]


def _chunks(work: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in work:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process(fn, item, budget):
    """``fn(item)`` within ``budget`` seconds; past it, ``fn`` of an error item saying so."""
    try:
        return call_with_budget(fn, item, budget)
    except Timeout:
        return fn(Item(item.source, error=f"{item.source}: took longer than {budget:g} s; skipped"))


CHUNK = 8  # items per pool task: one task per item cost ~1 ms of parent CPU per item


def run(work: Iterable[Item], fn: Callable[[Item], dict], *, jobs: int = 1,
        budget: float | None = None, warm: Callable[[], object] | None = None) -> Iterator[dict]:
    """``fn`` over ``work``, results in input order. ``jobs`` > 1 uses a process pool fed
    CHUNK items per task, with at most 2 x jobs tasks in flight (memory stays bounded);
    ``fn`` must then be a module-level function. ``warm`` (load the readers, compile the
    validators) runs once in the parent before the workers are forked, so they inherit it
    instead of each paying it again (where processes cannot fork, it runs in each worker as it
    starts). A worker that dies (the OOM killer, a crash in a C library) does not stop the run:
    see ``Pool``."""
    if jobs <= 1:
        for item in work:
            yield process(fn, item, budget)
        return
    import gc
    import multiprocessing as mp
    if warm is not None and "fork" in mp.get_all_start_methods():
        warm()  # once, in the parent: forked workers inherit the loaded readers and compiled validators
        warm = None  # (warming each worker cost every worker ~0.1-0.2 s of CPU again)
    gc.freeze()  # the workers' collector leaves inherited objects alone: fewer copied pages
    with Pool(jobs, fn, budget, warm) as pool:
        pending: deque = deque()
        for chunk in _chunks(work, CHUNK):
            pending.append((pool.submit(chunk), chunk))
            while len(pending) >= 2 * jobs or (pending and pending[0][0].done()):
                yield from pool.results(*pending.popleft())
        while pending:
            yield from pool.results(*pending.popleft())


class Pool:
    """Worker processes (concurrent.futures, which notices a dead worker instead of waiting
    for its task forever). When one dies, every task in flight fails; each item of those tasks
    is then run again alone in a fresh pool, so only an item that kills its worker again
    becomes an error line, and the run goes on. Leaving the block early (an error, Ctrl-C)
    ends the workers at once."""

    def __init__(self, jobs: int, fn: Callable, budget: float | None, warm):
        import multiprocessing as mp
        self.ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.jobs, self.fn, self.args = jobs, fn, (fn, budget, warm)
        self.executor = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor
        return ProcessPoolExecutor(self.jobs, mp_context=self.ctx, initializer=_init_worker,
                                   initargs=self.args)

    def submit(self, chunk: list[Item]):
        try:
            return self.executor.submit(_work, chunk)
        except RuntimeError:  # broken by a death the results of an earlier chunk will report
            self.executor = self._start()
            return self.executor.submit(_work, chunk)

    def results(self, future, chunk: list[Item]) -> list:
        from concurrent.futures.process import BrokenProcessPool
        try:
            return future.result()
        except BrokenProcessPool:
            return [self._alone(item) for item in chunk]

    def _alone(self, item: Item):
        """``item`` in a fresh pool of its own: its result, or an error line if it kills it."""
        from concurrent.futures.process import BrokenProcessPool
        self._restart()
        try:
            return self.executor.submit(_work, [item]).result()[0]
        except BrokenProcessPool:
            self._restart()
            return self.fn(Item(item.source, error=f"{item.source}: the worker process died while "
                                                   "reading it (out of memory?); skipped"))

    def _restart(self):
        from concurrent.futures.process import BrokenProcessPool
        try:
            self.executor.submit(int).result()
        except (BrokenProcessPool, RuntimeError):
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.executor.shutdown(wait=True)
            return False
        self.executor.shutdown(wait=False, cancel_futures=True)
        # do not wait for tasks nobody will read (this pool's processes only, not the caller's)
        for child in list((getattr(self.executor, "_processes", None) or {}).values()):
            child.terminate()
        # then wait for the executor's manager thread to see them gone and close its wakeup pipe:
        # left running, it raced the interpreter's exit hook, which wrote to that pipe as it was
        # closed ("Exception ignored ... Bad file descriptor" after Ctrl-C)
        self.executor.shutdown(wait=True)
        return False


def cpu_jobs(jobs: int) -> int:
    if jobs < 0:
        raise InputError("--jobs takes 0 (all cores) or a positive number")
    cores = os.cpu_count() or 1
    if jobs > MAX_JOBS_PER_CORE * cores:  # each job is a process: a huge value forked until killed
        raise InputError(f"--jobs {jobs}: at most {MAX_JOBS_PER_CORE * cores} "
                         f"({MAX_JOBS_PER_CORE} per core, {cores} cores)")
    return jobs or cores


MAX_JOBS_PER_CORE = 8
