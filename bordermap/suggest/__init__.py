"""``suggest``: the places a text names, each with a position chosen by the text's own evidence (issue #13).

``finder.suggest`` is the whole of it: ``mentions`` finds the phrases, ``choose`` picks among each phrase's
candidates, ``variants`` spots other spellings, ``rows`` makes a suggestion a row of the places file.
"""

from bordermap.suggest.finder import DEFAULT_MIN_CONFIDENCE, Suggestion, suggest
from bordermap.suggest.rows import require_status_column, row_of, source_label

__all__ = ["DEFAULT_MIN_CONFIDENCE", "Suggestion", "require_status_column", "row_of", "source_label", "suggest"]
