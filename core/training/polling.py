"""How often a page polls for news, from how many students are polling the server now.

Every live view (a training dashboard, a model panel, a job's progress) is a Streamlit
fragment rerun every few tenths of a second, and each rerun draws its charts again in
Python, holding the GIL. Measured with the load test: ten students watching the training
dashboard every 0.4-0.8 s kept the server's one Python busy, and the other pages took
3 s to render. So the period grows with the number of students polling at once: one
student gets the smooth 0.4 s refresh, a class of thirty a refresh every couple of
seconds, and the server keeps time to render everything else.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Hashable

# One student polling alone gets ``base``; every STUDENTS_PER_STEP more students polling
# add ``base`` again, up to MAX_PERIOD seconds.
STUDENTS_PER_STEP = 5
MAX_PERIOD = 4.0
WINDOW = 10.0  # a student who has not polled for this long no longer counts


def poll_period(base: float, polling: int, per_step: int = STUDENTS_PER_STEP, cap: float = MAX_PERIOD) -> float:
    """The period for one view, given how many students poll the server now (this one included)."""
    polling = max(1, int(polling))
    steps = -(-polling // per_step)  # ceil: 1..5 students -> 1, 6..10 -> 2, ...
    return round(min(max(base, cap), base * steps), 2)


class Pollers:
    """The sessions that polled recently, counted once each whatever they poll."""

    def __init__(self, window: float = WINDOW, clock: Callable[[], float] = time.monotonic):
        self.window = window
        self._clock = clock
        self._seen: dict[Hashable, float] = {}
        self._lock = threading.Lock()

    def beat(self, session: Hashable) -> None:
        with self._lock:
            self._seen[session] = self._clock()

    def count(self) -> int:
        """Sessions that polled within the window (old entries are forgotten)."""
        with self._lock:
            now = self._clock()
            self._seen = {session: seen for session, seen in self._seen.items() if now - seen <= self.window}
            return len(self._seen)

    def period(self, session: Hashable, base: float) -> float:
        """Record that ``session`` polls, and the period it should use."""
        self.beat(session)
        return poll_period(base, self.count())
