"""What the tests need from the machine, beyond Python: Chromium, axe-core, a Redis server."""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(path, what):
    """Skip when a tool is missing on a workstation; fail in CI, where it must be there."""
    if path.exists():
        return
    message = f"{path} is missing: {what} (`make test` installs it)."
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
