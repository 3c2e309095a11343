"""The deploy check names a site URL left at localhost."""

from __future__ import annotations

import pytest

from django.core.management import call_command
from django.core.management.base import SystemCheckError


def test_the_deploy_check_reports_a_site_url_left_at_localhost(settings, capsys):
    settings.DEBUG = False
    settings.PLOTGUIDE_SITE_URL = "http://localhost:8000"
    with pytest.raises(SystemCheckError, match="site.W001"):
        call_command("check", "--deploy", "--fail-level", "WARNING")


def test_a_public_site_url_passes_the_check(settings):
    from plotguide.site.checks import check_site_url

    settings.DEBUG = False
    settings.PLOTGUIDE_SITE_URL = "https://plotguide.example"
    assert check_site_url(None) == []
