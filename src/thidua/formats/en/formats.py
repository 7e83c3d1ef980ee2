"""English UI keeps the Vietnamese date and number formats: documents are Vietnamese."""

from thidua.formats.vi.formats import *  # noqa: F403 - the same formats, by design
