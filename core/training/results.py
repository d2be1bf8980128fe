"""Finished shared computations that outlive the server process, and that several servers share.

The lesson's models (the translation page's three networks, the convolution page's fit) take a
minute or two of the server's cores. They are stored, once finished, in the class board's
database (SQLite by default, PostgreSQL for several servers) under a key made of their settings
and of the *code version* (a digest of the modules that compute them: a change to the training
code trains them again). A restarted server reads them back in seconds; two servers on one
PostgreSQL compute each one once, the other waiting for it (the first one's claim, renewed
while it works, lapses if that server dies, and the other takes over).

A database that is down only costs the durability: the run is computed here as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import socket
import uuid
import zlib
from pathlib import Path
from typing import Any, Hashable

from core.board.errors import BoardError
from core.board.store import BoardStore

LOG = logging.getLogger(__name__)
CORE = Path(__file__).resolve().parent.parent
# what a stored result depends on besides its settings (paths in core/)
COMPUTING_MODULES = ("data.py", "training/checkpoint.py", "models/softmax_regression.py", "models/mlp.py",
                     "models/registry.py", "models/reference.py", "lesson/experiments.py", "lesson/translation.py",
                     "lesson/convolution.py", "training/jobs.py", "training/hub.py", "models/convnet/layers.py",
                     "models/convnet/network.py", "models/convnet/optimizers.py", "models/convnet/architectures.py",
                     "models/convnet/training.py", "models/convnet/shipped.py")


def code_version() -> str:
    digest = hashlib.sha256()
    for name in COMPUTING_MODULES:
        digest.update(name.encode() + b"\0" + (CORE / name).read_bytes())
    return digest.hexdigest()[:16]


class DurableResults:
    """The hub's door to the stored results; every database problem is logged and ignored."""

    def __init__(self, store: BoardStore, version: str | None = None, owner: str | None = None):
        self.store = store
        self.version = version or code_version()
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def key(self, key: Hashable) -> str:
        return hashlib.sha256(f"{self.version}|{key!r}".encode()).hexdigest()

    def _safely(self, what: str, call, default=None):
        try:
            return call()
        except BoardError as error:
            LOG.warning("shared results: cannot %s (%s); computed here only", what, error)
            return default

    def load(self, key: Hashable) -> Any | None:
        payload = self._safely("read", lambda: self.store.result(self.key(key)))
        if payload is None:
            return None
        try:
            return pickle.loads(zlib.decompress(payload))
        except Exception as error:  # written by another version of a library: computed again
            LOG.warning("shared results: a stored result cannot be read (%s: %s)", type(error).__name__, error)
            return None

    def claim(self, key: Hashable) -> bool:
        """True when this server should compute ``key``; also True when the database cannot say."""
        return self._safely("claim", lambda: self.store.claim_result(self.key(key), self.owner, repr(key)),
                            default=True)

    def renew(self, key: Hashable) -> None:
        self._safely("renew a claim", lambda: self.store.renew_claim(self.key(key), self.owner))

    def release(self, key: Hashable) -> None:
        self._safely("release a claim", lambda: self.store.release_claim(self.key(key), self.owner))

    def save(self, key: Hashable, value: Any) -> None:
        payload = zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 6)
        self._safely("store", lambda: self.store.store_result(self.key(key), self.owner, payload, repr(key)))
