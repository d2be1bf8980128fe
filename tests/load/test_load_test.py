"""The load test's short mode (5 simulated students, tiny trainings, under a minute).

Runs ``benchmarks/load_test.py --short`` as a subprocess: it starts the real app on a
loopback port and drives five websocket students through Home, Softmax and Training.
Marked ``slow``; it still runs in the default ``python -m pytest``.
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


def run_short(tmp_path, *flags: str) -> tuple[dict, subprocess.CompletedProcess, str]:
    """``load_test.py --short [flags]`` in a subprocess: its JSON, the process, and its output."""
    output = tmp_path / "load_test.json"
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), "--short", *flags, "--output", str(output),
         "--server-log", str(tmp_path / "server.log")],
        cwd=ROOT, capture_output=True, text=True, timeout=150,
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
    assert 0 < result["duration_s"] < 60
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
    assert 0 < result["duration_s"] < 60
