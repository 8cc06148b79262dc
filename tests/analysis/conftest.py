"""Fixtures shared by the analysis tests."""

from __future__ import annotations

from typing import Any

import pytest

from ilmio.core.roles import Role


@pytest.fixture
def coordinator(make_user: Any) -> Any:
    return make_user(Role.COORDINATOR)
