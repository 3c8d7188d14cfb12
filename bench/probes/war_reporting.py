"""War-reporting snippets for `bench/extraction_probes.py`: invented for Gazette by a helper session (real
towns, invented sentences, none from eval/gold), each with the claims a reader expects: (place,
type, stance, controller or None)."""

# ruff: noqa: E501
# (id, text, [(place, type, stance, controller or None)])
Expected = tuple[str, str, str, str | None]
S: list[tuple[str, str, list[Expected]]] = [
    # ---- Russia / Ukraine
    (
        "u01",
        "Russian troops captured Ocheretyne after weeks of fighting, the Russian defence ministry said on Sunday.",
        [("Ocheretyne", "capture", "asserted", "Russia")],
    ),
    (
        "u02",
        "Spokesman Ivan Moroz said Russian troops had captured Krasnohorivka, but added that fighting continued on its western edge.",
        [("Krasnohorivka", "capture", "asserted", "Russia")],
    ),
    (
        "u03",
        "Ukrainian forces retook Lyman on Saturday, Ukraine's general staff said.",
        [("Lyman", "capture", "asserted", "Ukraine")],
    ),
    (
        "u04",
        "Avdiivka fell to Russian forces in February after a months-long siege.",
        [("Avdiivka", "capture", "asserted", "Russia")],
    ),
    (
        "u05",
        "Russian units entered Selydove from the south, according to Ukrainian military bloggers.",
        [("Selydove", "advance", "asserted", "Russia")],
    ),
    (
        "u06",
        "Russian assault groups pushed into the outskirts of Novohrodivka overnight, a Ukrainian brigade spokesman said.",
        [("Novohrodivka", "advance", "asserted", "Russia")],
    ),
    (
        "u07",
        "Ukraine's army withdrew from Soledar to avoid encirclement, commander Oleh Bondarenko said. Russian forces have been attacking the town since August.",
        [("Soledar", "withdrawal", "asserted", "Russia")],
    ),
    (
        "u08",
        "Ukrainian troops pulled out of Hirnyk after the town's last supply road was cut by Russian drones.",
        [("Hirnyk", "withdrawal", "asserted", "Russia")],
    ),
    (
        "u09",
        "Tokmak remains under Russian control, the Russian-installed occupation authorities said.",
        [("Tokmak", "control", "asserted", "Russia")],
    ),
    (
        "u10",
        "Residents of Russian-held Shakhtarsk reported explosions near the railway station on Monday.",
        [("Shakhtarsk", "control", "asserted", "Russia")],
    ),
    (
        "u11",
        "Kreminna is held by Russian forces, though Ukrainian units are dug in in the forests to the west.",
        [("Kreminna", "control", "asserted", "Russia")],
    ),
    (
        "u12",
        "Fierce fighting for control of Vuhlehirsk between Russian and Ukrainian troops continued on Thursday.",
        [("Vuhlehirsk", "contested", "asserted", None)],
    ),
    (
        "u13",
        'Ukraine\'s defence ministry denied that Siversk had fallen to Russian forces. "Our soldiers are still holding the town," spokeswoman Natalia Hrytsenko said.',
        [("Siversk", "capture", "denied", "Russia"), ("Siversk", "control", "asserted", "Ukraine")],
    ),
    (
        "u14",
        "Toretsk has not been captured, the Ukrainian defence ministry said, calling Russian reports propaganda.",
        [("Toretsk", "capture", "denied", "Russia")],
    ),
    (
        "u15",
        "Russia claimed to have captured Kurdyumivka, which Ukraine denied.",
        [
            ("Kurdyumivka", "capture", "asserted", "Russia"),
            ("Kurdyumivka", "capture", "denied", "Russia"),
        ],
    ),
    (
        "u16",
        "The Russian army regained Tsukuryne after a Ukrainian counterattack, the Russian defence ministry said.",
        [("Tsukuryne", "capture", "asserted", "Russia")],
    ),
    (
        "u17",
        "Ukrainian forces are in full control of Vovchansk, regional military chief Andriy Shevchenko said on Wednesday.",
        [("Vovchansk", "control", "asserted", "Ukraine")],
    ),
    (
        "u18",
        "The Russian defence ministry published new drone footage on Tuesday. It said its forces had taken Marinka and were advancing west.",
        [("Marinka", "capture", "asserted", "Russia")],
    ),
    (
        "u19",
        "Russia said its paratroopers had liberated Lysychansk, a claim Ukraine did not immediately address.",
        [("Lysychansk", "capture", "asserted", "Russia")],
    ),
    (
        "u20",
        "Sievierodonetsk was recaptured by Ukrainian forces, the regional governor said.",
        [("Sievierodonetsk", "capture", "asserted", "Ukraine")],
    ),
    (
        "u21",
        "Ukrainian troops still hold positions in Bilohorivka despite daily Russian assaults, the brigade said.",
        [("Bilohorivka", "control", "asserted", "Ukraine")],
    ),
    (
        "u22",
        "Russian soldiers raised a flag over the centre of Terny on Friday. They captured Terny after a three-day assault, Russian war bloggers said.",
        [("Terny", "capture", "asserted", "Russia")],
    ),
    (
        "u23",
        "A Russian-backed militia took the town of Kurakhivka on Monday, Ukrainian officials said.",
        [("Kurakhivka", "capture", "asserted", "Russia")],
    ),
    (
        "u24",
        "Ukrainian troops seized Velykyi Burluk in a surprise counteroffensive, while Russian forces withdrew from Bilozerske.",
        [
            ("Velykyi Burluk", "capture", "asserted", "Ukraine"),
            ("Bilozerske", "withdrawal", "asserted", "Ukraine"),
        ],
    ),
    (
        "u25",
        "The Russian defence ministry said its troops had entered Stepnohirsk. Ukraine's southern command said the report was false and that Stepnohirsk remains under Ukrainian control.",
        [
            ("Stepnohirsk", "advance", "asserted", "Russia"),
            ("Stepnohirsk", "advance", "denied", "Russia"),
            ("Stepnohirsk", "control", "asserted", "Ukraine"),
        ],
    ),
    (
        "u26",
        "Ukraine said its forces had liberated Yampil, a village north of Siversk.",
        [("Yampil", "capture", "asserted", "Ukraine")],
    ),
    (
        "u27",
        "Russian forces took control of Nikopol's southern outskirts, the pro-Kremlin governor claimed, but Ukraine said the city was firmly in its hands.",
        [
            ("Nikopol", "control", "asserted", "Russia"),
            ("Nikopol", "control", "asserted", "Ukraine"),
        ],
    ),
    # ---- Israel / Gaza / Lebanon
    (
        "g01",
        "Israeli tanks entered Rafah on Tuesday, the army said, despite international warnings.",
        [("Rafah", "advance", "asserted", "Israel")],
    ),
    (
        "g02",
        "The Israeli army said it had taken control of Jabalia after a three-week operation.",
        [("Jabalia", "control", "asserted", "Israel")],
    ),
    (
        "g03",
        "Israeli forces withdrew from Khan Younis on Sunday, leaving behind a flattened city, witnesses said.",
        [("Khan Younis", "withdrawal", "asserted", None)],
    ),
    (
        "g04",
        "Hamas fighters still hold Beit Hanoun, an Israeli officer acknowledged on Wednesday.",
        [("Beit Hanoun", "control", "asserted", None)],
    ),
    (
        "g05",
        "Israeli ground forces pushed into the outskirts of Bint Jbeil, Hezbollah said, adding that its fighters had repelled the advance.",
        [("Bint Jbeil", "advance", "asserted", "Israel")],
    ),
    (
        "g06",
        "Hezbollah denied that Israeli troops had entered Marjayoun.",
        [("Marjayoun", "advance", "denied", "Israel")],
    ),
    (
        "g07",
        "The Israel Defense Forces pulled out of Beit Lahia after a two-week raid.",
        [("Beit Lahia", "withdrawal", "asserted", None)],
    ),
    (
        "g08",
        "Army spokesman Avi Dror said Israeli troops had not entered Nabatieh and were operating only in villages along the border.",
        [("Nabatieh", "advance", "denied", "Israel")],
    ),
    (
        "g09",
        "Lebanese troops are in full control of Tyre, the Lebanese army said after Israeli forces pulled back.",
        [("Tyre", "control", "asserted", "Lebanon")],
    ),
    # ---- Sudan
    (
        "s01",
        "The Rapid Support Forces overran El Fasher on Sunday, killing hundreds of civilians, aid groups said.",
        [("El Fasher", "capture", "asserted", None)],
    ),
    (
        "s02",
        "The Sudanese army regained Wad Madani in January, a year after the city fell to the RSF.",
        [
            ("Wad Madani", "capture", "asserted", "Sudan"),
            ("Wad Madani", "capture", "asserted", None),
        ],
    ),
    (
        "s03",
        "Omdurman remains under army control, though RSF shelling continues, Sudan's military said.",
        [("Omdurman", "control", "asserted", "Sudan")],
    ),
    (
        "s04",
        "The paramilitary RSF claimed to have captured Babanusa, which the Sudanese army denied.",
        [("Babanusa", "capture", "asserted", None), ("Babanusa", "capture", "denied", None)],
    ),
    (
        "s05",
        "Fighting for control of El Obeid between the army and the RSF intensified on Wednesday.",
        [("El Obeid", "contested", "asserted", None)],
    ),
    (
        "s06",
        "Thousands have fled RSF-held Geneina since June, the UN refugee agency said.",
        [("Geneina", "control", "asserted", None)],
    ),
    (
        "s07",
        "Sinja was recaptured by government forces on Saturday, army spokesman Brigadier Omar Hassan said.",
        [("Sinja", "capture", "asserted", "Sudan")],
    ),
    (
        "s08",
        "Zalingei fell to the paramilitaries in November after the army garrison surrendered.",
        [("Zalingei", "capture", "asserted", None)],
    ),
    (
        "s09",
        "The Sudanese army withdrew from Mellit, local monitors said, leaving the town to the RSF.",
        [("Mellit", "withdrawal", "asserted", None)],
    ),
    (
        "s10",
        "RSF fighters entered Kutum unopposed on Thursday, residents told Reuters.",
        [("Kutum", "advance", "asserted", None)],
    ),
    (
        "s11",
        "The Sudanese army said its troops had broken the siege of Dilling and were in full control of the town.",
        [("Dilling", "control", "asserted", "Sudan")],
    ),
    (
        "s12",
        "Kadugli is held by Sudanese government troops, but SPLM-N fighters surround the city.",
        [("Kadugli", "control", "asserted", "Sudan")],
    ),
    # ---- Myanmar
    (
        "m01",
        "The Myanmar National Democratic Alliance Army took control of Lashio in August, the first regional military command to fall.",
        [("Lashio", "control", "asserted", None)],
    ),
    (
        "m02",
        "Rebels overran Laukkai in January after the surrender of six generals.",
        [("Laukkai", "capture", "asserted", None)],
    ),
    (
        "m03",
        "The Arakan Army seized Buthidaung, the group said in a statement on Saturday.",
        [("Buthidaung", "capture", "asserted", None)],
    ),
    (
        "m04",
        "Resistance fighters pushed into the outskirts of Loikaw but were later driven back by junta forces.",
        [("Loikaw", "advance", "asserted", None)],
    ),
    (
        "m05",
        "Myanmar's military regained Myawaddy after Karen rebels withdrew from the border town.",
        [
            ("Myawaddy", "capture", "asserted", "Myanmar"),
            ("Myawaddy", "withdrawal", "asserted", "Myanmar"),
        ],
    ),
    (
        "m06",
        "Sittwe remains under junta control, but the Arakan Army has encircled the state capital.",
        [("Sittwe", "control", "asserted", "Myanmar")],
    ),
    (
        "m07",
        "Junta spokesman Major General Kyaw Thura denied that Bhamo had fallen to the Kachin Independence Army.",
        [("Bhamo", "capture", "denied", None)],
    ),
    (
        "m08",
        "They captured Mogok on Saturday after a week of fighting, the Ta'ang National Liberation Army said.",
        [("Mogok", "capture", "asserted", None)],
    ),
    (
        "m09",
        "Jade mining has resumed in Kachin Independence Army-held Hpakant, traders said.",
        [("Hpakant", "control", "asserted", None)],
    ),
    (
        "m10",
        "Chin resistance forces are in full control of Falam, a spokesman for the Chin Brotherhood said.",
        [("Falam", "control", "asserted", None)],
    ),
    (
        "m11",
        "The militia took the town of Kyaukme after a two-day battle with Myanmar army troops.",
        [("Kyaukme", "capture", "asserted", None)],
    ),
    # ---- Sahel
    (
        "a01",
        "Malian troops and Russian mercenaries retook Kidal in November, ending a decade of separatist control.",
        [("Kidal", "capture", "asserted", "Mali")],
    ),
    (
        "a02",
        "Malian soldiers pulled out of Tessalit after UN peacekeepers left the base, the rebels said.",
        [("Tessalit", "withdrawal", "asserted", None)],
    ),
    (
        "a03",
        "Jihadists have besieged Timbuktu for months, but the town is held by the Malian army.",
        [("Timbuktu", "control", "asserted", "Mali")],
    ),
    (
        "a04",
        "Islamic State fighters seized Ansongo on Tuesday, a local official said.",
        [("Ansongo", "capture", "asserted", None)],
    ),
    (
        "a05",
        "Djibo remains under army control despite a blockade by JNIM fighters, the military government of Burkina Faso said.",
        [("Djibo", "control", "asserted", "Burkina Faso")],
    ),
    (
        "a06",
        "The rebel CSP-DPA alliance claimed to have captured Aguelhok, which the Malian army denied.",
        [("Aguelhok", "capture", "asserted", None), ("Aguelhok", "capture", "denied", None)],
    ),
    (
        "a07",
        "Fighting for control of Menaka erupted on Friday between the Malian army and Islamic State.",
        [("Menaka", "contested", "asserted", None)],
    ),
    (
        "a08",
        "JNIM militants entered Diapaga on Sunday and burned the police station, security sources said.",
        [("Diapaga", "advance", "asserted", None)],
    ),
    # ---- Armenia / Azerbaijan
    (
        "z01",
        "Azerbaijani forces took Shusha in November 2020, a turning point in the war with Armenia.",
        [("Shusha", "capture", "asserted", "Azerbaijan")],
    ),
    (
        "z02",
        "Armenian troops withdrew from Kalbajar under the ceasefire deal, handing the district back to Azerbaijan.",
        [("Kalbajar", "withdrawal", "asserted", "Azerbaijan")],
    ),
    (
        "z03",
        "Azerbaijan's army entered Stepanakert in October after the separatist government dissolved itself.",
        [("Stepanakert", "advance", "asserted", "Azerbaijan")],
    ),
    (
        "z04",
        "Armenia's defence ministry denied that Azerbaijani troops had captured Jabrayil.",
        [("Jabrayil", "capture", "denied", "Azerbaijan")],
    ),
    (
        "z05",
        "Azerbaijan said it had liberated Fuzuli and Zangilan from Armenian occupation.",
        [
            ("Fuzuli", "capture", "asserted", "Azerbaijan"),
            ("Zangilan", "capture", "asserted", "Azerbaijan"),
        ],
    ),
    (
        "z06",
        "Khojavend was recaptured by Azerbaijani forces, the ministry in Baku said.",
        [("Khojavend", "capture", "asserted", "Azerbaijan")],
    ),
    # ---- Syria
    (
        "y01",
        "Rebels led by Hayat Tahrir al-Sham entered Aleppo on Friday for the first time since 2016.",
        [("Aleppo", "advance", "asserted", None)],
    ),
    (
        "y02",
        "Turkish-backed factions seized Manbij from the Kurdish-led SDF, a war monitor said.",
        [("Manbij", "capture", "asserted", None)],
    ),
    (
        "y03",
        "Homs fell to the rebels on Saturday night as Syrian government troops pulled out of the city.",
        [("Homs", "capture", "asserted", None), ("Homs", "withdrawal", "asserted", None)],
    ),
    (
        "y04",
        "Saraqib was recaptured by Syrian government forces with Russian air support.",
        [("Saraqib", "capture", "asserted", "Syria")],
    ),
    (
        "y05",
        "Raqqa remains under SDF control, a spokesman for the Kurdish-led force said.",
        [("Raqqa", "control", "asserted", None)],
    ),
    (
        "y06",
        "Syrian army spokesman Colonel Ali Mahmoud said government troops had retaken Khan Shaykhun.",
        [("Khan Shaykhun", "capture", "asserted", "Syria")],
    ),
    (
        "y07",
        "The Syrian defence ministry denied that Daraa had fallen, saying troops are in full control of the city.",
        [("Daraa", "capture", "denied", None), ("Daraa", "control", "asserted", "Syria")],
    ),
    (
        "y08",
        "Syrian government-held Deir ez-Zor came under Islamic State attack overnight.",
        [("Deir ez-Zor", "control", "asserted", "Syria")],
    ),
    # ---- DR Congo
    (
        "c01",
        "M23 rebels captured Goma, the largest city in eastern Congo, in late January.",
        [("Goma", "capture", "asserted", None)],
    ),
    (
        "c02",
        "The Congolese army denied that Bukavu had fallen, but residents said M23 fighters were patrolling the streets.",
        [("Bukavu", "capture", "denied", None)],
    ),
    (
        "c03",
        "Rwanda-backed rebels pushed into the outskirts of Uvira on Tuesday, a local official said.",
        [("Uvira", "advance", "asserted", None)],
    ),
    (
        "c04",
        "The M23 took the town of Rutshuru in 2022 and has held it since.",
        [("Rutshuru", "capture", "asserted", None), ("Rutshuru", "control", "asserted", None)],
    ),
    (
        "c05",
        "Beni remains under army control, the governor of North Kivu said.",
        [("Beni", "control", "asserted", "Democratic Republic of the Congo")],
    ),
    (
        "c06",
        "Congolese troops withdrew from Butembo ahead of the rebel advance.",
        [("Butembo", "withdrawal", "asserted", None)],
    ),
    (
        "c07",
        "M23 spokesman Patrick Mugenzi said the movement's fighters are in full control of Goma and will not leave.",
        [("Goma", "control", "asserted", None)],
    ),
]
