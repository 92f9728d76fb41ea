"""The words ``suggest`` reads English prose by: what joins a name, what cues a place, what is no place."""

# Lower-case words that may join the words of one name: "Isle of Man", "Trinidad and Tobago", "Rio de Janeiro",
# "San Cristóbal de las Casas", "Foz do Iguaçu", "Reggio di Calabria", "Freiburg im Breisgau", "Bergen op Zoom",
# "Hani i Elezit".
CONNECTORS = frozenset(
    "of de la le du des del da do upon on am an der den al el and y sur en las los das dos di della delle dello "
    "degli dei im zum zur ob op aan nad pod i".split()
)

# A capitalised phrase ending with one of these is a place the gazetteers of towns cannot hold: "Tumen River".
CUES_AFTER = frozenset(
    "river province bridge county mountains mountain lake sea island islands valley castle district prefecture "
    "strait bay peninsula empire kingdom republic region desert gulf canal coast pass gorge falls canyon dam volcano "
    "glacier delta oasis crossing airport station checkpoint tunnel peak lagoon reef atoll beach "
    # the works of people a traveller goes to see: "Thiên Mụ Pagoda", "Cologne Cathedral", "Burana Tower"
    "pagoda temple palace tower mosque cathedral monastery abbey shrine stupa fortress citadel "
    # Turkish: "Çıldır Gölü", "Ağrı Dağı", "Fırat Nehri", "İstanbul Boğazı", "Fırtına Deresi", "Ayder Yaylası"
    "gölü dağı dağları nehri ırmağı çayı denizi körfezi boğazı adası geçidi vadisi şelalesi kanyonu kapısı köprüsü "
    "limanı havalimanı kalesi köyü deresi tepesi ovası yarımadası burnu mağarası barajı "
    # and the works of people: "Sümela Manastırı", "Ayasofya Camii", "Topkapı Sarayı", "Galata Kulesi"
    "manastırı camii kilisesi sarayı kulesi türbesi çarşısı meydanı parkı müzesi yaylası".split()
)

# Two words that end such a place's name, where the last alone ends names of other things too ("Park Chung-hee"):
# "South Luangwa National Park", "Sabi Sand Game Reserve".
CUES_AFTER_OF_TWO_WORDS = frozenset(
    (("national", "park"), ("game", "reserve"), ("nature", "reserve"), ("wildlife", "sanctuary"))
)

# A capitalised phrase starting with one of these is such a place too: "Mount Paektu", "Lake Khanka", and in the
# languages of Europe's and Latin America's travel writing, "Río Usumacinta", "Volcán Tacaná", "Coll de Puymorens",
# "Wadi Rum".
CUES_BEFORE = frozenset(
    "mount lake loch lough fort cape isle river republic kingdom viceroyalty gulf "
    "río rio rivière riu fiume lago lac laguna lagoa monte mont cerro pico pic volcán volcan sierra cordillera "
    "isla île ilha isola islas îles golfo bahía baía cabo punta estrecho col coll puerto paso vall valle val "
    "wadi jebel jabal djebel ras nahr معبر جسر גשר מעבר cataratas cascada cascata chutes salto "
    "glaciar nevado salar serra serranía península ría arroyo quebrada jezioro jezero ponte puente pont وادي "
    "parque parc wat "
    # forts, castles, aqueducts, sanctuaries, churches: "Forte da Graça", "Santuario de Las Lajas"
    "forte fortaleza fuerte castelo castillo castello aqueduto acueducto acquedotto santuario santuário "
    "igreja iglesia chiesa catedral cattedrale mosteiro monasterio monastero "
    # German writes the word of a kind with a capital before a name: "Insel Mainau", "Fluss Thur", "Schloss Tarasp"
    "insel halbinsel berg fluss kap gletscher schloss burg kloster "
    # Greek's monastery and gorge, capitalised as part of the name: "Μονή Μεγάλου Μετεώρου", "Φαράγγι της Σαμαριάς"
    "μονή φαράγγι "
    "gunung danau pulau sungai selat teluk jambatan jembatan sông núi hồ đèo vịnh đảo thác "
    # Indonesian and Malay sights and small features: "Pura Besakih" (a temple), "Candi Prambanan", "Pantai Kuta",
    # "Bandara Ngurah Rai" (an airport), "Bukit Lawang", "Tanjung Aan", "Benteng Rotterdam", "Masjid Istiqlal"
    "pura candi pantai bandara bukit tanjung benteng masjid keraton "
    # Swahili: "Mlima Kilimanjaro", "Ziwa Victoria", "Mto Rufiji", "Kisiwa cha Mafia", "Hifadhi ya Serengeti" (a park),
    # "Bahari ya Hindi" (the Indian Ocean), "Milima ya Usambara"
    "mlima milima ziwa mto kisiwa hifadhi bahari ghuba "
    # Tagalog: "Bundok Apo", "Bulkang Mayon" (the volcano Mayon), "Lawa ng Taal", "Ilog Pasig"
    "bundok bulkang bulkan lawa ilog".split()
)

# A capitalised word of direction before a place's name makes a part of it a place of its own: "North Africa",
# "Southeast Asia", "Upper Egypt" (when the gazetteers have no such name, as "North Korea" they have).
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "upper lower inner outer".split()
)

# English words that are also place names somewhere: held back unless the text's evidence is strong.
COMMON_WORDS = frozenset(
    "of mobile nice reading march may june july august can will hope say bath split most male media university "
    "police lead orange before as is it in on at by so no we he she they you the a an this that here there then "
    "when why what who how but and or if also only one two three many some all new old big good best early late "
    "city town village river bridge border guard post hill hills bar love life time day days man men north south "
    "مدينة नगर "
    "east west central union liberty independence commerce friendship harmony concord eden paradise welcome hello "
    "mission temple church school market station camp park english japanese chinese korean russian american monday "
    "tuesday wednesday thursday friday saturday sunday january february april september october november december "
    "republic empire kingdom federal state states alliance federation democratic national royal colonial over after "
    "following since during although from to into near across through toward towards beyond via".split()
)

# A word that starts a name of a person ("President OBAMA", "King Norodom SIHANOUK"): its run is no place.
TITLES = frozenset(
    "president king queen prince princess emperor empress sheikh general col colonel sir lord lady pope mr mrs ms "
    "dr senator governor minister chairman saint st khan khagan tsar czar sultan emir shah caliph pharaoh "
    # Spanish, Portuguese, Italian, French, German
    "rey reina príncipe princesa emperador emperatriz don doña fray rei rainha imperador re regina imperatore roi "
    "reine empereur impératrice könig königin kaiser kaiserin herzog fürst graf "
    # Russian, Ukrainian, Bulgarian, Serbian
    "царь царя царю царица князь князя княгиня король короля королева император императора императорът "
    "цар царят княз кан хан хана султан президент генерал краљ кнез "
    # Vietnamese: "họ Vương" (the Vương family), "ông Hồ" (Mr Hồ), "vua Gia Long" (King Gia Long)
    "họ ông vua".split()
)

# The last word of the name of an organisation, event or document: "Asahi TV", "Platt Amendment". Its place
# words are part of a name, not a place the text speaks of.
NAME_ENDINGS = frozenset(
    "tv amendment treaty accord accords agreement agreements conference government party parliament council "
    "alliance forces army charter court courts authority movement front coalition act war guard company corporation "
    "bank university institute committee commission organization organisation association league assembly congress "
    "ministry department agency navy revolution declaration convention protocol pact summit times news daily radio "
    "airlines airways club team museum foundation".split()
)

# The first word of such a name, followed by "of": "Treaty of Paris", "Congress of Vienna".
NAME_STARTS = frozenset(
    "treaty accord accords peace congress council conference convention protocol pact university bank battle siege "
    "declaration edict duke duchess earl bishop archbishop".split()
)

# The word for a kind of natural feature, written as its own word before a name (Arabic "نهر الأردن", the river
# Jordan; Persian "کوه دماوند"; Hebrew "הר חרמון"; Russian "река Волга") or after it (Hindi "गंगा नदी"), in scripts
# and languages whose cue is no capitalised word of the name: the name is then the natural feature Natural Earth
# names as the gazetteer names its homonym place or country ("الأردن" is Jordan, and the river Jordan).
RIVER, MOUNTAIN, SEA, LAKE = ("river",), ("mountain", "range"), ("sea", "gulf", "bay", "lake"), ("lake", "reservoir")
ISLAND, PENINSULA, STRAIT, DESERT = ("island", "islands"), ("peninsula",), ("strait", "channel"), ("desert",)
# Latin-script languages write that word in lower case before the name: French "le fleuve Gambie", Spanish "el río
# Bravo", Vietnamese "sông Hồng", Indonesian "sungai Musi" (a capitalised "Río Bravo" is a name with its cue).
NATURAL_CUES_BEFORE = {
    **dict.fromkeys("نهر انهار رود رودخانه رودخانهٔ נהר נהרות река реки реке реку рекой".split(), RIVER),
    **dict.fromkeys("river fleuve rivière río rio fiume sông sungai fluss mto ilog".split(), RIVER),
    **dict.fromkeys("جبل جبال کوه کوههای הר הרי гора горы горе гору хребет хребта".split(), MOUNTAIN),
    **dict.fromkeys(
        "mont monte montagne núi gunung cerro volcán volcan nevado pico sierra cordillera berg mlima milima bundok "
        "bulkang bulkan".split(),
        MOUNTAIN,
    ),
    **dict.fromkeys("island isle isla île ilha isola đảo pulau insel kisiwa pulo".split(), ISLAND),
    **dict.fromkeys("جزیره جزیرهٔ جزيرة".split(), ISLAND),
    **dict.fromkeys("archipelago archipiélago arquipélago archipel arcipelago".split(), ISLAND),
    **dict.fromkeys("península péninsule penisola halbinsel".split(), PENINSULA),
    **dict.fromkeys("estrecho détroit stretto estreito selat تنگه مضيق".split(), STRAIT),
    **dict.fromkeys("desierto désert deserto صحراء מדבר".split(), DESERT),
    **dict.fromkeys("golfo golfe vịnh teluk bahía baie baía ghuba خلیج خليج מפרץ".split(), SEA),
    **dict.fromkeys("بحر دریای ים море моря морю".split(), SEA),
    **dict.fromkeys("mer mar mare biển laut bahari dagat".split(), SEA),
    **dict.fromkeys("بحيرة دریاچه دریاچهٔ אגם озеро озера озере".split(), LAKE),
    **dict.fromkeys("lake lac lago hồ danau ziwa lawa".split(), LAKE),
    # Greek, in the cases a name follows them in: "λίμνη Δοϊράνη", "ποταμός Αξιός", "όρος Άθως"
    **dict.fromkeys("λίμνη λίμνης λίμνες".split(), LAKE),
    **dict.fromkeys("ποταμός ποταμού ποταμό".split(), RIVER),
    **dict.fromkeys("όρος όρους όρη".split(), MOUNTAIN),
    **dict.fromkeys("θάλασσα θάλασσας κόλπος κόλπου".split(), SEA),
    **dict.fromkeys("νησί νησιού νήσος νήσου".split(), ISLAND),
    **dict.fromkeys("embalse represa barrage".split(), LAKE),
    # Polish, Czech and Slovak "nad" (on, by): a town on water is "Ústí nad Labem", a trip "nad Wisłą", "nad morzem"
    "nad": RIVER + LAKE + SEA,
    # the Slavic languages written in Latin letters, and Romanian, in the cases a name follows them in: "řeka Lužnice",
    # "rzeka San", "rijeka Sava", "râul Mureș"; a lake: "jezioro Śniardwy", "jezero Bled", "lacul Snagov"
    **dict.fromkeys("řeka řeky řece řekou rieka rieky rieke riekou rzeka rzeki rzece rzekę rzeką".split(), RIVER),
    **dict.fromkeys("rijeka rijeke rijeci reka reke râul râului".split(), RIVER),
    **dict.fromkeys("jezero jezera jezioro jeziora jeziorze lacul lacului".split(), LAKE),
    **dict.fromkeys("pohoří pohorie góry gór muntele munții munților".split(), MOUNTAIN),
    # Romanian's arms of a river: "brațul Sulina", "brațului Chilia" (the Danube's)
    **dict.fromkeys("braț brațul brațului".split(), RIVER),
    # French's range named after its highest mountain: "le massif du Mont-Blanc"
    "massif": ("range",),
}
# The plural of such a word before a list of names makes each of them a feature of its kind: "los volcanes San Pedro,
# Tolimán y Atitlán", "les lacs Léman et d'Annecy", "the rivers Sava and Drava".
PLURAL_NATURAL_CUES = {
    **dict.fromkeys("rivers ríos rios rivières fleuves fiumi sông".split(), RIVER),
    **dict.fromkeys("volcanes volcans vulcani vulcões montes monts monti montagnes montañas".split(), MOUNTAIN),
    **dict.fromkeys("lakes lagos lacs laghi lagunas".split(), LAKE),
    **dict.fromkeys("islands islas îles isole ilhas".split(), ISLAND),
}
# English names the kind after a list: "the Chucunaque and Tuira rivers", "the Tigris and Euphrates rivers".
PLURAL_NATURAL_CUES_AFTER = {
    "rivers": RIVER,
    "lakes": LAKE,
    "islands": ISLAND,
    "mountains": MOUNTAIN,
    "volcanoes": MOUNTAIN,
    "seas": SEA,
}
# A word for a town, "of" and a name: "the village of Bajo Chiquito", "la ciudad de Yaviza", "le bourg de Saanen". The
# name is a town's, known to a gazetteer or not.
SETTLEMENT_WORDS = frozenset(
    "town village city hamlet ville bourg ciudad pueblo villa aldea cidade vila aldeia città paese villaggio "
    "borgo".split()
)
# A word for a town written right before its name, in the languages that need no "of": Russian "посёлок Листвянка",
# Ukrainian "місто", Bulgarian and Serbian "град", Indonesian "desa Senaru", "kota Mataram", Vietnamese "thị trấn Sa
# Pa" (its last word), "làng", "xã", Polish "wieś", Czech "obec".
SETTLEMENT_WORDS_BEFORE = frozenset(
    "город посёлок поселок село деревня станица аул місто селище град desa kota kampung dusun trấn phố làng xã "
    "wieś miasto miasteczko obec město vesnice".split()
)
# Of those, the words that are prepositions, not a kind's name: a row is never named with them.
CUE_PREPOSITIONS = frozenset(("nad",))
# Nouns of a kind of place in scripts without capitals, beyond those of NATURAL_CUES_BEFORE and CUES_BEFORE: before
# another word they are that noun ("دشت مرغاب", the plain of Morghab; "עמק יזרעאל", the Jezreel valley), never a
# town that bears them as its name.
CASELESS_KIND_NOUNS = frozenset(
    # Persian: plain, valley, bridge, garden, palace, mosque, square, castle, cave, waterfall, tomb, bazaar, church
    "دشت دره پل باغ کاخ مسجد میدان قلعه غار آبشار آرامگاه بازار کلیسای "
    # Arabic: plain, valley, castle, mosque, cave, market, palace, spring
    "سهل قلعة مسجد كهف مغارة سوق قصر عين "
    # Hebrew: valley, stream, fortress, church of, cave, spring, garden
    "עמק נחל מבצר כנסיית מערת עין גן".split()
)
NATURAL_CUES_AFTER = {
    **dict.fromkeys("नदी নদী ندی".split(), RIVER),
    **dict.fromkeys("पर्वत पहाड़ পর্বত".split(), MOUNTAIN),
    **dict.fromkeys("सागर সাগর".split(), SEA),
    **dict.fromkeys("झील হ্রদ".split(), LAKE),
    # Tamil, its word of a kind written with the suffixes a name takes ("மன்னார் வளைகுடாவும்", and the Gulf of Mannar)
    **dict.fromkeys("ஆறு ஆற்றின்".split(), RIVER),
    **dict.fromkeys("மலை மலைகள் மலைத்தொடர்".split(), MOUNTAIN),
    **dict.fromkeys("கடல் விரிகுடா வளைகுடா".split(), SEA),
    **dict.fromkeys("ஏரி".split(), LAKE),
    **dict.fromkeys("நீரிணை ஜலசந்தி".split(), STRAIT),
    **dict.fromkeys("தீவு".split(), ISLAND),
    # Uzbek, its case written on after the kind's word: "Orol dengizining" (of the Aral Sea), "Amudaryo"
    **dict.fromkeys("daryosi daryo".split(), RIVER),
    **dict.fromkeys("tog'i tog'lari tizmasi".split(), MOUNTAIN),
    **dict.fromkeys("dengizi ko'li".split(), SEA),
    **dict.fromkeys("cho'li".split(), DESERT),
    # Armenian, with its article and genitive: "Արարատ լեռը" (Mount Ararat), "Սևանա լճի" (of Lake Sevan)
    **dict.fromkeys("գետ գետը գետի գետում".split(), RIVER),
    **dict.fromkeys("լեռ լեռը լեռան լեռներ լեռները լեռնաշղթա".split(), MOUNTAIN),
    **dict.fromkeys("լիճ լիճը լճի լճում".split(), LAKE),
    **dict.fromkeys("ծով ծովը ծովի ծոց".split(), SEA),
    **dict.fromkeys("կղզի կղզին".split(), ISLAND),
}

# German writes every noun with a capital, and a noun after an article: "mit dem Zug" (by train), "im Zug". A town is
# named without one ("nach Zug"); a region, a river or a range with one ("die Wachau", "die Donau", "die Alpen").
GERMAN_ARTICLES = frozenset(
    "der die das dem den des ein eine einem einen einer eines im am zum zur vom beim ins".split()
)
# The capitalised words German names of places start with ("Bad Ischl", "Sankt Pölten", "Neu-Ulm"): before another
# name, such a word is a part of a longer name; any other capitalised word is a noun ("Stunde Lindau").
GERMAN_NAME_STARTS = frozenset(
    "bad sankt st. neu alt groß gross klein ober unter nieder hohen markt schloss burg kloster hoch nord süd ost west "
    "obere untere oberer unterer alte neue".split()
)
# Languages that write every noun with a capital: there a capital does not say "name".
NOUNS_CAPITALISED = frozenset(("de", "lb"))
# Prepositions a German text writes a town's name right after, where a noun takes an article ("nach Zug", to Zug;
# "mit dem Zug", by train).
GERMAN_BARE_PREPOSITIONS = frozenset("nach in aus von bis über durch bei ab um gegen zwischen nahe hinter vor".split())
