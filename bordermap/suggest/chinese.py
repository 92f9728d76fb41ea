"""Chinese words, for the names found in a clause of Chinese (issue #21).

Chinese is written without spaces, so a gazetteer's name can be found where no word of that name is: "阿拉" (Ala) in
"阿拉木图" (Almaty), "西安" in "江西安徽". jieba, the segmenter most Chinese text tools use, cuts a clause into words
and tags each with its part of speech; a name is taken only where it is words of the clause (or the start of a
place's word before its suffix, "伊宁" of "伊宁市"), and a name that is a common word of the language ("合作",
cooperation; "中心", centre) is said to be one. jieba is loaded (0.6 s) only for a text with Chinese in it.
"""

import functools
import logging
import re
from dataclasses import dataclass

from bordermap.project import user_cache_folder

# jieba's tags for names of places (ns), of people (nr, nrt: foreign names are often places too, "哈萨克斯坦"), of
# organisations (nt) and other proper names (nz): a name found as one of these words is no common word.
PROPER_TAGS = frozenset(("ns", "nr", "nrt", "nrfg", "nt", "nz"))
PLACE_TAG = "ns"
# What follows a place's own name in its word: city, county, province, district, prefecture, town, township ...
_ADMINISTRATIVE_SUFFIX = re.compile(r"[市县縣省区區州镇鎮乡鄉村旗盟]+")
# An autonomous division's rank ("自治区", "自治州", "自治县", "自治旗") follows the peoples it is named after
# ("广西壮族自治区": Guangxi, of the Zhuang; "黔东南苗族侗族自治州"), each with "族" (people) or, for three, without
# ("新疆维吾尔自治区"); "内蒙古自治区" is Inner Mongolia's own name before its rank.
_AUTONOMY = re.compile(r"自治[区區州县縣旗]\Z")
_PEOPLES = (
    "壮|回|藏|维吾尔|苗|彝|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|"
    "达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|塔吉克|怒|鄂温克|保安|裕固|京|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|蒙古|各"
)
_PEOPLE_LAST = re.compile(f"(?:(?:{_PEOPLES})族|维吾尔|哈萨克|柯尔克孜)\\Z")
_DIRECTION = re.compile("[东西南北東]{1,2}")
_PART = re.compile("[端部方面边邊侧側角隅]")  # end, part, side, corner
MIN_STEM = 2  # characters of a place's own name before its rank: "广州市" is no "广"


def _rank_start(text: str, start: int, end: int) -> int:
    """Where the word of a place's rank starts at the end of ``text[start:end]`` (a city's, a county's … "瑞丽|市";
    an autonomous division's, with its peoples, "广西|壮族自治区"), at ``start`` or after; ``end`` where there is
    none."""
    autonomy = _AUTONOMY.search(text, start, end)
    if autonomy is not None:
        rank = autonomy.start()
        while (people := _PEOPLE_LAST.search(text, start, rank)) is not None:
            rank = people.start()
        return rank
    suffix = _ADMINISTRATIVE_SUFFIX.search(text, start, end)
    while suffix is not None and suffix.end() != end:
        suffix = _ADMINISTRATIVE_SUFFIX.search(text, suffix.end(), end)
    return suffix.start() if suffix is not None else end


def _stem_end(text: str, start: int, end: int) -> int:
    """Where the place's own name ends in the word ``text[start:end]``, before its rank: ``MIN_STEM`` characters at
    least (all but one of a shorter word), or the whole word where it has no rank."""
    return _rank_start(text, start + min(MIN_STEM, end - start - 1), end)


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")


# The last character of a Chinese word for a work of people: bridge, pass, station, port, temple, tower, pagoda,
# palace, gate, garden, shrine, hall. A small town given such a word as its name ("大桥", Daqiao; big bridge) is
# seldom what a text means by it.
LANDMARK_ENDINGS = frozenset("桥橋关關站港寺楼樓塔宫宮门門园園庙廟馆館")


def names_a_landmark(phrase: str, language: str) -> bool:
    """True for a Chinese word ending in a character of ``LANDMARK_ENDINGS``."""
    return len(phrase) >= 2 and phrase[-1] in LANDMARK_ENDINGS and is_chinese(phrase, language)


# Words that follow the first part of a landmark's Chinese name ("友谊|大桥", Friendship Bridge): a landmark's last
# character, with what may come between (big, long, old, new; "长江大桥", the Yangtze bridge, is named after a river).
_LANDMARK_AFTER = re.compile(f"[大长長老新古]?[{''.join(sorted(LANDMARK_ENDINGS))}]")


def before_a_landmark(content: str, end: int, language: str) -> bool:
    """True for a Chinese name right before the word of a landmark it names ("友谊大桥": 友谊, friendship, is no
    town of Youyi there)."""
    return is_chinese(content[max(0, end - 1) : end + 2], language) and _LANDMARK_AFTER.match(content, end) is not None


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    tag: str


def is_chinese(clause: str, language: str) -> bool:
    """True for a clause to segment as Chinese: Han characters, no kana (Japanese), in a text not said to be
    Japanese or Korean."""
    return language not in ("ja", "ko") and _HAN.search(clause) is not None and _KANA.search(clause) is None


def without_rank(phrase: str) -> str:
    """A place's name written with the word of its rank, without it: "瑞丽" of "瑞丽市", "稚内" of "稚内市"; "" for a
    phrase of Han characters that has no such word at its end."""
    if _HAN.match(phrase) is None:
        return ""
    rank = _stem_end(phrase, 0, len(phrase))
    return phrase[:rank] if rank < len(phrase) else ""


def all_han(word: str) -> bool:
    """True for a word of Han characters only."""
    return bool(word) and all(_HAN.match(char) for char in word)


def has_kana(clause: str) -> bool:
    """True for a clause with hiragana or katakana in it: Japanese."""
    return _KANA.search(clause) is not None


@functools.cache
def _tokenizer():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" lines are not the user's business
    tokenizer = jieba.Tokenizer()
    folder = user_cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(folder)  # its dictionary's cache with ours, not in a folder every user can write
    except OSError:
        pass  # then it is built each time (0.6 s), nothing is lost
    return jieba.posseg.POSTokenizer(tokenizer)


def words(clause: str) -> list[Word]:
    """The clause's words, with their offsets in it and their tags."""
    found, at = [], 0
    for pair in _tokenizer().cut(clause, HMM=True):
        found.append(Word(at, at + len(pair.word), pair.flag))
        at += len(pair.word)
    return found


class Clause:
    """A clause's words, asked whether a name found at [start, end) is words of it."""

    def __init__(self, clause: str):
        self.text = clause
        self.words = words(clause)
        self._starts = {word.start: word for word in self.words}
        self._ends = {word.end: word for word in self.words}
        self._word_at: list[Word] = [word for word in self.words for _ in range(word.end - word.start)]

    def takes(self, start: int, end: int, names: set[tuple[int, int]]) -> bool:
        """True when [start, end) is one or more whole words, or a part of a place's word: its start before a suffix
        ("伊宁" of "伊宁市") or before another name (``names``: "新疆" of "新疆伊犁哈萨克自治州"), or its end after
        another name. jieba calls some words of the language places too: "海口" (Haikou) ends "入海口" (an estuary)."""
        if start in self._starts and end in self._ends:
            return True
        word = self._word_at[start]
        if word.tag != PLACE_TAG or not (word.start <= start < end <= word.end):
            return False
        if start == word.start:
            return _rank_start(self.text, end, word.end) == end or (end, word.end) in names
        return end == word.end and (word.start, start) in names

    def stem_end(self, word: Word) -> int:
        """Where a place's word ends before its suffix of administration ("凭祥" of "凭祥市"), or its end."""
        return _stem_end(self.text, word.start, word.end)

    def common(self, start: int, end: int) -> bool:
        """True when [start, end) is one word of the language that is no name: "合作", "中心", "口岸"; or a direction
        before the word of a part ("西南|端", the south-western end: jieba calls "西南", the South-west, a place)."""
        word = self._starts.get(start)
        if word is None or word.end != end:
            return False
        return word.tag not in PROPER_TAGS or (
            _DIRECTION.fullmatch(self.text, start, end) is not None and _PART.match(self.text, end) is not None
        )
