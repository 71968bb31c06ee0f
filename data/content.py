"""Hold the real content of the project plan: project, milestones, activities, sub-goals,
priority areas (testområden), cluster initiatives, and the default phase and criteria scales.

Where the dashboard adds its own reading (which activity a milestone belongs to, which
industries a priority area covers), the table it lands in says so and the methods page
explains it.
"""

from datetime import date

PROJECT = {
    "code": "s3nms",
    "name_sv": "Smart specialisering i Norra Mellansverige",
    "name_en": "Smart specialisation in North Middle Sweden",
    "start": date(2016, 4, 1),
    "end": date(2018, 7, 31),
    "owners": (
        "Region Värmland, Region Dalarna och Region Gävleborg med Karlstads universitet, "
        "Högskolan Dalarna och Högskolan i Gävle"
    ),
}

PLAN_DATASET = {
    "code": "projektplan",
    "title_sv": "Projektplan Smart specialisering i Norra Mellansverige",
    "title_en": "Project plan, Smart specialisation in North Middle Sweden",
    "source": "Projektplanen för Smart specialisering i Norra Mellansverige (2016–2018)",
    "source_url": None,
    "licence": "Offentlig handling",
    "retrieved": date(2016, 4, 1),
    "is_example": False,
    "notes": (
        "Milstolpar, aktiviteter, delmål, målgrupper, organisation, avgränsningar och länens egna processer ordagrant "
        "enligt projektpresentationen (engelska texter är dashboardens översättning); testområden och klusterinitiativ "
        "enligt projektplanen."
    ),
}

CLUSTER_DATASET = {
    "code": "klusterlista",
    "title_sv": "Klusterinitiativ i Norra Mellansverige",
    "title_en": "Cluster initiatives in North Middle Sweden",
    "source": "Region Dalarna, Dalarna Science Park och Tillväxtverket (offentliga förteckningar)",
    "source_url": "https://www.regiondalarna.se/verksamhet/regional-utveckling/naringslivsutveckling/innovation-och-forskning/kluster/",
    "licence": "Offentlig information",
    "retrieved": date(2026, 11, 1),
    "is_example": False,
    "notes": "Namn, hemlän och tema. Grundat år och antal medlemsföretag saknas i källan och lämnas tomma.",
}

# number, name_sv, name_en, description_sv, description_en. The Swedish texts are the plan's words
# (projektpresentation.txt, "Projektets genomförande"; line breaks of the slide joined with a space),
# slips included (data/plan.py marks them sic); the English texts are the dashboard's translation.
ACTIVITIES = [
    (
        1,
        "Processtöd – klustra kluster",
        "Process support – clustering the clusters",
        "Utveckla processtöd och mötesplatser för klustren i processer relaterat till de regionala tillväxtarbetet.",
        "Develop process support and meeting places for the clusters in processes related to the regional growth work.",
    ),
    (
        2,
        "Lärosätenas roll innovationssystemet",
        "The universities' role in the innovation system",
        "Ökad och bättre samverkan mellan lärosäten och företag. Stärka lärosätens medverkan i det regionala "
        "innovationsarbetet och få fler projekt mellan SME och forskare samt fler forskningsmogna företag",
        "Increased and better collaboration between universities and companies. Strengthen the universities' "
        "participation in the regional innovation work and get more projects between SMEs and researchers, and "
        "more research-ready companies",
    ),
    (
        3,
        "Kluster och forskning i innovationsprocesser",
        "Clusters and research in innovation processes",
        "Ökad och bättre samverkan mellan lärosäten och företag. Stärka lärosätens medverkan i det regionala "
        "innovationsarbetet och få fler projekt mellan SME och forskare samt fler forskningsmogna företag",
        "Increased and better collaboration between universities and companies. Strengthen the universities' "
        "participation in the regional innovation work and get more projects between SMEs and researchers, and "
        "more research-ready companies",
    ),
    (
        4,
        "De regionala innovationssystemen",
        "The regional innovation systems",
        "Utveckla och driva effektiva stödprocesser för innovation och som tillvaratar klustrens roll som länkar "
        "ihop SMF och forsning",
        "Develop and run effective support processes for innovation that make use of the clusters' role as links "
        "between SMEs and research",
    ),
    (
        5,
        "Kommunikation och positionering",
        "Communication and positioning",
        "Positionera och öka klusters och styrkeområdens attraktionskraft i NM på en nationell och internationell "
        "arena samt stärka kommunikationen mellan kluster i NM",
        "Position clusters and strength areas in North Middle Sweden (NM) and make them more attractive on a "
        "national and international arena, and strengthen the communication between clusters in NM",
    ),
    (
        6,
        "Policylärande och lärande",
        "Policy learning and learning",
        "Regionerna ska öka sina förmågor att utifrån evidenssäkra underlag driva utvecklingsprocesser (S3)",
        "The regions shall increase their ability to drive development processes (S3) on a sound base of evidence",
    ),
]

# The five sub-goals (delmål) in the plan's words; the English texts are the dashboard's translation.
SUBGOALS = [
    (
        1,
        "Utveckla processtöd och mötesplatser för klustren där klusterledarna stödjer varandra och som stärker "
        "processer relaterat till det regionala tillväxtarbetet.",
        "Develop process support and meeting places for the clusters, where the cluster leaders support each "
        "other, that strengthen processes related to the regional growth work.",
    ),
    (
        2,
        "Ökad och bättre samverkan mellan lärosäten och företag. Stärka lärosätenas egna förmågor att medverkan i "
        "det regionala innovationsarbetet och få fler projekt mellan SME och forskare.",
        "Increased and better collaboration between universities and companies. Strengthen the universities' own "
        "ability to take part in the regional innovation work and get more projects between SMEs and researchers.",
    ),
    (
        3,
        "Utveckla och driva effektiva stödprocesser för innovation och som tillvaratar klustrens roll som länkar "
        "ihop entreprenöriella upptäckande processer.",
        "Develop and run effective support processes for innovation that make use of the clusters' role in "
        "linking entrepreneurial discovery processes.",
    ),
    (
        4,
        "Positionera och öka klusters och styrkeområdens attraktionskraft i Norra Mellansverige på en nationell "
        "och internationell arena samt stärka kommunikationen mellan kluster i Norra Mellansverige.",
        "Position clusters and strength areas in North Middle Sweden and make them more attractive on a national "
        "and international arena, and strengthen the communication between clusters in North Middle Sweden.",
    ),
    (
        5,
        "Regionerna ska öka sina förmågor att utifrån evidenssäkra underlag driva utvecklingsprocesser inom "
        "områden för smart specialisering.",
        "The regions shall increase their ability to drive development processes in smart specialisation areas "
        "on a sound base of evidence.",
    ),
]

# Which sub-goal each activity serves: the dashboard's reading of the plan, by the wording they share
# (activities 2 and 3 share sub-goal 2). Stored in activity_subgoal and marked as a reading.
ACTIVITY_SUBGOAL = {1: 1, 2: 2, 3: 2, 4: 3, 5: 4, 6: 5}

# (year, quarter, text_sv, text_en, activity) -- the texts are the plan's ("Planerade milstolpar"); activity is
# the dashboard's reading of the plan. The two dated milestones (practical start, end date) come last so the
# quarterly ones keep their numbers; data/plan.py gives their days.
MILESTONES = [
    (
        2016,
        2,
        "Projektorganisation och översiktlig planering färdig, utvärdering upphandlad",
        "Project organisation and outline plan in place, evaluation procured",
        None,
    ),
    (
        2016,
        3,
        "Kluster och lärosäten har engagerats och deltagit i projektaktiviteter",
        "Clusters and universities engaged and taking part in project activities",
        1,
    ),
    (2016, 3, "Samtliga arbetspaket är påbörjade", "All work packages started", None),
    (2016, 4, "Behovskartläggning av kluster är färdig", "Needs assessment of the clusters completed", 1),
    (
        2017,
        1,
        "Färdiga analysunderlag till grund för samtliga regioners strategier och processer",
        "Analyses ready as the basis for every region's strategy and processes",
        6,
    ),
    (2017, 1, "Utvecklat processtöd till klustren", "Process support for the clusters developed", 1),
    (
        2017,
        2,
        "De huvudsakliga funktionerna på lärosätena för innovationsprocesser finns etablerade hos alla tre lärosäten",
        "The main functions for innovation processes established at all three universities",
        2,
    ),
    (2017, 2, "Tre färdiga strategidokument finns på plats", "Three strategy documents completed", 6),
    (2017, 2, "Utvecklad metod för monitoring", "Monitoring method developed", 6),
    (
        2017,
        3,
        "Det finns ett utvecklat stöd för innovativa processer i alla regioner som involverar både lärosäten och kluster",
        "Support for innovation processes involving both universities and clusters in place in every region",
        3,
    ),
    (
        2017,
        4,
        "Påbörjan av integrering av processtöd och utvärdering i det ordinarie arbetet hos samtliga deltagare",
        "Integration of process support and evaluation into every partner's regular work begun",
        4,
    ),
    (
        2017,
        4,
        "Projektet och arbetet i samtliga tre regioner har kommunicerats utåt nationellt och internationellt",
        "The project and the work in all three regions communicated nationally and internationally",
        5,
    ),
    (
        2018,
        1,
        "Genomförd integrering av process och utvärdering i det ordinarie tillväxtarbetet",
        "Process and evaluation integrated into the regular growth work",
        4,
    ),
    (2018, 2, "Avslutsarbete", "Closing the project", None),
    (2016, 2, "Praktisk projektstart", "Practical project start", None),
    (2018, 3, "Projektets slutdatum", "The project's end date", None),
]

# Priority areas as the regions list them: region -> [(name_sv, name_en, [SNI divisions], [research groups])].
# The industry and subject links are the dashboard's proposal and can be edited in the store.
TEST_AREAS = {
    "20": [
        ("Avancerad industri", "Advanced industry", ["24", "25", "27", "28"], ["203", "205"]),
        (
            "Energieffektivt samhällsbyggande",
            "Energy-efficient community building",
            ["35", "41", "42", "43", "71"],
            ["201", "207"],
        ),
        ("Hälsa och välfärd", "Health and welfare", ["86", "87", "88"], ["303"]),
        (
            "Innovativ upplevelseproduktion",
            "Innovative experience production",
            ["55", "56", "79", "90", "93"],
            ["502", "604"],
        ),
    ],
    "21": [
        (
            "Materialteknologi och hållbar produktion",
            "Materials technology and sustainable production",
            ["24", "25", "28"],
            ["203", "205"],
        ),
        (
            "Smarta hållbara städer och samhällen",
            "Smart sustainable cities and communities",
            ["41", "42", "43", "71"],
            ["201", "507"],
        ),
        ("Hållbart inkluderande arbetsliv", "Sustainable inclusive working life", ["78", "86", "88"], ["303", "504"]),
        ("Bioekonomi", "Bioeconomy", ["02", "16", "17"], ["401", "204"]),
        ("Digitala tjänster och processer", "Digital services and processes", ["61", "62", "63"], ["102"]),
    ],
    "17": [
        ("Värdeskapande tjänster", "Value-creating services", ["62", "70", "73", "82"], ["502"]),
        ("Skoglig bioekonomi", "Forest-based bioeconomy", ["02", "16", "17"], ["204", "401"]),
        (
            "Digitalisering av välfärdstjänster",
            "Digitalisation of welfare services",
            ["62", "86", "87", "88"],
            ["102", "303"],
        ),
        (
            "Avancerad tillverkning och komplexa system",
            "Advanced manufacturing and complex systems",
            ["25", "28", "33"],
            ["203"],
        ),
        (
            "Naturen, kulturen och platsens digitaliserade upplevelser",
            "Digitalised experiences of nature, culture and place",
            ["55", "79", "90", "91", "93"],
            ["604", "601"],
        ),
        ("Systemlösningar med solel", "System solutions with solar power", ["27", "35"], ["202", "207"]),
    ],
}

# code, name, home counties, theme_sv, theme_en, url, linked SNI divisions (the dashboard's proposal)
CLUSTERS = [
    ("compare", "Compare", ["17"], "IT och telekom", "IT and telecom", "https://www.compare.se", ["61", "62", "63"]),
    (
        "paper-province",
        "Paper Province",
        ["17"],
        "Skogsindustri och bioekonomi",
        "Forest industry and bioeconomy",
        "https://paperprovince.com",
        ["02", "16", "17"],
    ),
    (
        "triple-steelix",
        "Triple Steelix",
        ["20"],
        "Stål och metall",
        "Steel and metals",
        "https://www.triplesteelix.se",
        ["24", "25"],
    ),
    (
        "visit-dalarna",
        "Visit Dalarna",
        ["20"],
        "Besöksnäring",
        "Tourism",
        "https://www.visitdalarna.se",
        ["55", "56", "79", "93"],
    ),
    (
        "byggdialog-dalarna",
        "Byggdialog Dalarna",
        ["20"],
        "Hållbart byggande",
        "Sustainable construction",
        "https://www.byggdialogdalarna.se",
        ["41", "42", "43"],
    ),
    ("dala-sports-academy", "Dala Sports Academy", ["20"], "Idrott och hälsa", "Sport and health", None, ["93", "32"]),
    (
        "high-voltage-valley",
        "High Voltage Valley",
        ["20"],
        "Elkraft och energi",
        "Electric power and energy",
        "https://www.highvoltagevalley.se",
        ["27", "35"],
    ),
    (
        "its-dalarna",
        "ITS Dalarna",
        ["20"],
        "Intelligenta transportsystem",
        "Intelligent transport systems",
        None,
        ["49", "52", "62"],
    ),
    (
        "fiber-optic-valley",
        "Fiber Optic Valley",
        ["21"],
        "Bredband och sensorteknik",
        "Broadband and sensor technology",
        "https://www.fiberopticvalley.com",
        ["26", "61"],
    ),
    (
        "future-position-x",
        "Future Position X",
        ["21"],
        "Geografisk informationsteknik",
        "Geographic information technology",
        None,
        ["62", "63", "71"],
    ),
    ("findit", "FindIT", ["21"], "Industriell IT", "Industrial IT", None, ["62", "24", "17"]),
]

# Default phase scale after Reglab's descriptions of cluster development (see the methods page).
PHASES = [
    (
        "initiering",
        1,
        "Initiering",
        "Initiation",
        "Idé och mobilisering: aktörer samlas kring ett gemensamt behov.",
        "Idea and mobilisation: actors gather around a shared need.",
    ),
    (
        "etablering",
        2,
        "Etablering",
        "Establishment",
        "Organisation, finansiering och första gemensamma aktiviteter finns.",
        "Organisation, funding and first joint activities are in place.",
    ),
    (
        "utveckling",
        3,
        "Utveckling",
        "Development",
        "Bred medlemsbas, egna projekt och samverkan med forskning.",
        "Broad membership, own projects and collaboration with research.",
    ),
    (
        "mognad",
        4,
        "Mognad",
        "Maturity",
        "Långsiktigt finansierad, nationellt och internationellt synlig.",
        "Long-term funding, nationally and internationally visible.",
    ),
    (
        "fornyelse",
        5,
        "Förnyelse",
        "Renewal",
        "Inriktningen omprövas och förnyas efter ändrade förutsättningar.",
        "Focus reconsidered and renewed as conditions change.",
    ),
]

CRITERIA = [
    ("miljo", 1, "Bättre miljö", "Better environment"),
    ("jamstalldhet", 2, "Jämställdhet", "Gender equality"),
    ("lika_mojligheter", 3, "Lika möjligheter och icke-diskriminering", "Equal opportunities and non-discrimination"),
]

CRITERION_LEVELS = [
    ("aktivt", 1, "Aktivt", "Active"),
    ("delvis", 2, "Delvis", "Partly"),
    ("inte", 3, "Inte", "Not"),
]

# The company survey's answer scale (labels as in the questionnaire).
ANSWER_OPTIONS = [
    ("mycket_hog", 1, "Ja, i mycket hög grad", "Yes, to a very great extent", "positive"),
    ("hog", 2, "Ja, i hög grad", "Yes, to a great extent", "positive"),
    ("varken", 3, "Varken i liten eller stor omfattning", "Neither to a small nor a great extent", "neutral"),
    ("liten", 4, "I liten omfattning", "To a small extent", "negative"),
    ("inte_alls", 5, "Nej, inte alls", "No, not at all", "negative"),
    ("vet_ej", 6, "Vet ej", "Don't know", "none"),
]

SURVEY_QUESTIONS = [
    (
        "samverkan_foretag",
        "Har klustret lett till att ert företag samverkar mer med andra företag?",
        "Has the cluster led your company to collaborate more with other companies?",
    ),
    (
        "samverkan_forskare",
        "Har klustret lett till att ert företag samverkar mer med forskare eller doktorander?",
        "Has the cluster led your company to collaborate more with researchers or doctoral students?",
    ),
    (
        "samverkan_offentlig",
        "Har klustret lett till att ert företag samverkar mer med politiker eller offentlig sektor?",
        "Has the cluster led your company to collaborate more with politicians or the public sector?",
    ),
    (
        "samverkan_studenter",
        "Har klustret lett till att ert företag samverkar mer med studenter eller elever?",
        "Has the cluster led your company to collaborate more with students or pupils?",
    ),
    (
        "samverkan_branscher",
        "Har klustret lett till att ert företag samverkar mer med företag i andra branscher?",
        "Has the cluster led your company to collaborate more with companies in other industries?",
    ),
]

# Default functional sectors: the dashboard's proposal, editable in the store (table industry_sector).
# code, name_sv, name_en, SNI divisions
SECTORS = [
    ("skog", "Skog, trä och papper", "Forest, wood and paper", ["02", "16", "17"]),
    ("stal", "Stål och metall", "Steel and metals", ["07", "24", "25"]),
    (
        "verkstad",
        "Verkstad, maskiner och fordon",
        "Engineering, machinery and vehicles",
        ["26", "27", "28", "29", "30", "33"],
    ),
    (
        "ovrig_industri",
        "Övrig tillverkning",
        "Other manufacturing",
        ["05", "06", "08", "09", "10", "11", "12", "13", "14", "15", "18", "19", "20", "21", "22", "23", "31", "32"],
    ),
    ("energi", "Energi, vatten och miljö", "Energy, water and environment", ["35", "36", "37", "38", "39"]),
    ("bygg", "Bygg och samhällsbyggnad", "Construction and community building", ["41", "42", "43", "68", "71"]),
    ("handel", "Handel", "Trade", ["45", "46", "47"]),
    ("transport", "Transport och logistik", "Transport and logistics", ["49", "50", "51", "52", "53"]),
    ("besok", "Besöksnäring och upplevelser", "Tourism and experiences", ["55", "56", "79", "90", "91", "92", "93"]),
    ("it", "IT och kommunikation", "ICT", ["58", "59", "60", "61", "62", "63"]),
    (
        "foretagstjanster",
        "Företagstjänster och finans",
        "Business and financial services",
        ["64", "65", "66", "69", "70", "72", "73", "74", "75", "77", "78", "80", "81", "82"],
    ),
    ("vard", "Vård och omsorg", "Health and social care", ["86", "87", "88"]),
    ("offentlig", "Offentlig förvaltning och utbildning", "Public administration and education", ["84", "85"]),
    ("jordbruk", "Jordbruk och fiske", "Agriculture and fishing", ["01", "03"]),
    ("ovrigt", "Övriga tjänster", "Other services", ["94", "95", "96", "97", "98", "99"]),
]
