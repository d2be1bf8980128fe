"""The load test's short modes, run as subprocesses on the real app (loopback port).

``--short``: five websocket students through Home, Softmax and Training; ``--short --board``:
the same with a teacher's class board; ``--lesson --students 3 --minutes 0``: three students
through the whole lesson once (every page, every start button, every shared experiment).
They assert what must hold whatever the machine's speed (no error, no lost session, every
training finished, the JSON's keys), never a duration. Marked ``slow``; they still run in the
default ``python -m pytest``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "load_test.py"
KEYS = {"students", "errors", "render_p50_s", "render_p95_s", "training_wait_p95_s", "peak_rss_mb", "duration_s"}


LESSON_KEYS = {"lesson", "minutes", "lessons_completed", "pages_rendered", "students_missing_pages", "clicks",
               "click_p50_s", "click_p95_s", "click_by_action", "first_page_p50_s", "first_page_p95_s",
               "trainings_started", "trainings_completed", "trainings_by_kind", "peak_pss_mb", "peak_server_rss_mb",
               "render_by_page", "render_timeline", "targets", "py_spy"}
LESSON_PAGES = ["home", "softmax", "training", "five-layers", "overfitting", "translation", "convolution", "board"]
# what each student starts in one lesson: both models twice, the four experiments (and, for a
# third of the class, another L2 strength), the translation page's models, a convolutional network
LESSON_TRAININGS = {"softmax default", "softmax changed", "mlp default", "mlp changed", "overfitting", "remedies",
                    "plateau", "slow", "translation models and test set", "cnn"}


def run_short(tmp_path, *flags: str, mode: str = "--short",
              timeout: float = 150) -> tuple[dict, subprocess.CompletedProcess, str]:
    """``load_test.py <mode> [flags]`` in a subprocess: its JSON, the process, and its output."""
    output = tmp_path / "load_test.json"
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), *([mode] if mode else []), *flags, "--output", str(output),
         "--server-log", str(tmp_path / "server.log")],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout,
    )
    report = completed.stdout + completed.stderr
    assert output.exists(), f"no JSON written (exit {completed.returncode}):\n{report}"
    result = json.loads(output.read_text())
    assert KEYS <= result.keys(), f"missing keys {KEYS - result.keys()}"
    return result, completed, report


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_short_load_test(tmp_path):
    result, completed, report = run_short(tmp_path)
    assert result["students"] == 5
    assert result["errors"] == 0, f"{result['error_samples']}\n{report}"
    assert result["lost_sessions"] == 0
    assert completed.returncode == 0, report
    assert result["trainings_completed"] == 5
    assert 0 < result["render_p50_s"] <= result["render_p95_s"]
    assert result["training_wait_p95_s"] is not None and result["training_wait_p95_s"] > 0
    assert result["peak_rss_mb"] > 100
    assert result["lost_script_finished"] <= 1  # Streamlit's rare fragment race, counted apart (see load_test.py)


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_short_board_load_test(tmp_path):
    """``--short --board``: a teacher's board, 5 students answering its question and sharing their run."""
    result, completed, report = run_short(tmp_path, "--board")
    assert result["students"] == 5
    assert result["errors"] == 0, f"{result['error_samples']}\n{report}"
    assert completed.returncode == 0, report
    assert result["lost_sessions"] == 0
    assert result["shares"] == 5
    assert result["answers"] == 5
    assert result["board_store_runs"] == 5 and result["board_store_answers"] == 5
    for key in ("share_p50_s", "share_p95_s", "board_refresh_p50_s", "board_refresh_p95_s"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, f"{key}: {result[key]!r}\n{report}"
    assert result["board_refreshes"] > 0
    assert result["board_runs_seen"] == 5


@pytest.mark.slow
@pytest.mark.timeout(1400)
def test_short_lesson_load_test(tmp_path):
    """``--lesson``, three students, one lesson each, py-spy attached: every page rendered, every
    training started finished, nothing lost; the figures are in the JSON (whatever they are)."""
    spy = tmp_path / "py-spy.txt"
    result, completed, report = run_short(tmp_path, "--students", "3", "--minutes", "0", "--py-spy", str(spy),
                                          mode="--lesson", timeout=1300)
    assert LESSON_KEYS <= result.keys(), f"missing keys {LESSON_KEYS - result.keys()}"
    assert result["mode"] == "lesson" and result["students"] == 3
    assert result["errors"] == 0, f"{result['error_samples']}\n{report}"
    assert result["lost_sessions"] == 0, report
    assert completed.returncode == 0, report
    assert result["lessons_completed"] == 3
    assert result["pages_rendered"] == {page: 3 for page in LESSON_PAGES}, report
    assert result["students_missing_pages"] == {}
    assert result["trainings_started"] >= 3 * len(LESSON_TRAININGS)
    assert result["trainings_completed"] == result["trainings_started"], report
    assert set(result["trainings_by_kind"]) >= LESSON_TRAININGS, result["trainings_by_kind"]
    for name, kind in result["trainings_by_kind"].items():
        assert kind["completed"] == kind["started"], f"{name}: {kind}"
    # every click and every first page was timed; each student's first page fetched its assets
    assert result["clicks"] > 3 * 30 and len(result["click_by_action"]) > 20
    assert result["first_page_assets"] > 3 and result["first_page_p95_s"] is not None
    assert result["render_by_page"].keys() >= set(LESSON_PAGES)
    assert sum(slice_["renders"] for slice_ in result["render_timeline"]) == result["renders"]
    assert 100 < result["peak_pss_mb"] and 100 < result["peak_server_rss_mb"]
    assert {"errors", "lost_sessions", "trainings_completed", "render_p95_s", "click_p95_s",
            "first_page_p95_s", "peak_pss_mb", "py_spy_training_share"} <= result["targets"].keys()
    assert result["py_spy"]["samples"] > 0 and spy.exists()
    assert 0 <= result["py_spy"]["training_share"] <= 1
