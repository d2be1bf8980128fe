"""A student's place in a shared run: every transition of core.training.run_state.RunState."""

from dataclasses import dataclass

import pytest

from core.training.run_state import DONE, FAILED, PAUSED, RUNNING, STEPPING, RunState

TOTAL, CHUNK = 1000, 100


@dataclass
class Point:
    step: int


def computed(count: int) -> list[Point]:
    """``count`` checkpoints of a run evaluated every CHUNK steps."""
    return [Point(CHUNK * (index + 1)) for index in range(count)]


def test_a_started_run_runs_to_its_end_and_shows_nothing_yet():
    state = RunState.started()
    assert (state.mode, state.cursor, state.target, state.recorded) == (RUNNING, -1, 0, False)
    assert state.active and not state.finished and not state.done
    assert state.cursor_step([]) == 0
    assert state.wanted_step([], TOTAL, CHUNK) == TOTAL


def test_step_pressed_first_starts_stepping_to_the_first_checkpoint():
    state = RunState.started(stepping=True)
    assert state.mode == STEPPING and state.active
    assert state.wanted_step([], TOTAL, CHUNK) == CHUNK          # one chunk, no more
    state.follow(available=-1, slow=False, run_done=False, run_failed=False)
    assert state.mode == STEPPING and state.cursor == -1         # nothing computed yet: still waiting
    state.follow(available=0, slow=False, run_done=False, run_failed=False)
    assert state.mode == PAUSED and state.cursor == 0            # the target reached: paused on it


def test_running_follows_the_last_checkpoint_or_one_at_a_time_in_slow_motion():
    state = RunState.started()
    state.follow(available=4, slow=False, run_done=False, run_failed=False)
    assert state.cursor == 4 and state.mode == RUNNING
    slow = RunState.started()
    for expected in range(4):
        slow.follow(available=4, slow=True, run_done=False, run_failed=False)
        assert slow.cursor == expected
    slow.follow(available=3, slow=True, run_done=False, run_failed=False)   # never past what exists
    assert slow.cursor == 3


def test_pause_wants_only_what_is_on_screen_and_resume_wants_the_end():
    state = RunState.started()
    points = computed(5)
    state.follow(available=2, slow=False, run_done=False, run_failed=False)
    state.pause_or_resume()
    assert state.mode == PAUSED and not state.active
    assert state.wanted_step(points, TOTAL, CHUNK) == points[2].step
    state.follow(available=4, slow=False, run_done=False, run_failed=False)   # a paused cursor stays
    assert state.cursor == 2
    state.pause_or_resume()
    assert state.mode == RUNNING and state.wanted_step(points, TOTAL, CHUNK) == TOTAL


def test_step_from_a_pause_shows_one_more_checkpoint_then_pauses_again():
    state = RunState(mode=PAUSED, cursor=2)
    points = computed(3)
    state.step()
    assert state.mode == STEPPING and state.target == 3
    assert state.wanted_step(points, TOTAL, CHUNK) == points[2].step + CHUNK
    state.follow(available=2, slow=False, run_done=False, run_failed=False)   # not computed yet
    assert state.mode == STEPPING and state.cursor == 2
    state.follow(available=5, slow=False, run_done=False, run_failed=False)   # computed (and more)
    assert state.mode == PAUSED and state.cursor == 3


def test_resume_while_stepping_runs_again():
    state = RunState(mode=STEPPING, cursor=1, target=2)
    state.pause_or_resume()
    assert state.mode == RUNNING


def test_a_run_is_done_once_its_last_checkpoint_is_on_screen():
    state = RunState.started()
    state.follow(available=9, slow=True, run_done=True, run_failed=False)
    assert state.mode == RUNNING and state.cursor == 0           # slow motion: still catching up
    state.follow(available=9, slow=False, run_done=True, run_failed=False)
    assert state.mode == DONE and state.done and state.finished and not state.active
    assert state.wanted_step(computed(10), TOTAL, CHUNK) == computed(10)[9].step


def test_a_failed_run_fails_whatever_the_student_was_doing():
    for mode in (RUNNING, PAUSED, STEPPING):
        state = RunState(mode=mode, cursor=1, target=2)
        state.follow(available=1, slow=False, run_done=False, run_failed=True)
        assert state.mode == FAILED and state.finished and not state.done


def test_a_finished_run_neither_pauses_nor_steps():
    for mode in (DONE, FAILED):
        state = RunState(mode=mode, cursor=3)
        state.pause_or_resume()
        assert state.mode == mode
        with pytest.raises(ValueError):
            state.step()


def test_a_paused_run_done_elsewhere_is_done_when_its_cursor_reaches_the_end():
    state = RunState(mode=PAUSED, cursor=3)
    state.follow(available=9, slow=False, run_done=True, run_failed=False)
    assert state.mode == PAUSED                                  # the student has not seen the end
    state.step()
    state.target = 9
    state.follow(available=9, slow=False, run_done=True, run_failed=False)
    assert state.mode == DONE and state.cursor == 9
