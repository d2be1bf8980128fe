"""The refresh period of live views grows with the number of students polling the server."""

import pytest

from core.training.polling import MAX_PERIOD, Pollers, poll_period


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.mark.parametrize("polling, expected", [(0, 0.4), (1, 0.4), (5, 0.4), (6, 0.8), (10, 0.8), (11, 1.2),
                                               (30, 2.4), (31, 2.8), (100, MAX_PERIOD)])
def test_period_steps_up_every_five_students(polling, expected):
    assert poll_period(0.4, polling) == pytest.approx(expected)


def test_a_base_above_the_cap_is_kept():
    assert poll_period(5.0, 100) == 5.0
    assert poll_period(1.0, 30) == 4.0


def test_pollers_count_each_session_once_and_forget_old_ones():
    clock = Clock()
    pollers = Pollers(window=10.0, clock=clock)
    for _ in range(3):
        pollers.beat("a")
    pollers.beat("b")
    assert pollers.count() == 2
    clock.now = 8.0
    pollers.beat("c")
    assert pollers.count() == 3
    clock.now = 15.0  # a and b last polled 15 s ago, c 7 s ago
    assert pollers.count() == 1


def test_period_counts_the_asking_session():
    clock = Clock()
    pollers = Pollers(clock=clock)
    periods = [pollers.period(f"student{i}", 0.4) for i in range(30)]
    assert periods[0] == 0.4 and periods[4] == 0.4 and periods[5] == 0.8 and periods[-1] == 2.4
