"""Settings for bench/page_speed.py: the real ones, with the floor view's URL added."""

from plotguide.settings import *  # noqa: F403

ROOT_URLCONF = "bench.page_speed_urls"
