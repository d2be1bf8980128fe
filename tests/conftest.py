"""Shared test set-up: the repository root on sys.path and the shared MNIST."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core import data  # noqa: E402


@pytest.fixture(scope="session")
def mnist() -> data.Mnist:
    """The project's own MNIST copy, loaded and verified once for the whole run."""
    return data.load_mnist()
