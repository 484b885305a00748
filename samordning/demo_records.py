"""Demo records for the coordination group in Västerbotten.

Activities, steering documents, collaborations and needs per member organisation (by
short name). Dates are whole days relative to the first day of the current quarter:
0 is the first day of the current quarter, about -92 the first day of the previous one
and about -183 the first day of the one before that.
"""

ACTIVITIES = [
    # Länsstyrelsen
    {
        "organisation": "Länsstyrelsen",
        "title": "Samordningsgruppens nätverksmöte",
        "kind": "network",
        "status": "done",
        "start": -164,
        "end": -164,
        "target_groups": [],
        "partners": [
            "Migrationsverket",
            "Polisen",
            "Regionen",
            "Universitetet",
            "Landstinget",
        ],
        "outside_partners": "",
        "participants": 12,
        "link": "",
        "description": (
            "Ordinarie möte i samordningsgruppen. Mötet ägnades åt medlemmarnas "
            "lägesrapporter och planeringen av årets informationsinsatser."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Samordningsgruppens nätverksmöte",
        "kind": "network",
        "status": "done",
        "start": -71,
        "end": -71,
        "target_groups": [],
        "partners": [
            "Migrationsverket",
            "Polisen",
            "Regionen",
            "Universitetet",
            "Landstinget",
            "Åklagarmyndigheten",
        ],
        "outside_partners": "Nationella stödet för människohandel (NMT)",
        "participants": 15,
        "link": "",
        "description": (
            "Ordinarie möte i samordningsgruppen. Förslaget till regional handlingsplan "
            "remitterades till medlemmarna, och det nationella stödet redogjorde för "
            "aktuella förändringar i stödprogrammet för brottsoffer."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Informationsinsats till taxi-, hotell- och restaurangbranschen",
        "kind": "campaign",
        "status": "done",
        "start": -160,
        "end": -100,
        "target_groups": ["Taxi", "Hotell", "Restaurang"],
        "partners": ["Polisen"],
        "outside_partners": "Visit Umeå, Visita, Svenska Taxiförbundet",
        "participants": 120,
        "link": "https://www.example.se/vasterbotten/besoksnaringen",
        "description": (
            "Länsstyrelsen och Polisen besökte företag i Umeå och Skellefteå och "
            "informerade om tecken på sexköp och människohandel och om vart personal kan "
            "vända sig. Informationsmaterial lämnades till omkring 120 arbetsplatser."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Reklamfilm på bio för samordningsgruppens webbplats",
        "kind": "campaign",
        "status": "done",
        "start": -85,
        "end": -30,
        "target_groups": ["Allmänheten"],
        "partners": [],
        "outside_partners": "Biografer i Umeå och Skellefteå",
        "participants": None,
        "link": "https://www.example.se/vasterbotten",
        "description": (
            "En kort reklamfilm som hänvisar till gruppens webbplats med information om "
            "stöd och hur man kan lämna tips visades före föreställningarna på "
            "biografer i Umeå och Skellefteå."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Grundutbildning om prostitution och människohandel för länets kommuner",
        "kind": "training",
        "status": "ongoing",
        "start": -150,
        "end": 60,
        "target_groups": ["Socialtjänsten", "Vården"],
        "partners": ["Polisen", "Landstinget"],
        "outside_partners": "Länets kommuner",
        "participants": 210,
        "link": "",
        "description": (
            "Halvdagsutbildning för yrkesverksamma inom socialtjänst, skola och hälso- och "
            "sjukvård om lagstiftning, stödvägar och hur man frågar om utnyttjande. "
            "Utbildningen genomförs nu även i inlandskommunerna."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Kartläggning av prostitution och människohandel i Västerbottens län",
        "kind": "survey",
        "status": "ongoing",
        "start": -120,
        "end": 75,
        "target_groups": [],
        "partners": ["Polisen", "Universitetet", "Landstinget"],
        "outside_partners": "Socialtjänsten i länets kommuner",
        "participants": None,
        "link": "",
        "description": (
            "Kartläggning av omfattning och former av prostitution i länet, byggd på "
            "enkäter till socialtjänst och hälso- och sjukvård, Polisens lägesbild och "
            "en genomgång av annonsering på internet. En rapport publiceras under "
            "kvartalet."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Regionalt seminarium om människohandel för sexuella ändamål",
        "kind": "seminar",
        "status": "done",
        "start": -112,
        "end": -112,
        "target_groups": ["Socialtjänsten", "Vården", "Egen personal"],
        "partners": ["Polisen", "Migrationsverket", "Universitetet"],
        "outside_partners": "Jämställdhetsmyndigheten",
        "participants": 85,
        "link": "",
        "description": (
            "Heldagsseminarium i Umeå med föreläsningar om rättsläget, stödprogrammet för "
            "brottsoffer och erfarenheter från utredningar i norra Sverige."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Informationsinsats till besöksnäringen inför sommarsäsongen",
        "kind": "campaign",
        "status": "planned",
        "start": 45,
        "end": 120,
        "target_groups": ["Taxi", "Hotell", "Restaurang"],
        "partners": ["Polisen"],
        "outside_partners": "Visit Umeå",
        "participants": None,
        "link": "",
        "description": (
            "Uppföljning av den tidigare informationsinsatsen, med tonvikt på "
            "evenemangsarrangörer och hotell i länets mindre orter. Planeringen har "
            "påbörjats tillsammans med Polisen."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Länsgemensam konferens om sexuell exploatering",
        "kind": "seminar",
        "status": "planned",
        "start": 150,
        "end": 151,
        "target_groups": ["Socialtjänsten", "Vården", "Egen personal"],
        "partners": [
            "Migrationsverket",
            "Polisen",
            "Regionen",
            "Universitetet",
            "Landstinget",
            "Åklagarmyndigheten",
        ],
        "outside_partners": "Jämställdhetsmyndigheten, Nationella stödet för människohandel (NMT)",
        "participants": None,
        "link": "",
        "description": (
            "Tvådagarskonferens för yrkesverksamma i länet om sexuell exploatering av "
            "vuxna och barn, med särskilt fokus på digitala arenor."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Samordningsgruppens webbplats",
        "kind": "other",
        "status": "ongoing",
        "start": -900,
        "end": None,
        "target_groups": ["Allmänheten"],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "https://www.example.se/vasterbotten",
        "description": (
            "Länsstyrelsen förvaltar gruppens webbplats med information om stöd, "
            "kontaktuppgifter till medlemsorganisationerna och hur man lämnar tips. "
            "Webbplatsen uppdateras löpande."
        ),
    },
    # Migrationsverket
    {
        "organisation": "Migrationsverket",
        "title": "Utbildning för boendepersonal om tecken på människohandel",
        "kind": "training",
        "status": "done",
        "start": -140,
        "end": -139,
        "target_groups": ["Egen personal"],
        "partners": ["Polisen", "Länsstyrelsen"],
        "outside_partners": "",
        "participants": 45,
        "link": "",
        "description": (
            "Utbildning för personal på anläggningsboenden i Umeå och Skellefteå om "
            "indikatorer på människohandel och om myndighetens rutin vid misstanke. "
            "Polisens regionala kontaktperson medverkade."
        ),
    },
    {
        "organisation": "Migrationsverket",
        "title": "Webbutbildning om människohandel för mottagningsenheten",
        "kind": "training",
        "status": "ongoing",
        "start": -900,
        "end": None,
        "target_groups": ["Egen personal"],
        "partners": [],
        "outside_partners": "",
        "participants": 60,
        "link": "",
        "description": (
            "Obligatorisk webbutbildning för nyanställda i mottagningsverksamheten. "
            "Utbildningen följs upp vid medarbetarsamtal."
        ),
    },
    {
        "organisation": "Migrationsverket",
        "title": "Lokala kontaktpersoner för frågor om människohandel",
        "kind": "other",
        "status": "done",
        "start": 2,
        "end": 2,
        "target_groups": ["Egen personal"],
        "partners": [],
        "outside_partners": "",
        "participants": 3,
        "link": "",
        "description": (
            "Tre medarbetare i Umeå och Skellefteå har utsetts till lokala kontaktpersoner "
            "som kollegor kan rådgöra med vid misstanke om människohandel."
        ),
    },
    {
        "organisation": "Migrationsverket",
        "title": "Införande av reviderad rutin vid misstanke om människohandel",
        "kind": "training",
        "status": "ongoing",
        "start": 0,
        "end": 80,
        "target_groups": ["Egen personal"],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Genomgång av den reviderade nationella rutinen på arbetsplatsträffar i "
            "samtliga enheter i länet."
        ),
    },
    {
        "organisation": "Migrationsverket",
        "title": "Informationsmaterial till asylsökande om rättigheter och stöd",
        "kind": "campaign",
        "status": "ongoing",
        "start": -100,
        "end": None,
        "target_groups": [],
        "partners": ["Länsstyrelsen"],
        "outside_partners": "Kvinnojouren i Umeå",
        "participants": None,
        "link": "",
        "description": (
            "Informationsblad på flera språk om rätten till stöd och skydd delas ut vid "
            "ankomst till boendena. Materialet har tagits fram med stöd av Länsstyrelsen."
        ),
    },
    {
        "organisation": "Migrationsverket",
        "title": "Gemensam utbildningsdag med Polisen om identifiering av brottsoffer",
        "kind": "training",
        "status": "planned",
        "start": 35,
        "end": 35,
        "target_groups": ["Egen personal"],
        "partners": ["Polisen"],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Utbildningsdag för handläggare och boendepersonal om hur möjliga offer "
            "identifieras och hur kontakten med Polisen tas."
        ),
    },
    {
        "organisation": "Migrationsverket",
        "title": "Informationsträff för boende på anläggningen i Skellefteå",
        "kind": "campaign",
        "status": "cancelled",
        "start": -30,
        "end": None,
        "target_groups": [],
        "partners": [],
        "outside_partners": "Kvinnojouren i Umeå",
        "participants": None,
        "link": "",
        "description": (
            "Planerad informationsträff om stöd och rättigheter. Träffen ställdes in "
            "eftersom anläggningen avvecklas."
        ),
    },
    # Polisen
    {
        "organisation": "Polisen",
        "title": "Riktad insats mot sexköp på hotell i Umeå",
        "kind": "operation",
        "status": "done",
        "start": -130,
        "end": -128,
        "target_groups": ["Hotell"],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Insats på hotell i centrala Umeå i samband med ett större evenemang. "
            "Insatsen ledde till att flera förundersökningar om köp av sexuell tjänst "
            "inleddes."
        ),
    },
    {
        "organisation": "Polisen",
        "title": "Riktad insats mot sexköp på hotell i Skellefteå",
        "kind": "operation",
        "status": "done",
        "start": -45,
        "end": -44,
        "target_groups": ["Hotell"],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Insats på hotell i Skellefteå efter uppgifter från annonsbevakningen. "
            "Socialtjänsten i kommunen informerades om behovet av stödinsatser."
        ),
    },
    {
        "organisation": "Polisen",
        "title": "Bevakning av annonser om sexuella tjänster på internet",
        "kind": "operation",
        "status": "ongoing",
        "start": -900,
        "end": None,
        "target_groups": [],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Löpande bevakning av annonser som avser länet. Uppgifterna används som "
            "underlag för insatser och för den regionala lägesbilden."
        ),
    },
    {
        "organisation": "Polisen",
        "title": "Informationsinsats till hotell i Umeå",
        "kind": "campaign",
        "status": "done",
        "start": 4,
        "end": 9,
        "target_groups": ["Hotell"],
        "partners": ["Länsstyrelsen"],
        "outside_partners": "",
        "participants": 22,
        "link": "",
        "description": (
            "Polisen och Länsstyrelsen besökte hotell i Umeå och gick igenom hur "
            "personalen kan uppmärksamma och rapportera misstänkta sexköp."
        ),
    },
    {
        "organisation": "Polisen",
        "title": "Utbildning för poliser i yttre tjänst om tecken på människohandel",
        "kind": "training",
        "status": "ongoing",
        "start": -110,
        "end": 60,
        "target_groups": ["Egen personal"],
        "partners": [],
        "outside_partners": "",
        "participants": 95,
        "link": "",
        "description": (
            "Utbildningen ges av regionens kontaktperson för människohandel vid "
            "lokalpolisområdena i länet och omfattar lagstiftning, indikatorer och "
            "bemötande av brottsoffer."
        ),
    },
    {
        "organisation": "Polisen",
        "title": "Regional lägesbild över prostitution och människohandel",
        "kind": "survey",
        "status": "done",
        "start": -100,
        "end": -95,
        "target_groups": [],
        "partners": ["Länsstyrelsen"],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Halvårsvis lägesbild för Region Nord som presenterades för "
            "samordningsgruppen. Lägesbilden redovisas i sin helhet endast internt."
        ),
    },
    {
        "organisation": "Polisen",
        "title": "Riktad insats i samband med mässa i Umeå",
        "kind": "operation",
        "status": "cancelled",
        "start": -20,
        "end": None,
        "target_groups": ["Hotell"],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Insatsen ställdes in eftersom resurserna behövdes för en annan prioriterad "
            "händelse. Den ska planeras på nytt."
        ),
    },
    # Regionen
    {
        "organisation": "Regionen",
        "title": "Utlysning av projektmedel för våldsförebyggande arbete",
        "kind": "other",
        "status": "ongoing",
        "start": -20,
        "end": 90,
        "target_groups": [],
        "partners": ["Länsstyrelsen"],
        "outside_partners": "",
        "participants": None,
        "link": "https://www.example.se/region/projektmedel",
        "description": (
            "Utlysning av regionala utvecklingsmedel för projekt som förebygger våld och "
            "utnyttjande. En referensgrupp med Länsstyrelsen bedömer ansökningarna."
        ),
    },
    {
        "organisation": "Regionen",
        "title": "Prostitution och människohandel i regionens jämställdhetsnätverk",
        "kind": "network",
        "status": "done",
        "start": -70,
        "end": -70,
        "target_groups": [],
        "partners": ["Länsstyrelsen"],
        "outside_partners": "Länets kommuner",
        "participants": 25,
        "link": "",
        "description": (
            "Länsstyrelsen presenterade samordningsgruppens arbete för kommunernas "
            "jämställdhetssamordnare, och nätverket diskuterade hur frågan kan föras in i "
            "kommunernas planer."
        ),
    },
    {
        "organisation": "Regionen",
        "title": "Regional ungdomsenkät med frågor om sex mot ersättning",
        "kind": "survey",
        "status": "done",
        "start": -170,
        "end": -40,
        "target_groups": [],
        "partners": ["Landstinget", "Universitetet"],
        "outside_partners": "Länets skolor",
        "participants": 3400,
        "link": "",
        "description": (
            "Enkäten till elever i årskurs 9 och gymnasiets år 2 innehöll för första "
            "gången frågor om sex mot ersättning. Resultaten redovisas i samordningsgruppen."
        ),
    },
    {
        "organisation": "Regionen",
        "title": "Projektstöd till stödsamtal för personer med erfarenhet av prostitution",
        "kind": "other",
        "status": "ongoing",
        "start": -480,
        "end": 150,
        "target_groups": [],
        "partners": [],
        "outside_partners": "Kvinnojouren i Umeå",
        "participants": None,
        "link": "",
        "description": (
            "Treårigt projektstöd till Kvinnojouren i Umeå för stödsamtal och "
            "följeslagning. Projektet utvärderas innan stödet avslutas."
        ),
    },
    {
        "organisation": "Regionen",
        "title": "Revidering av den regionala folkhälsostrategin",
        "kind": "other",
        "status": "planned",
        "start": 60,
        "end": None,
        "target_groups": [],
        "partners": ["Länsstyrelsen", "Landstinget"],
        "outside_partners": "Länets kommuner",
        "participants": None,
        "link": "",
        "description": (
            "Vid revideringen ska prostitution och människohandel föras in som en del av "
            "avsnittet om mäns våld mot kvinnor."
        ),
    },
    {
        "organisation": "Regionen",
        "title": "Utbildning för tjänstepersoner inom regional utveckling",
        "kind": "training",
        "status": "planned",
        "start": 110,
        "end": 110,
        "target_groups": ["Egen personal"],
        "partners": ["Länsstyrelsen"],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Introduktion om prostitution och människohandel för handläggare av "
            "projektmedel och strateger inom regional utveckling."
        ),
    },
    # Universitetet
    {
        "organisation": "Universitetet",
        "title": "Föreläsningar för socionomstudenter om prostitution och människohandel",
        "kind": "training",
        "status": "done",
        "start": -165,
        "end": -150,
        "target_groups": ["Studenter"],
        "partners": ["Polisen", "Landstinget"],
        "outside_partners": "",
        "participants": 110,
        "link": "",
        "description": (
            "Föreläsningsserie inom kursmodulen på socionomprogrammet. Polisen och "
            "mottagningen för personer som säljer sex medverkade med erfarenheter från "
            "praktiken."
        ),
    },
    {
        "organisation": "Universitetet",
        "title": "Nytt avsnitt om sexuell exploatering på nätet i kursmodulen",
        "kind": "other",
        "status": "done",
        "start": -30,
        "end": 6,
        "target_groups": ["Studenter"],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Kursmodulen om prostitution och människohandel har kompletterats med ett "
            "avsnitt om hur sexuell exploatering sker via digitala plattformar."
        ),
    },
    {
        "organisation": "Universitetet",
        "title": "Öppet forskningsseminarium om prostitution och människohandel",
        "kind": "seminar",
        "status": "done",
        "start": 7,
        "end": 7,
        "target_groups": ["Studenter", "Socialtjänsten", "Vården"],
        "partners": ["Länsstyrelsen"],
        "outside_partners": "",
        "participants": 70,
        "link": "https://www.example.se/umu/seminarium",
        "description": (
            "Forskare presenterade pågående studier för studenter och yrkesverksamma i "
            "länet. Seminariet spelades in och finns tillgängligt i efterhand."
        ),
    },
    {
        "organisation": "Universitetet",
        "title": "Forskningsprojekt om stödinsatser för personer som säljer sex",
        "kind": "survey",
        "status": "ongoing",
        "start": -850,
        "end": 400,
        "target_groups": [],
        "partners": ["Landstinget"],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Studie av hur stöd till personer som säljer eller har sålt sex utformas och "
            "upplevs, i samarbete med mottagningen i Umeå."
        ),
    },
    {
        "organisation": "Universitetet",
        "title": "Fortbildning för studenthälsans personal",
        "kind": "training",
        "status": "done",
        "start": -90,
        "end": -90,
        "target_groups": ["Egen personal"],
        "partners": ["Landstinget"],
        "outside_partners": "",
        "participants": 12,
        "link": "",
        "description": (
            "Halvdag för kuratorer och sjuksköterskor om att fråga om sex mot ersättning "
            "och om vilka vårdinstanser studenter kan hänvisas till."
        ),
    },
    {
        "organisation": "Universitetet",
        "title": "Information till nya studenter vid terminsstart",
        "kind": "campaign",
        "status": "done",
        "start": -110,
        "end": -100,
        "target_groups": ["Studenter"],
        "partners": [],
        "outside_partners": "Studentkårerna i Umeå",
        "participants": None,
        "link": "",
        "description": (
            "Information om studenthälsan och om var studenter kan få stöd vid "
            "utnyttjande delades ut vid introduktionsveckorna."
        ),
    },
    {
        "organisation": "Universitetet",
        "title": "Verksamhetsförlagd utbildning hos Polisen",
        "kind": "other",
        "status": "planned",
        "start": 30,
        "end": 120,
        "target_groups": ["Studenter"],
        "partners": ["Polisen"],
        "outside_partners": "",
        "participants": 2,
        "link": "",
        "description": (
            "Två socionomstudenter gör sin verksamhetsförlagda utbildning vid Polisens "
            "utredningsenhet med inriktning mot människohandel."
        ),
    },
    # Landstinget
    {
        "organisation": "Landstinget",
        "title": "Utbildningsdag för personal på ungdomsmottagningarna",
        "kind": "training",
        "status": "done",
        "start": 5,
        "end": 5,
        "target_groups": ["Egen personal"],
        "partners": [],
        "outside_partners": "",
        "participants": 38,
        "link": "",
        "description": (
            "Utbildningsdag för barnmorskor och kuratorer om sex mot ersättning och sex "
            "som självskada, och om hur man frågar om våld och utnyttjande."
        ),
    },
    {
        "organisation": "Landstinget",
        "title": "Utbildning i att fråga om våld för primärvården",
        "kind": "training",
        "status": "ongoing",
        "start": -130,
        "end": 80,
        "target_groups": ["Egen personal", "Vården"],
        "partners": [],
        "outside_partners": "",
        "participants": 160,
        "link": "",
        "description": (
            "Utbildningen ges vid hälsocentralerna i länet enligt vårdprogrammet för "
            "omhändertagande av våldsutsatta och omfattar även prostitution och "
            "människohandel."
        ),
    },
    {
        "organisation": "Landstinget",
        "title": "Mottagning för personer som säljer eller har sålt sex",
        "kind": "other",
        "status": "ongoing",
        "start": -1200,
        "end": None,
        "target_groups": [],
        "partners": [],
        "outside_partners": "Socialtjänsten i Umeå kommun",
        "participants": None,
        "link": "https://www.example.se/vard/mottagningen",
        "description": (
            "Mottagningen i Umeå erbjuder samtalsstöd och insatser för sexuell hälsa. "
            "Besöken är kostnadsfria och kan vara anonyma."
        ),
    },
    {
        "organisation": "Landstinget",
        "title": "Digitala besök vid mottagningen för patienter i inlandet",
        "kind": "other",
        "status": "ongoing",
        "start": -40,
        "end": None,
        "target_groups": [],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Mottagningen erbjuder videobesök så att patienter i inlandskommunerna kan få "
            "stöd utan att resa till Umeå."
        ),
    },
    {
        "organisation": "Landstinget",
        "title": "Överenskommelse om remissvägar med socialtjänsten i Umeå",
        "kind": "other",
        "status": "done",
        "start": -120,
        "end": -65,
        "target_groups": ["Socialtjänsten"],
        "partners": [],
        "outside_partners": "Socialtjänsten i Umeå kommun",
        "participants": None,
        "link": "",
        "description": (
            "Mottagningen och socialtjänsten har tagit fram gemensamma remissvägar så att "
            "personer som behöver både vård och socialt stöd får en samordnad kontakt."
        ),
    },
    {
        "organisation": "Landstinget",
        "title": "Information om sex mot ersättning på ungdomsmottagningarnas webbplats",
        "kind": "campaign",
        "status": "done",
        "start": -95,
        "end": -60,
        "target_groups": ["Allmänheten"],
        "partners": [],
        "outside_partners": "",
        "participants": None,
        "link": "https://www.example.se/vard/ungdomsmottagningen",
        "description": (
            "Nya texter för unga om sex mot ersättning, om rätten till stöd och om hur man "
            "kontaktar ungdomsmottagningen."
        ),
    },
    {
        "organisation": "Landstinget",
        "title": "Utbildning för personal på akutmottagningarna",
        "kind": "training",
        "status": "planned",
        "start": 40,
        "end": 41,
        "target_groups": ["Egen personal", "Vården"],
        "partners": ["Polisen"],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "Utbildning för läkare och sjuksköterskor vid akutmottagningarna i Umeå, "
            "Skellefteå och Lycksele om tecken på människohandel och om hur Polisen "
            "kontaktas."
        ),
    },
    # Åklagarmyndigheten
    {
        "organisation": "Åklagarmyndigheten",
        "title": "Kompetensdag om bevisning vid internetbaserade sexköp",
        "kind": "training",
        "status": "done",
        "start": -55,
        "end": -55,
        "target_groups": ["Egen personal"],
        "partners": ["Polisen"],
        "outside_partners": "",
        "participants": 9,
        "link": "",
        "description": (
            "Intern kompetensdag för kammarens åklagare med medverkan av Polisens "
            "utredare om säkring av digital bevisning."
        ),
    },
    {
        "organisation": "Åklagarmyndigheten",
        "title": "Medverkan i samordningsgruppens utbildningsdag",
        "kind": "training",
        "status": "planned",
        "start": 98,
        "end": 98,
        "target_groups": ["Socialtjänsten", "Vården"],
        "partners": ["Länsstyrelsen"],
        "outside_partners": "",
        "participants": None,
        "link": "",
        "description": (
            "En åklagare från kammaren i Umeå föreläser om rättsprocessen i mål om köp av "
            "sexuell tjänst, koppleri och människohandel."
        ),
    },
]

STEERING_DOCUMENTS = [
    {
        "organisation": "Länsstyrelsen",
        "title": (
            "Regional handlingsplan mot prostitution och människohandel för sexuella "
            "ändamål i Västerbottens län"
        ),
        "kind": "action_plan",
        "status": "in_force",
        "adopted": 3,
        "link": "https://www.example.se/vasterbotten/handlingsplan",
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Överenskommelse med länets kommuner om kontaktpersoner inom socialtjänsten",
        "kind": "decision",
        "status": "in_force",
        "adopted": 6,
        "link": "",
    },
    {
        "organisation": "Länsstyrelsen",
        "title": "Gemensam kompetensplan för samordningsgruppens medlemmar",
        "kind": "operational_plan",
        "status": "planned",
        "adopted": None,
        "link": "",
    },
    {
        "organisation": "Migrationsverket",
        "title": "Rutin för ärenden med misstanke om människohandel",
        "kind": "other",
        "status": "in_force",
        "adopted": 0,
        "link": "",
    },
    {
        "organisation": "Migrationsverket",
        "title": "Lokal handlingsplan för mottagningsenheterna i Västerbotten",
        "kind": "action_plan",
        "status": "in_progress",
        "adopted": None,
        "link": "",
    },
    {
        "organisation": "Polisen",
        "title": "Regional handlingsplan mot sexköp, Region Nord",
        "kind": "action_plan",
        "status": "in_force",
        "adopted": 6,
        "link": "",
    },
    {
        "organisation": "Polisen",
        "title": "Verksamhetsplan för Polisregion Nord",
        "kind": "operational_plan",
        "status": "in_force",
        "adopted": -75,
        "link": "",
    },
    {
        "organisation": "Regionen",
        "title": "Regional folkhälsostrategi för Västerbotten",
        "kind": "policy",
        "status": "in_force",
        "adopted": -1000,
        "link": "https://www.example.se/region/folkhalsostrategi",
    },
    {
        "organisation": "Regionen",
        "title": "Reviderad folkhälsostrategi med avsnitt om prostitution och människohandel",
        "kind": "policy",
        "status": "planned",
        "adopted": None,
        "link": "",
    },
    {
        "organisation": "Regionen",
        "title": "Handlingsplan mot prostitution och människohandel",
        "kind": "action_plan",
        "status": "missing",
        "adopted": None,
        "link": "",
    },
    {
        "organisation": "Universitetet",
        "title": "Plan för lika villkor",
        "kind": "policy",
        "status": "in_force",
        "adopted": -500,
        "link": "https://www.example.se/umu/lika-villkor",
    },
    {
        "organisation": "Landstinget",
        "title": "Vårdprogram för omhändertagande av våldsutsatta",
        "kind": "policy",
        "status": "in_force",
        "adopted": -800,
        "link": "",
    },
    {
        "organisation": "Landstinget",
        "title": "Rutin för mottagningen för personer som säljer eller har sålt sex",
        "kind": "other",
        "status": "in_force",
        "adopted": 0,
        "link": "",
    },
    {
        "organisation": "Landstinget",
        "title": "Handlingsplan för ungdomsmottagningarnas arbete med sex mot ersättning",
        "kind": "action_plan",
        "status": "in_progress",
        "adopted": None,
        "link": "",
    },
    {
        "organisation": "Åklagarmyndigheten",
        "title": "Lokal handlingsplan mot människohandel",
        "kind": "action_plan",
        "status": "missing",
        "adopted": None,
        "link": "",
    },
]

COLLABORATIONS = [
    # Länsstyrelsen
    {
        "organisation": "Länsstyrelsen",
        "partner": "Polisen",
        "outside_partner": "",
        "level": "strategic",
        "since": -1100,
        "description": (
            "Gemensam planering av informationsinsatser och utbildningar. Polisens "
            "lägesbild ligger till grund för gruppens prioriteringar."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "partner": "Migrationsverket",
        "outside_partner": "",
        "level": "formal",
        "since": -1100,
        "description": (
            "Migrationsverket ingår i samordningsgruppen enligt överenskommelse och deltar "
            "i gruppens utbildningsinsatser."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "partner": "Regionen",
        "outside_partner": "",
        "level": "strategic",
        "since": -700,
        "description": (
            "Samarbete inom det regionala jämställdhetsarbetet och en gemensam "
            "referensgrupp för utlysning av projektmedel."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "partner": "Universitetet",
        "outside_partner": "",
        "level": "formal",
        "since": -900,
        "description": (
            "Universitetet bidrar med forskningsbaserad kunskap till utbildningar och till "
            "kartläggningen av prostitution i länet."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "partner": "Landstinget",
        "outside_partner": "",
        "level": "formal",
        "since": -1000,
        "description": (
            "Landstinget medverkar i gruppens utbildningar för kommunerna och i "
            "kartläggningen med uppgifter från hälso- och sjukvården."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "partner": "Åklagarmyndigheten",
        "outside_partner": "",
        "level": "informal",
        "since": -1100,
        "description": (
            "Åklagarkammaren får kallelser och minnesanteckningar och medverkar vid behov "
            "i utbildningar."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "partner": None,
        "outside_partner": "Jämställdhetsmyndigheten",
        "level": "strategic",
        "since": -1300,
        "description": (
            "Länsstyrelsen är regional länk till Jämställdhetsmyndigheten och deltar i "
            "myndighetens nätverk för regionala samordnare."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "partner": None,
        "outside_partner": "Länets kommuner",
        "level": "formal",
        "since": 6,
        "description": (
            "Överenskommelse med länets kommuner om att varje kommun utser en "
            "kontaktperson inom socialtjänsten."
        ),
    },
    {
        "organisation": "Länsstyrelsen",
        "partner": None,
        "outside_partner": "Kvinnojouren i Umeå",
        "level": "informal",
        "since": -60,
        "description": (
            "Dialog om hur ideella organisationer som möter målgruppen kan knytas till "
            "gruppens arbete."
        ),
    },
    # Migrationsverket
    {
        "organisation": "Migrationsverket",
        "partner": "Länsstyrelsen",
        "outside_partner": "",
        "level": "formal",
        "since": -1100,
        "description": "Deltagande i samordningsgruppen sedan starten.",
    },
    {
        "organisation": "Migrationsverket",
        "partner": "Polisen",
        "outside_partner": "",
        "level": "informal",
        "since": -800,
        "description": (
            "Kontakt i enskilda ärenden via Polisens regionala kontaktperson för "
            "människohandel. Någon skriftlig rutin finns inte lokalt."
        ),
    },
    {
        "organisation": "Migrationsverket",
        "partner": None,
        "outside_partner": "Socialtjänsten i Umeå kommun",
        "level": "none",
        "since": None,
        "description": (
            "Ingen etablerad samverkan. Myndigheten ser ett behov av en gemensam rutin för "
            "hur möjliga offer lotsas vidare till stöd."
        ),
    },
    {
        "organisation": "Migrationsverket",
        "partner": None,
        "outside_partner": "Nationella stödet för människohandel (NMT)",
        "level": "informal",
        "since": -600,
        "description": "Rådgivning i enskilda ärenden och stödmaterial för handläggare.",
    },
    # Polisen
    {
        "organisation": "Polisen",
        "partner": "Åklagarmyndigheten",
        "outside_partner": "",
        "level": "formal",
        "since": -1500,
        "description": (
            "Förundersökningar om människohandel och koppleri leds av åklagare. "
            "Regelbundna avstämningar sker mellan utredningsenheten och kammaren i Umeå."
        ),
    },
    {
        "organisation": "Polisen",
        "partner": "Migrationsverket",
        "outside_partner": "",
        "level": "formal",
        "since": -800,
        "description": (
            "Samverkan enligt myndigheternas nationella rutin. Regionens kontaktperson tar "
            "emot uppgifter från Migrationsverket vid misstanke om människohandel."
        ),
    },
    {
        "organisation": "Polisen",
        "partner": "Länsstyrelsen",
        "outside_partner": "",
        "level": "strategic",
        "since": -1100,
        "description": (
            "Deltagande i samordningsgruppen och gemensamma informationsinsatser riktade "
            "till besöksnäringen."
        ),
    },
    {
        "organisation": "Polisen",
        "partner": None,
        "outside_partner": "Socialtjänsten i Umeå kommun",
        "level": "informal",
        "since": -700,
        "description": (
            "Socialtjänsten kontaktas när brottsoffer eller personer som påträffas vid "
            "insatser behöver stöd."
        ),
    },
    # Regionen
    {
        "organisation": "Regionen",
        "partner": "Länsstyrelsen",
        "outside_partner": "",
        "level": "informal",
        "since": -700,
        "description": (
            "Kontakt i jämställdhetsfrågor och en gemensam referensgrupp för utlysning av "
            "projektmedel. Utöver deltagandet i samordningsgruppen finns ingen "
            "överenskommelse."
        ),
    },
    {
        "organisation": "Regionen",
        "partner": "Polisen",
        "outside_partner": "",
        "level": "none",
        "since": None,
        "description": (
            "Ingen samverkan i frågan. Kontakt kan tas i de regionala nätverken för "
            "brottsförebyggande arbete."
        ),
    },
    # Universitetet
    {
        "organisation": "Universitetet",
        "partner": "Länsstyrelsen",
        "outside_partner": "",
        "level": "informal",
        "since": -900,
        "description": (
            "Forskare och lärare medverkar i samordningsgruppen och i utbildningar, men "
            "någon formell överenskommelse finns inte."
        ),
    },
    {
        "organisation": "Universitetet",
        "partner": "Landstinget",
        "outside_partner": "",
        "level": "informal",
        "since": -850,
        "description": (
            "Samarbete med mottagningen i ett forskningsprojekt och hänvisning från "
            "studenthälsan till hälso- och sjukvården."
        ),
    },
    {
        "organisation": "Universitetet",
        "partner": "Polisen",
        "outside_partner": "",
        "level": "informal",
        "since": -20,
        "description": (
            "Samarbete om verksamhetsförlagd utbildning för socionomstudenter och om "
            "gästföreläsningar i kursmodulen."
        ),
    },
    # Landstinget
    {
        "organisation": "Landstinget",
        "partner": "Polisen",
        "outside_partner": "",
        "level": "informal",
        "since": -600,
        "description": (
            "Mottagningen och Polisen har kontakt i enskilda ärenden och när patienter "
            "vill göra en polisanmälan."
        ),
    },
    {
        "organisation": "Landstinget",
        "partner": "Universitetet",
        "outside_partner": "",
        "level": "formal",
        "since": -850,
        "description": (
            "Avtal om mottagningens medverkan i universitetets forskningsprojekt om stödinsatser."
        ),
    },
    {
        "organisation": "Landstinget",
        "partner": None,
        "outside_partner": "Socialtjänsten i Umeå kommun",
        "level": "formal",
        "since": -65,
        "description": (
            "Överenskommelse om remissvägar mellan mottagningen och socialtjänsten. "
            "Ungdomsmottagningarna samverkar dessutom med socialtjänsten i enskilda ärenden."
        ),
    },
    # Åklagarmyndigheten
    {
        "organisation": "Åklagarmyndigheten",
        "partner": "Polisen",
        "outside_partner": "",
        "level": "formal",
        "since": -1500,
        "description": (
            "Åklagare leder förundersökningar om köp av sexuell tjänst, koppleri och "
            "människohandel som Polisen utreder."
        ),
    },
]

NEEDS = [
    {
        "organisation": "Länsstyrelsen",
        "kind": "training",
        "priority": "high",
        "description": (
            "Fortsatt utbildning för personal inom socialtjänst och hälso- och sjukvård i "
            "länets kommuner, särskilt i inlandet."
        ),
        "noted": -60,
    },
    {
        "organisation": "Länsstyrelsen",
        "kind": "resources",
        "priority": "medium",
        "description": (
            "Långsiktig finansiering av informationsinsatser till besöksnäringen och av "
            "gruppens webbplats."
        ),
        "noted": -30,
    },
    {
        "organisation": "Migrationsverket",
        "kind": "training",
        "priority": "high",
        "description": (
            "Utbildning för personal på boenden och för nyanställda handläggare i att "
            "identifiera möjliga offer för människohandel."
        ),
        "noted": -120,
    },
    {
        "organisation": "Migrationsverket",
        "kind": "collaboration",
        "priority": "high",
        "description": (
            "En gemensam rutin med Polisen och socialtjänsten för hur möjliga offer lotsas "
            "vidare till stöd."
        ),
        "noted": -150,
    },
    {
        "organisation": "Migrationsverket",
        "kind": "information",
        "priority": "medium",
        "description": (
            "Ett gemensamt utbildningsmaterial från samordningsgruppen som kan användas på "
            "arbetsplatsträffar."
        ),
        "noted": -5,
    },
    {
        "organisation": "Polisen",
        "kind": "training",
        "priority": "high",
        "description": "Fortbildning för utredare i förhör med utsatta personer.",
        "noted": -170,
    },
    {
        "organisation": "Polisen",
        "kind": "training",
        "priority": "medium",
        "description": (
            "Kunskap om sexköp som förmedlas via digitala arenor och om hur annonsering förändras."
        ),
        "noted": -90,
    },
    {
        "organisation": "Polisen",
        "kind": "collaboration",
        "priority": "medium",
        "description": (
            "Ett bättre tipsflöde från andra myndigheter och från kommunerna vid misstanke "
            "om sexköp eller människohandel."
        ),
        "noted": -160,
    },
    {
        "organisation": "Regionen",
        "kind": "training",
        "priority": "medium",
        "description": (
            "Grundläggande utbildning för tjänstepersoner inom regional utveckling om "
            "prostitution och människohandel."
        ),
        "noted": -100,
    },
    {
        "organisation": "Regionen",
        "kind": "information",
        "priority": "medium",
        "description": (
            "Underlag om behoven i länet som stöd för prioriteringar i regionala "
            "strategier och vid fördelning av projektmedel."
        ),
        "noted": -175,
    },
    {
        "organisation": "Universitetet",
        "kind": "training",
        "priority": "low",
        "description": (
            "Fortbildning för de lärare som undervisar om prostitution och människohandel."
        ),
        "noted": -10,
    },
    {
        "organisation": "Landstinget",
        "kind": "training",
        "priority": "high",
        "description": (
            "Utbildning för personal i primärvården och på akutmottagningarna i att fråga "
            "om våld och utnyttjande och om sexköpslagen."
        ),
        "noted": -165,
    },
    {
        "organisation": "Landstinget",
        "kind": "resources",
        "priority": "medium",
        "description": (
            "Resurser för att utvidga mottagningens arbete till hela länet i samverkan med "
            "kommunerna."
        ),
        "noted": -80,
    },
    {
        "organisation": "Åklagarmyndigheten",
        "kind": "training",
        "priority": "medium",
        "description": (
            "Gemensam utbildning om bevisfrågor vid internetbaserade sexköp för hela kedjan "
            "från polis till domstol."
        ),
        "noted": -140,
    },
]
