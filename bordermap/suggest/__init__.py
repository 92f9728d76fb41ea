"""``suggest``: the places a text names, each with a position chosen by the text's own evidence (issue #13).

``finder.suggest`` is the whole of it: ``mentions`` finds the phrases, ``choose`` picks among each phrase's
candidates, ``variants`` spots other spellings, ``rows`` makes a suggestion a row of the places file.

Import them from their modules: this package's own import stays light, for the command line's ``--help`` (#23).
"""

DEFAULT_MIN_CONFIDENCE = 0.5  # the bar a suggestion must reach to be written
