"""The generated resume documents of :mod:`mock_interview.testing.documents`, under the name the
test modules import (benches import that module directly)."""

from mock_interview.testing.documents import *  # noqa: F403
