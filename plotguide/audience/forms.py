"""The checks on what a reader sends, shared by the site's forms and the API."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIRST_FILM_YEAR = 1878


def latest_year() -> int:
    """Return the last year a request may name: films are announced years ahead."""
    return datetime.date.today().year + 5


class SummaryRequestForm(forms.Form):
    title = forms.CharField(label=_("Film title"), max_length=300)
    year = forms.IntegerField(
        label=_("Year (optional)"), required=False, min_value=FIRST_FILM_YEAR
    )
    note = forms.CharField(
        label=_("Note for the editors (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(
        label=_("Email to tell you when it is published (optional)"),
        required=False,
    )

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not any(char.isalnum() for char in title):
            raise ValidationError(_("Give the film's title in words or numbers."))
        return title

    def clean_year(self) -> int | None:
        year = self.cleaned_data["year"]
        if year is not None and year > latest_year():
            raise ValidationError(
                _("%(year)s is too far ahead; give the release year."),
                params={"year": year},
            )
        return year


class WaitlistForm(forms.Form):
    email = forms.EmailField(label=_("Your email"))
