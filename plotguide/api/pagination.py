"""Page-number pagination over a queryset whose order never ties.

A page past the last is an error naming the last page, not an empty list, so
a client that walks `next_page` never loops and a stale link is noticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema

from plotguide.api.errors import ApiError

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"Items per page, at most {MAX_PAGE_SIZE}.",
    )


class PageOut(Schema):
    count: int = Field(description="Items on all pages together.")
    page: int
    page_size: int
    page_count: int
    next_page: int | None
    previous_page: int | None


@dataclass(frozen=True)
class Page:
    items: list[Any]
    count: int
    page: int
    page_size: int
    page_count: int
    next_page: int | None
    previous_page: int | None


def paginate(queryset: QuerySet, query: PageQuery) -> Page:
    """Return one page of a queryset; its order must be total (end on a unique key)."""
    count = queryset.count()
    page_count = max(1, -(-count // query.page_size))
    if query.page > page_count:
        raise ApiError(
            "page_not_found",
            f"Page {query.page} does not exist; the last page is {page_count}.",
            field="page",
        )
    start = (query.page - 1) * query.page_size
    return Page(
        items=list(queryset[start : start + query.page_size]),
        count=count,
        page=query.page,
        page_size=query.page_size,
        page_count=page_count,
        next_page=query.page + 1 if query.page < page_count else None,
        previous_page=query.page - 1 if query.page > 1 else None,
    )
