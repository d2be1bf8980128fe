"""Shared test set-up: the repository root on sys.path and the shared MNIST."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from threadpoolctl import threadpool_limits  # noqa: E402

from core import data  # noqa: E402

# fixtures postgres_server (session) and postgres_url (a fresh database per test): see tests/postgres.py
from tests.postgres import postgres_server_fixture, postgres_url  # noqa: E402,F401

# As on the app's server (ui.common.configure_server): one BLAS thread, so that
# the tests' timings do not collapse when the machine is busy.
threadpool_limits(limits=1, user_api="blas")


@pytest.fixture(scope="session")
def mnist() -> data.Mnist:
    """The project's own MNIST copy, loaded and verified once for the whole run."""
    return data.load_mnist()
