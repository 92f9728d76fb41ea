"""Word boundaries of Thai, Lao, Khmer and Burmese, for the names found in a clause of them (issue #21).

These scripts are written without spaces between words, so a gazetteer's name can be found where no word of that
name is: "พาน" (Phan) inside "สะพาน" (bridge), "จน" (Chun) inside "จนถึง" (until). ICU's word breaker cuts such a
clause into words with the dictionaries of the Unicode Consortium (icu4py, which bundles ICU); a name is taken only
where it starts and ends at a boundary, so a name of several words ("หลวง|พระ|บาง") is still found.
"""

import functools

# The language whose dictionary cuts each script, by the first word of its letters' Unicode names.
LOCALES = {"THAI": "th", "LAO": "lo", "KHMER": "km", "MYANMAR": "my"}


@functools.cache
def _breaker():
    from icu4py.breakers import WordBreaker

    return WordBreaker


def boundaries(clause: str, script: str) -> frozenset[int] | None:
    """The offsets in ``clause`` where its words start or end; None for a script no dictionary here cuts."""
    locale = LOCALES.get(script)
    if locale is None:
        return None
    try:
        segments = list(_breaker()(clause, locale).segments())
    except UnicodeEncodeError:  # a lone surrogate, which no file read strictly has: the clause is left uncut
        return None
    if clause.isascii() or max(clause) <= "\uffff":
        return frozenset(at for segment in segments for at in segment)
    # ICU counts UTF-16 code units: a character beyond the Basic Multilingual Plane is two of them.
    offset_of, units = {}, 0
    for index, char in enumerate(clause):
        offset_of[units] = index
        units += 2 if char > "\uffff" else 1
    offset_of[units] = len(clause)
    return frozenset(offset_of[at] for segment in segments for at in segment if at in offset_of)
