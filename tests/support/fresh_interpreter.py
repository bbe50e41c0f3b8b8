"""Python, or manage.py, in a fresh interpreter whose environment the test controls: for what
happens when the settings module is first read (refusals, checks, warnings)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_python(env_overrides, *args):
    """Run Python with the test run's environment minus every DJANGO_ variable, plus
    `env_overrides`."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def run_django(env_overrides, *args):
    """Run `manage.py args` as run_python does."""
    return run_python(env_overrides, "manage.py", *args)
