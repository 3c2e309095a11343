"""Test settings: the real settings, with a data folder of the test run's own."""

import os
import tempfile

os.environ.setdefault("PLOTGUIDE_DATA_DIR", tempfile.mkdtemp(prefix="plotguide-test-"))

from plotguide.settings import *  # noqa: E402,F403
