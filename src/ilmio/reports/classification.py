"""The phenomenon model in use: the county-trained one if activated, else the shipped one.

Intake suggests phenomena with it and triage pre-fills with it; ``analysis.retraining``
writes the county-trained file this module reads.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from django.conf import settings

_lock = threading.Lock()
_loaded: tuple[float, Any] | None = None


def model_path() -> Path:
    return Path(settings.DATA_DIR) / "models" / "phenomena.npz"


def current_model() -> Any:
    """The county-trained model if one was activated, else the shipped one; loaded once."""
    global _loaded
    from ilmio.text import PhenomenonModel, get_default_model

    path = model_path()
    if not path.exists():
        return get_default_model()
    mtime = path.stat().st_mtime
    with _lock:
        if _loaded is None or _loaded[0] != mtime:
            _loaded = (mtime, PhenomenonModel.load(path))
        return _loaded[1]


def forget_trained_model() -> None:
    """Set the county back to the shipped model: its trained file learned the words of a
    report that was since corrected or erased (train again with ``ilmio retrain --activate``)."""
    global _loaded
    with _lock:
        model_path().unlink(missing_ok=True)
        _loaded = None
