"""The stored resume of :mod:`mock_interview.testing.interviews`, under the name the test modules
import (benches import that module directly)."""

from mock_interview.testing.interviews import PARSED_RESUME, store_resume

__all__ = ["PARSED_RESUME", "store_resume"]
