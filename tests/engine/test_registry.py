"""The component registry: names map to components, each name once."""

import pytest

from plotguide.engine import PipelineError
from plotguide.engine.registry import component


def test_duplicate_component_name_is_an_error():
    with pytest.raises(PipelineError, match="already registered"):
        component("quiz")(lambda doc: doc)
