"""The API's use of the shared rate limit (plotguide.infra.ratelimit)."""

from __future__ import annotations

from django.http import HttpRequest

from plotguide.api.errors import ApiError
from plotguide.infra.ratelimit import client_ident, hit


def check_rate(request: HttpRequest, scope: str) -> None:
    """Count this request in its scope; raise rate_limited once over the limit.

    Scopes and limits are the site's (settings.PLOTGUIDE_RATE_LIMITS), so a
    client cannot double its allowance by using both the site and the API.
    """
    verdict = hit(scope, client_ident(request))
    if not verdict.allowed:
        raise ApiError(
            "rate_limited",
            f"Too many requests of this kind; try again in {verdict.retry_after} s.",
            headers={"Retry-After": str(verdict.retry_after)},
        )
