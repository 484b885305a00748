"""Demo answers for the coordination group's quarterly questions.

Texts per organisation (short name) and question number (1-5) for three consecutive
periods: "earlier" (two quarters ago), "later" (last quarter) and "current".
"""

ANSWERS = {
    "Länsstyrelsen": {
        1: {
            "earlier": (
                "Länsstyrelsen Västerbotten sammankallar den regionala samordningsgruppen "
                "mot prostitution och människohandel för sexuella ändamål och ansvarar för "
                "gruppens möten, kansli och webbplats. Vi arbetar utifrån den nationella "
                "handlingsplanen och i dialog med Jämställdhetsmyndigheten.\n\n"
                "Under kvartalet har arbetet främst bestått av:\n"
                "- grundutbildningar för yrkesverksamma i länets kommuner\n"
                "- informationsinsatser riktade till taxi-, hotell- och restaurangbranschen\n"
                "- uppdatering av gruppens webbplats med kontaktuppgifter och stödvägar"
            ),
            "later": (
                "Länsstyrelsen Västerbotten sammankallar den regionala samordningsgruppen "
                "mot prostitution och människohandel för sexuella ändamål och ansvarar för "
                "gruppens möten, kansli och webbplats. Vi arbetar utifrån den nationella "
                "handlingsplanen och i dialog med Jämställdhetsmyndigheten.\n\n"
                "Under kvartalet har arbetet främst bestått av:\n"
                "- grundutbildningar för yrkesverksamma i länets kommuner\n"
                "- informationsinsatser riktade till taxi-, hotell- och restaurangbranschen\n"
                "- en reklamfilm för gruppens webbplats som visas på biografer i Umeå och "
                "Skellefteå\n"
                "- uppdatering av gruppens webbplats med kontaktuppgifter och stödvägar"
            ),
            "current": (
                "Länsstyrelsen Västerbotten sammankallar den regionala samordningsgruppen "
                "mot prostitution och människohandel för sexuella ändamål och ansvarar för "
                "gruppens möten, kansli och webbplats. Vi arbetar utifrån den nationella "
                "handlingsplanen och i nära dialog med Jämställdhetsmyndigheten.\n\n"
                "Under kvartalet har arbetet främst bestått av:\n"
                "- grundutbildningar för yrkesverksamma i länets kommuner, nu även i "
                "inlandskommunerna\n"
                "- informationsinsatser riktade till taxi-, hotell- och restaurangbranschen\n"
                "- en reklamfilm för gruppens webbplats som har visats på biografer i Umeå "
                "och Skellefteå\n"
                "- uppdatering av gruppens webbplats med kontaktuppgifter och stödvägar\n\n"
                "Vi har också påbörjat planeringen av nästa kampanj riktad till "
                "besöksnäringen."
            ),
        },
        2: {
            "earlier": (
                "Länsstyrelsen har genom regleringsbrev och särskilda regeringsuppdrag i "
                "uppgift att samordna det regionala arbetet mot prostitution och "
                "människohandel, som en del av arbetet mot mäns våld mot kvinnor. I "
                "uppdraget ingår att stödja kommuner och myndigheter med kunskap och "
                "metoder, att främja samverkan mellan aktörerna i länet och att vara länk "
                "till den nationella nivån genom Jämställdhetsmyndigheten."
            ),
            "later": (
                "Länsstyrelsen har genom regleringsbrev och särskilda regeringsuppdrag i "
                "uppgift att samordna det regionala arbetet mot prostitution och "
                "människohandel, som en del av arbetet mot mäns våld mot kvinnor. I "
                "uppdraget ingår att stödja kommuner och myndigheter med kunskap och "
                "metoder, att främja samverkan mellan aktörerna i länet och att vara länk "
                "till den nationella nivån genom Jämställdhetsmyndigheten."
            ),
            "current": (
                "Länsstyrelsen har genom regleringsbrev och särskilda regeringsuppdrag i "
                "uppgift att samordna det regionala arbetet mot prostitution och "
                "människohandel, som en del av arbetet mot mäns våld mot kvinnor. I "
                "uppdraget ingår att stödja kommuner och myndigheter med kunskap och "
                "metoder, att främja samverkan mellan aktörerna i länet och att vara länk "
                "till den nationella nivån genom Jämställdhetsmyndigheten. Uppdraget har för "
                "innevarande år förlängts i oförändrad omfattning."
            ),
        },
        3: {
            "earlier": (
                "Arbetet utgår från den nationella handlingsplanen mot prostitution och "
                "människohandel och från den nationella strategin för att förebygga och "
                "bekämpa mäns våld mot kvinnor. En regional handlingsplan för länet är under "
                "arbete och beräknas vara klar under nästa kvartal."
            ),
            "later": (
                "Arbetet utgår från den nationella handlingsplanen mot prostitution och "
                "människohandel och från den nationella strategin för att förebygga och "
                "bekämpa mäns våld mot kvinnor. En regional handlingsplan för länet har "
                "tagits fram och skickats på remiss till gruppens medlemmar. Den beräknas "
                "kunna antas under nästa kvartal."
            ),
            "current": (
                "Arbetet utgår från den nationella handlingsplanen mot prostitution och "
                "människohandel och från den nationella strategin för att förebygga och "
                "bekämpa mäns våld mot kvinnor. En regional handlingsplan för länet har "
                "antagits under kvartalet efter remiss till gruppens medlemmar. Planen finns "
                "på https://www.example.se/vasterbotten/handlingsplan"
            ),
        },
        4: {
            "earlier": (
                "Länsstyrelsen leder den regionala samordningsgruppen, där Polisen, "
                "Migrationsverket, Åklagarmyndigheten, Region Västerbotten, Umeå universitet "
                "och landstinget ingår. Gruppen träffas fyra gånger per år och har en "
                "gemensam rutin för hur misstänkta fall av människohandel lotsas vidare.\n\n"
                "Vi samverkar också med övriga länsstyrelser i norra Sverige och med det "
                "nationella metodstödet mot prostitution och människohandel."
            ),
            "later": (
                "Länsstyrelsen leder den regionala samordningsgruppen, där Polisen, "
                "Migrationsverket, Åklagarmyndigheten, Region Västerbotten, Umeå universitet "
                "och landstinget ingår. Gruppen träffas fyra gånger per år och har en "
                "gemensam rutin för hur misstänkta fall av människohandel lotsas vidare.\n\n"
                "Vi samverkar också med övriga länsstyrelser i norra Sverige och med det "
                "nationella metodstödet mot prostitution och människohandel. Under kvartalet "
                "tecknades en överenskommelse med länets kommuner om kontaktpersoner inom "
                "socialtjänsten."
            ),
            "current": (
                "Länsstyrelsen leder den regionala samordningsgruppen, där Polisen, "
                "Migrationsverket, Åklagarmyndigheten, Region Västerbotten, Umeå universitet "
                "och landstinget ingår. Gruppen träffas fyra gånger per år och har en "
                "gemensam rutin för hur misstänkta fall av människohandel lotsas vidare.\n\n"
                "Vi samverkar också med övriga länsstyrelser i norra Sverige och med det "
                "nationella metodstödet mot prostitution och människohandel. Under kvartalet "
                "tecknades en överenskommelse med länets kommuner om kontaktpersoner inom "
                "socialtjänsten. Vi har även inlett en dialog med ideella organisationer som "
                "möter målgruppen."
            ),
        },
        5: {
            "earlier": (
                "Länsstyrelsen kommer att fortsätta att samordna gruppen och erbjuda "
                "utbildning till medlemsorganisationerna. Vi ser möjligheter att utveckla "
                "gemensamma informationsinsatser och en gemensam kompetensplan.\n\n"
                "Av gruppen förväntar vi oss aktiv medverkan på mötena och att varje "
                "organisation utser en ersättare. Det största behovet i länet är fortsatt "
                "utbildning, särskilt för personal inom socialtjänst och hälso- och "
                "sjukvård."
            ),
            "later": (
                "Länsstyrelsen kommer att fortsätta att samordna gruppen och erbjuda "
                "utbildning till medlemsorganisationerna. Vi ser möjligheter att utveckla "
                "gemensamma informationsinsatser och en gemensam kompetensplan för de "
                "kommande åren.\n\n"
                "Av gruppen förväntar vi oss aktiv medverkan på mötena och att varje "
                "organisation utser en ersättare. Det största behovet i länet är fortsatt "
                "utbildning, särskilt för personal inom socialtjänst och hälso- och "
                "sjukvård."
            ),
            "current": (
                "Länsstyrelsen kommer att fortsätta att samordna gruppen och erbjuda "
                "utbildning till medlemsorganisationerna. Vi ser möjligheter att utveckla "
                "gemensamma informationsinsatser och en gemensam kompetensplan för de "
                "kommande åren.\n\n"
                "Av gruppen förväntar vi oss aktiv medverkan på mötena och att varje "
                "organisation utser en ersättare. Det största behovet i länet är fortsatt "
                "utbildning, särskilt för personal inom socialtjänst och hälso- och "
                "sjukvård. Vi planerar en länsgemensam konferens om sexuell exploatering "
                "under nästa år."
            ),
        },
    },
    "Migrationsverket": {
        1: {
            "earlier": (
                "Migrationsverket möter i mottagningsverksamheten asylsökande som kan ha "
                "utsatts för människohandel eller prostitution. Handläggare och personal på "
                "boenden ska uppmärksamma tecken på utnyttjande och dokumentera iakttagelser "
                "enligt myndighetens rutin.\n\n"
                "Vid misstanke kontaktas Polisen, och den enskilde informeras om möjligheten "
                "till stöd genom det nationella stödprogrammet."
            ),
            "later": (
                "Migrationsverket möter i mottagningsverksamheten asylsökande som kan ha "
                "utsatts för människohandel eller prostitution. Handläggare och personal på "
                "boenden ska uppmärksamma tecken på utnyttjande och dokumentera iakttagelser "
                "enligt myndighetens rutin.\n\n"
                "Vid misstanke kontaktas Polisen, och den enskilde informeras om möjligheten "
                "till stöd genom det nationella stödprogrammet. Under kvartalet har två "
                "medarbetare i Umeå utsetts till lokala kontaktpersoner för frågan."
            ),
            "current": (
                "Migrationsverket möter i mottagningsverksamheten asylsökande som kan ha "
                "utsatts för människohandel eller prostitution. Handläggare och personal på "
                "boenden ska uppmärksamma tecken på utnyttjande och dokumentera iakttagelser "
                "enligt myndighetens rutin.\n\n"
                "Vid misstanke kontaktas Polisen, och den enskilde informeras om möjligheten "
                "till stöd genom det nationella stödprogrammet. Under kvartalet har tre "
                "medarbetare i Umeå och Skellefteå utsetts till lokala kontaktpersoner för "
                "frågan."
            ),
        },
        2: {
            "earlier": (
                "Migrationsverket har inget särskilt regeringsuppdrag om prostitution. "
                "Myndigheten har dock ett ansvar att identifiera asylsökande med särskilda "
                "behov, däribland möjliga offer för människohandel. Myndigheten prövar också "
                "frågor om tidsbegränsat uppehållstillstånd för brottsoffer och vittnen "
                "under en förundersökning."
            ),
            "later": (
                "Migrationsverket har inget särskilt regeringsuppdrag om prostitution. "
                "Myndigheten har dock ett ansvar att identifiera asylsökande med särskilda "
                "behov, däribland möjliga offer för människohandel. Myndigheten prövar också "
                "frågor om tidsbegränsat uppehållstillstånd för brottsoffer och vittnen "
                "under en förundersökning."
            ),
            "current": (
                "Migrationsverket har inget särskilt regeringsuppdrag om prostitution. "
                "Myndigheten har dock ett ansvar att identifiera asylsökande med särskilda "
                "behov, däribland möjliga offer för människohandel. Myndigheten prövar också "
                "frågor om tidsbegränsat uppehållstillstånd för brottsoffer och vittnen "
                "under en förundersökning."
            ),
        },
        3: {
            "earlier": (
                "Myndigheten har en nationell rutin för ärenden där det finns misstanke om "
                "människohandel, med tillhörande stödmaterial för handläggare. Rutinen ses "
                "över under året."
            ),
            "later": (
                "Myndigheten har en nationell rutin för ärenden där det finns misstanke om "
                "människohandel, med tillhörande stödmaterial för handläggare. Rutinen har "
                "reviderats, och en ny version gäller sedan början av kvartalet."
            ),
            "current": (
                "Myndigheten har en nationell rutin för ärenden där det finns misstanke om "
                "människohandel, med tillhörande stödmaterial för handläggare. Rutinen har "
                "reviderats, och en ny version gäller sedan början av kvartalet."
            ),
        },
        4: {
            "earlier": (
                "Samverkan sker i dag främst i enskilda ärenden, där Polisens regionala "
                "kontaktperson för människohandel kontaktas vid misstanke. Vi deltar i den "
                "regionala samordningsgruppen och tar del av det nationella metodstödet."
            ),
            "later": (
                "Samverkan sker i dag främst i enskilda ärenden, där Polisens regionala "
                "kontaktperson för människohandel kontaktas vid misstanke. Vi deltar i den "
                "regionala samordningsgruppen och tar del av det nationella metodstödet. "
                "Någon formaliserad samverkan med socialtjänsten finns ännu inte."
            ),
            "current": (
                "Samverkan sker i dag främst i enskilda ärenden, där Polisens regionala "
                "kontaktperson för människohandel kontaktas vid misstanke. Vi deltar sedan "
                "starten i den regionala samordningsgruppen och tar del av det nationella "
                "metodstödet. Någon formaliserad samverkan med socialtjänsten finns ännu "
                "inte."
            ),
        },
        5: {
            "earlier": (
                "Migrationsverket kan bidra med kunskap om målgruppen asylsökande och om "
                "regelverket kring uppehållstillstånd. Vi ser gärna en gemensam rutin med "
                "Polisen och socialtjänsten för hur möjliga offer ska lotsas vidare.\n\n"
                "Behovet av utbildning är stort, särskilt för personal på boenden och för "
                "nyanställda handläggare."
            ),
            "later": (
                "Migrationsverket kan bidra med kunskap om målgruppen asylsökande och om "
                "regelverket kring uppehållstillstånd. Vi ser gärna en gemensam rutin med "
                "Polisen och socialtjänsten för hur möjliga offer ska lotsas vidare.\n\n"
                "Behovet av utbildning är stort, särskilt för personal på boenden och för "
                "nyanställda handläggare. Vi önskar att samordningsgruppen tar fram ett "
                "gemensamt utbildningsmaterial."
            ),
            "current": (
                "Migrationsverket kan bidra med kunskap om målgruppen asylsökande och om "
                "regelverket kring uppehållstillstånd. Vi ser gärna en gemensam rutin med "
                "Polisen och socialtjänsten för hur möjliga offer ska lotsas vidare.\n\n"
                "Behovet av utbildning är stort, särskilt för personal på boenden och för "
                "nyanställda handläggare. Vi önskar att samordningsgruppen tar fram ett "
                "gemensamt utbildningsmaterial."
            ),
        },
    },
    "Polisen": {
        1: {
            "earlier": (
                "Polismyndigheten, Region Nord, utreder brott som köp av sexuell tjänst, "
                "koppleri och människohandel. Utredningarna bedrivs av den regionala "
                "utredningsenheten och av lokalpolisområdena, med stöd av regionens "
                "kontaktperson för människohandel.\n\n"
                "I det operativa arbetet ingår:\n"
                "- riktade insatser på hotell och andra platser där sexköp förekommer\n"
                "- bevakning av annonser om sexuella tjänster på internet\n"
                "- uppföljning av tips från allmänheten och andra myndigheter"
            ),
            "later": (
                "Polismyndigheten, Region Nord, utreder brott som köp av sexuell tjänst, "
                "koppleri och människohandel. Utredningarna bedrivs av den regionala "
                "utredningsenheten och av lokalpolisområdena, med stöd av regionens "
                "kontaktperson för människohandel.\n\n"
                "I det operativa arbetet ingår:\n"
                "- riktade insatser på hotell och andra platser där sexköp förekommer\n"
                "- bevakning av annonser om sexuella tjänster på internet\n"
                "- uppföljning av tips från allmänheten och andra myndigheter\n"
                "- utbildning av poliser i yttre tjänst om tecken på människohandel"
            ),
            "current": (
                "Polismyndigheten, Region Nord, utreder brott som köp av sexuell tjänst, "
                "koppleri och människohandel. Utredningarna bedrivs av den regionala "
                "utredningsenheten och av lokalpolisområdena, med stöd av regionens "
                "kontaktperson för människohandel.\n\n"
                "I det operativa arbetet ingår:\n"
                "- riktade insatser på hotell och andra platser där sexköp förekommer, bland "
                "annat i samband med större evenemang\n"
                "- bevakning av annonser om sexuella tjänster på internet\n"
                "- uppföljning av tips från allmänheten och andra myndigheter\n"
                "- utbildning av poliser i yttre tjänst om tecken på människohandel"
            ),
        },
        2: {
            "earlier": (
                "Polismyndigheten har i uppdrag att förebygga, förhindra och upptäcka brott "
                "samt att utreda brott som hör under allmänt åtal. Människohandel och "
                "koppleri är prioriterade områden i myndighetens verksamhetsplan, och varje "
                "polisregion ska ha en regional kontaktperson för människohandel."
            ),
            "later": (
                "Polismyndigheten har i uppdrag att förebygga, förhindra och upptäcka brott "
                "samt att utreda brott som hör under allmänt åtal. Människohandel och "
                "koppleri är prioriterade områden i myndighetens verksamhetsplan, och varje "
                "polisregion ska ha en regional kontaktperson för människohandel."
            ),
            "current": (
                "Polismyndigheten har i uppdrag att förebygga, förhindra och upptäcka brott "
                "samt att utreda brott som hör under allmänt åtal. Människohandel och "
                "koppleri är prioriterade områden i myndighetens verksamhetsplan, och varje "
                "polisregion ska ha en regional kontaktperson för människohandel. I "
                "regleringsbrevet för året framhålls särskilt arbetet mot sexuell "
                "exploatering av barn."
            ),
        },
        3: {
            "earlier": (
                "Arbetet styrs av myndighetens nationella inriktning mot människohandel och "
                "av Region Nords verksamhetsplan. En regional handlingsplan för arbetet mot "
                "sexköp är under arbete."
            ),
            "later": (
                "Arbetet styrs av myndighetens nationella inriktning mot människohandel och "
                "av Region Nords verksamhetsplan. En regional handlingsplan för arbetet mot "
                "sexköp är under arbete och beräknas vara klar vid årsskiftet."
            ),
            "current": (
                "Arbetet styrs av myndighetens nationella inriktning mot människohandel och "
                "av Region Nords verksamhetsplan. En regional handlingsplan för arbetet mot "
                "sexköp antogs under kvartalet."
            ),
        },
        4: {
            "earlier": (
                "Polisen samverkar med Åklagarmyndigheten i förundersökningar och med "
                "socialtjänsten när brottsoffer behöver stöd. Samverkan med Migrationsverket "
                "sker i enskilda ärenden via regionens kontaktperson. Polisen deltar i den "
                "regionala samordningsgruppen."
            ),
            "later": (
                "Polisen samverkar med Åklagarmyndigheten i förundersökningar och med "
                "socialtjänsten när brottsoffer behöver stöd. Samverkan med Migrationsverket "
                "sker i enskilda ärenden via regionens kontaktperson. Polisen deltar i den "
                "regionala samordningsgruppen."
            ),
            "current": (
                "Polisen samverkar med Åklagarmyndigheten i förundersökningar och med "
                "socialtjänsten när brottsoffer behöver stöd. Samverkan med Migrationsverket "
                "sker i enskilda ärenden via regionens kontaktperson. Polisen deltar i den "
                "regionala samordningsgruppen.\n\n"
                "Under kvartalet genomfördes en gemensam informationsinsats med "
                "Länsstyrelsen riktad till hotell i Umeå."
            ),
        },
        5: {
            "earlier": (
                "Polisen bidrar med lägesbild och erfarenheter från utredningar. Vi ser "
                "möjligheter att utveckla gemensamma insatser med kommunerna och att "
                "förbättra tipsflödet från andra myndigheter.\n\n"
                "Av samordningsgruppen förväntar vi oss ett fortsatt forum för "
                "informationsutbyte. Behovet av utbildning gäller framför allt förhör med "
                "utsatta personer och kunskap om internetbaserade sexköp."
            ),
            "later": (
                "Polisen bidrar med lägesbild och erfarenheter från utredningar. Vi ser "
                "möjligheter att utveckla gemensamma insatser med kommunerna och att "
                "förbättra tipsflödet från andra myndigheter.\n\n"
                "Av samordningsgruppen förväntar vi oss ett fortsatt forum för "
                "informationsutbyte. Behovet av utbildning gäller framför allt förhör med "
                "utsatta personer och kunskap om internetbaserade sexköp."
            ),
            "current": (
                "Polisen bidrar med en regional lägesbild två gånger per år och erfarenheter "
                "från utredningar. Vi ser möjligheter att utveckla gemensamma insatser med "
                "kommunerna och att förbättra tipsflödet från andra myndigheter.\n\n"
                "Av samordningsgruppen förväntar vi oss ett fortsatt forum för "
                "informationsutbyte. Behovet av utbildning gäller framför allt förhör med "
                "utsatta personer och kunskap om internetbaserade sexköp."
            ),
        },
    },
    "Regionen": {
        1: {
            "earlier": (
                "Region Västerbotten arbetar med frågan indirekt genom den regionala "
                "folkhälsostrategin och det regionala jämställdhetsarbetet. Vi har ingen "
                "verksamhet som direkt möter personer i prostitution eller personer som "
                "utsatts för människohandel."
            ),
            "later": (
                "Region Västerbotten arbetar med frågan indirekt genom den regionala "
                "folkhälsostrategin och det regionala jämställdhetsarbetet. Vi har ingen "
                "verksamhet som direkt möter personer i prostitution eller personer som "
                "utsatts för människohandel. Under kvartalet har frågan lyfts i regionens "
                "jämställdhetsnätverk."
            ),
            "current": (
                "Region Västerbotten arbetar med frågan indirekt genom den regionala "
                "folkhälsostrategin och det regionala jämställdhetsarbetet. Vi har ingen "
                "verksamhet som direkt möter personer i prostitution eller personer som "
                "utsatts för människohandel. Under kvartalet har frågan lyfts i regionens "
                "jämställdhetsnätverk."
            ),
        },
        2: {
            "earlier": (
                "Region Västerbotten har inget särskilt uppdrag om prostitution och "
                "människohandel. Frågan ryms inom det regionala utvecklingsansvaret och "
                "uppdraget att främja jämställdhet och folkhälsa i länet."
            ),
            "later": (
                "Region Västerbotten har inget särskilt uppdrag om prostitution och "
                "människohandel. Frågan ryms inom det regionala utvecklingsansvaret och "
                "uppdraget att främja jämställdhet och folkhälsa i länet."
            ),
            "current": (
                "Region Västerbotten har inget särskilt uppdrag om prostitution och "
                "människohandel. Frågan ryms inom det regionala utvecklingsansvaret och "
                "uppdraget att främja jämställdhet och folkhälsa i länet."
            ),
        },
        3: {
            "earlier": (
                "Den regionala utvecklingsstrategin och folkhälsostrategin lyfter mäns våld "
                "mot kvinnor som ett prioriterat område, men prostitution och människohandel "
                "nämns inte särskilt. Någon egen handlingsplan finns inte."
            ),
            "later": (
                "Den regionala utvecklingsstrategin och folkhälsostrategin lyfter mäns våld "
                "mot kvinnor som ett prioriterat område, men prostitution och människohandel "
                "nämns inte särskilt. Någon egen handlingsplan finns inte."
            ),
            "current": (
                "Den regionala utvecklingsstrategin och folkhälsostrategin lyfter mäns våld "
                "mot kvinnor som ett prioriterat område, men prostitution och människohandel "
                "nämns inte särskilt. Någon egen handlingsplan finns inte. Frågan kommer att "
                "föras in när folkhälsostrategin revideras."
            ),
        },
        4: {
            "earlier": (
                "Det finns ingen formaliserad samverkan i frågan utöver deltagandet i "
                "samordningsgruppen. Regionen har kontakt med Länsstyrelsen i "
                "jämställdhetsfrågor och med länets kommuner genom de regionala nätverken."
            ),
            "later": (
                "Det finns ingen formaliserad samverkan i frågan utöver deltagandet i "
                "samordningsgruppen. Regionen har kontakt med Länsstyrelsen i "
                "jämställdhetsfrågor och med länets kommuner genom de regionala nätverken."
            ),
            "current": (
                "Det finns ingen formaliserad samverkan i frågan utöver deltagandet i "
                "samordningsgruppen. Regionen har kontakt med Länsstyrelsen i "
                "jämställdhetsfrågor och med länets kommuner genom de regionala nätverken. "
                "En gemensam referensgrupp med Länsstyrelsen för utlysning av projektmedel "
                "har bildats."
            ),
        },
        5: {
            "earlier": (
                "Regionen kan bidra genom att finansiera utvecklingsprojekt och genom att "
                "föra in frågan i regionala strategier. Vi ser möjligheter att använda de "
                "regionala nätverken för att sprida kunskap till kommunerna.\n\n"
                "Från samordningsgruppen önskar vi underlag om behoven i länet. Utbildning "
                "för tjänstepersoner inom regional utveckling vore värdefull."
            ),
            "later": (
                "Regionen kan bidra genom att finansiera utvecklingsprojekt och genom att "
                "föra in frågan i regionala strategier. Vi ser möjligheter att använda de "
                "regionala nätverken för att sprida kunskap till kommunerna.\n\n"
                "Från samordningsgruppen önskar vi underlag om behoven i länet. Utbildning "
                "för tjänstepersoner inom regional utveckling vore värdefull. En utlysning "
                "av projektmedel för våldsförebyggande arbete öppnar under nästa kvartal."
            ),
            "current": (
                "Regionen kan bidra genom att finansiera utvecklingsprojekt och genom att "
                "föra in frågan i regionala strategier. Vi ser möjligheter att använda de "
                "regionala nätverken för att sprida kunskap till kommunerna.\n\n"
                "Från samordningsgruppen önskar vi underlag om behoven i länet. Utbildning "
                "för tjänstepersoner inom regional utveckling vore värdefull. En utlysning "
                "av projektmedel för våldsförebyggande arbete är öppen och stänger vid "
                "kvartalets slut."
            ),
        },
    },
    "Universitetet": {
        1: {
            "earlier": (
                "Umeå universitet bedriver forskning och utbildning i socialt arbete där "
                "prostitution och människohandel ingår. Socionomprogrammet har en kursmodul "
                "om prostitution och människohandel, och ämnet berörs även i utbildningar "
                "inom vård och juridik.\n\n"
                "Studenthälsan möter studenter som kan vara utsatta och hänvisar vid behov "
                "vidare till hälso- och sjukvården."
            ),
            "later": (
                "Umeå universitet bedriver forskning och utbildning i socialt arbete där "
                "prostitution och människohandel ingår. Socionomprogrammet har en kursmodul "
                "om prostitution och människohandel, och ämnet berörs även i utbildningar "
                "inom vård och juridik. Kursmodulen har under kvartalet kompletterats med "
                "ett avsnitt om sexuell exploatering på nätet.\n\n"
                "Studenthälsan möter studenter som kan vara utsatta och hänvisar vid behov "
                "vidare till hälso- och sjukvården."
            ),
            "current": (
                "Umeå universitet bedriver forskning och utbildning i socialt arbete där "
                "prostitution och människohandel ingår. Socionomprogrammet har en kursmodul "
                "om prostitution och människohandel, och ämnet berörs även i utbildningar "
                "inom vård och juridik. Kursmodulen har under kvartalet kompletterats med "
                "ett avsnitt om sexuell exploatering på nätet.\n\n"
                "Studenthälsan möter studenter som kan vara utsatta och hänvisar vid behov "
                "vidare till hälso- och sjukvården. Under kvartalet hölls också ett öppet "
                "forskningsseminarium för studenter och yrkesverksamma."
            ),
        },
        2: {
            "earlier": (
                "Universitetet har inget särskilt uppdrag om prostitution och "
                "människohandel. Frågan omfattas av det allmänna uppdraget att bedriva "
                "utbildning och forskning och att samverka med det omgivande samhället."
            ),
            "later": (
                "Universitetet har inget särskilt uppdrag om prostitution och "
                "människohandel. Frågan omfattas av det allmänna uppdraget att bedriva "
                "utbildning och forskning och att samverka med det omgivande samhället."
            ),
            "current": (
                "Universitetet har inget särskilt uppdrag om prostitution och "
                "människohandel. Frågan omfattas av det allmänna uppdraget att bedriva "
                "utbildning och forskning och att samverka med det omgivande samhället."
            ),
        },
        3: {
            "earlier": (
                "Det finns ingen särskild plan för frågan. Universitetets plan för lika "
                "villkor och riktlinjerna mot kränkande särbehandling omfattar sexuella "
                "trakasserier men inte prostitution specifikt."
            ),
            "later": (
                "Det finns ingen särskild plan för frågan. Universitetets plan för lika "
                "villkor och riktlinjerna mot kränkande särbehandling omfattar sexuella "
                "trakasserier men inte prostitution specifikt."
            ),
            "current": (
                "Det finns ingen särskild plan för frågan. Universitetets plan för lika "
                "villkor och riktlinjerna mot kränkande särbehandling omfattar sexuella "
                "trakasserier men inte prostitution specifikt."
            ),
        },
        4: {
            "earlier": (
                "Samverkan sker främst genom att forskare och lärare medverkar i "
                "samordningsgruppen och i utbildningsinsatser för yrkesverksamma. Det finns "
                "ingen formell överenskommelse med andra aktörer."
            ),
            "later": (
                "Samverkan sker främst genom att forskare och lärare medverkar i "
                "samordningsgruppen och i utbildningsinsatser för yrkesverksamma. Det finns "
                "ingen formell överenskommelse med andra aktörer, men ett samarbete med "
                "Polisen kring verksamhetsförlagd utbildning har inletts."
            ),
            "current": (
                "Samverkan sker främst genom att forskare och lärare medverkar i "
                "samordningsgruppen och i utbildningsinsatser för yrkesverksamma. Det finns "
                "ingen formell överenskommelse med andra aktörer, men ett samarbete med "
                "Polisen kring verksamhetsförlagd utbildning har inletts."
            ),
        },
        5: {
            "earlier": (
                "Universitetet kan bidra med forskningsbaserad kunskap och med medverkan i "
                "utbildningar. Vi ser möjligheter till gemensamma studier av hur insatserna "
                "i länet fungerar.\n\n"
                "Vi förväntar oss att gruppen kan förmedla kontakter för forskningsprojekt "
                "och examensarbeten."
            ),
            "later": (
                "Universitetet kan bidra med forskningsbaserad kunskap och med medverkan i "
                "utbildningar. Vi ser möjligheter till gemensamma studier av hur insatserna "
                "i länet fungerar.\n\n"
                "Vi förväntar oss att gruppen kan förmedla kontakter för forskningsprojekt "
                "och examensarbeten. Ett behov är fortbildning för de lärare som undervisar "
                "i ämnet."
            ),
            "current": (
                "Universitetet kan bidra med forskningsbaserad kunskap och med medverkan i "
                "utbildningar. Vi ser möjligheter till gemensamma studier av hur insatserna "
                "i länet fungerar.\n\n"
                "Vi förväntar oss att gruppen kan förmedla kontakter för forskningsprojekt "
                "och examensarbeten. Ett behov är fortbildning för de lärare som undervisar "
                "i ämnet."
            ),
        },
    },
    "Landstinget": {
        1: {
            "earlier": (
                "Hälso- och sjukvården i Västerbottens läns landsting möter personer med "
                "erfarenhet av prostitution och människohandel i flera verksamheter. I Umeå "
                "finns en mottagning för personer som säljer eller har sålt sex, med "
                "samtalsstöd och insatser för sexuell hälsa.\n\n"
                "Ungdomsmottagningarna arbetar med frågor om sex mot ersättning och sex som "
                "självskada. Personalen utbildas i att fråga om våld och utnyttjande."
            ),
            "later": (
                "Hälso- och sjukvården i Västerbottens läns landsting möter personer med "
                "erfarenhet av prostitution och människohandel i flera verksamheter. I Umeå "
                "finns en mottagning för personer som säljer eller har sålt sex, med "
                "samtalsstöd och insatser för sexuell hälsa.\n\n"
                "Ungdomsmottagningarna arbetar med frågor om sex mot ersättning och sex som "
                "självskada. Personalen utbildas i att fråga om våld och utnyttjande. Under "
                "kvartalet genomfördes en utbildningsdag för barnmorskor och kuratorer på "
                "ungdomsmottagningarna."
            ),
            "current": (
                "Hälso- och sjukvården i Västerbottens läns landsting möter personer med "
                "erfarenhet av prostitution och människohandel i flera verksamheter. I Umeå "
                "finns en mottagning för personer som säljer eller har sålt sex, med "
                "samtalsstöd och insatser för sexuell hälsa. Mottagningen erbjuder nu även "
                "digitala besök för patienter i inlandet.\n\n"
                "Ungdomsmottagningarna arbetar med frågor om sex mot ersättning och sex som "
                "självskada. Personalen utbildas i att fråga om våld och utnyttjande. Under "
                "kvartalet genomfördes en utbildningsdag för barnmorskor och kuratorer på "
                "ungdomsmottagningarna."
            ),
        },
        2: {
            "earlier": (
                "Landstinget ansvarar för hälso- och sjukvård enligt hälso- och "
                "sjukvårdslagen, vilket omfattar vård och stöd till personer som utsatts för "
                "våld eller utnyttjande. Något särskilt uppdrag om prostitution och "
                "människohandel finns inte från landstingsfullmäktige."
            ),
            "later": (
                "Landstinget ansvarar för hälso- och sjukvård enligt hälso- och "
                "sjukvårdslagen, vilket omfattar vård och stöd till personer som utsatts för "
                "våld eller utnyttjande. Något särskilt uppdrag om prostitution och "
                "människohandel finns inte från landstingsfullmäktige."
            ),
            "current": (
                "Landstinget ansvarar för hälso- och sjukvård enligt hälso- och "
                "sjukvårdslagen, vilket omfattar vård och stöd till personer som utsatts för "
                "våld eller utnyttjande. Något särskilt uppdrag om prostitution och "
                "människohandel finns inte från landstingsfullmäktige."
            ),
        },
        3: {
            "earlier": (
                "Landstinget har ett vårdprogram för omhändertagande av våldsutsatta, där "
                "prostitution och människohandel nämns. En särskild rutin för mottagningen "
                "är under arbete."
            ),
            "later": (
                "Landstinget har ett vårdprogram för omhändertagande av våldsutsatta, där "
                "prostitution och människohandel nämns. En särskild rutin för mottagningen "
                "har tagits fram och är ute på remiss inom organisationen."
            ),
            "current": (
                "Landstinget har ett vårdprogram för omhändertagande av våldsutsatta, där "
                "prostitution och människohandel nämns. En särskild rutin för mottagningen "
                "är antagen och gäller från och med detta kvartal."
            ),
        },
        4: {
            "earlier": (
                "Mottagningen samverkar med socialtjänsten i Umeå kommun i enskilda ärenden. "
                "Ungdomsmottagningarna samverkar med skolor och socialtjänst. Landstinget "
                "deltar i den regionala samordningsgruppen."
            ),
            "later": (
                "Mottagningen samverkar med socialtjänsten i Umeå kommun i enskilda ärenden. "
                "Ungdomsmottagningarna samverkar med skolor och socialtjänst. Landstinget "
                "deltar i den regionala samordningsgruppen. Under kvartalet tecknades en "
                "överenskommelse med Umeå kommun om remissvägar mellan mottagningen och "
                "socialtjänsten."
            ),
            "current": (
                "Mottagningen samverkar med socialtjänsten i Umeå kommun i enskilda ärenden. "
                "Ungdomsmottagningarna samverkar med skolor och socialtjänst. Landstinget "
                "deltar i den regionala samordningsgruppen. Under kvartalet tecknades en "
                "överenskommelse med Umeå kommun om remissvägar mellan mottagningen och "
                "socialtjänsten."
            ),
        },
        5: {
            "earlier": (
                "Landstinget kan bidra med kunskap om sexuell hälsa och om vård av personer "
                "i utsatta situationer. Vi ser möjligheter att utvidga mottagningens arbete "
                "till hela länet i samverkan med kommunerna.\n\n"
                "Det största behovet är utbildning för personal i primärvården och på "
                "akutmottagningarna, så att fler vågar fråga om våld och utnyttjande."
            ),
            "later": (
                "Landstinget kan bidra med kunskap om sexuell hälsa och om vård av personer "
                "i utsatta situationer. Vi ser möjligheter att utvidga mottagningens arbete "
                "till hela länet i samverkan med kommunerna.\n\n"
                "Det största behovet är utbildning för personal i primärvården och på "
                "akutmottagningarna, så att fler vågar fråga om våld och utnyttjande."
            ),
            "current": (
                "Landstinget kan bidra med kunskap om sexuell hälsa och om vård av personer "
                "i utsatta situationer. Vi ser möjligheter att utvidga mottagningens arbete "
                "till hela länet i samverkan med kommunerna, bland annat genom digitala "
                "besök.\n\n"
                "Det största behovet är utbildning för personal i primärvården och på "
                "akutmottagningarna, så att fler vågar fråga om våld och utnyttjande."
            ),
        },
    },
    "Åklagarmyndigheten": {
        1: {
            "earlier": "",
            "later": "",
            "current": "",
        },
        2: {
            "earlier": (
                "Åklagarmyndigheten har inget eget uppdrag att bedriva förebyggande arbete "
                "mot prostitution och människohandel. Myndighetens uppdrag är att leda "
                "förundersökningar och väcka åtal, bland annat för köp av sexuell tjänst, "
                "koppleri och människohandel."
            ),
            "later": (
                "Åklagarmyndigheten har inget eget uppdrag att bedriva förebyggande arbete "
                "mot prostitution och människohandel. Myndighetens uppdrag är att leda "
                "förundersökningar och väcka åtal, bland annat för köp av sexuell tjänst, "
                "koppleri och människohandel."
            ),
            "current": (
                "Åklagarmyndigheten har inget eget uppdrag att bedriva förebyggande arbete "
                "mot prostitution och människohandel. Myndighetens uppdrag är att leda "
                "förundersökningar och väcka åtal, bland annat för köp av sexuell tjänst, "
                "koppleri och människohandel."
            ),
        },
        3: {
            "earlier": (
                "Åklagarmyndigheten har en nationell handbok för handläggning av ärenden om "
                "människohandel och koppleri. Någon lokal plan finns inte vid kammaren i "
                "Umeå."
            ),
            "later": (
                "Åklagarmyndigheten har en nationell handbok för handläggning av ärenden om "
                "människohandel och koppleri. Någon lokal plan finns inte vid kammaren i "
                "Umeå. Handboken uppdaterades under kvartalet."
            ),
            "current": (
                "Åklagarmyndigheten har en nationell handbok för handläggning av ärenden om "
                "människohandel och koppleri. Någon lokal plan finns inte vid kammaren i "
                "Umeå. Handboken uppdaterades under kvartalet."
            ),
        },
        4: {
            "earlier": "",
            "later": "",
            "current": "",
        },
        5: {
            "earlier": (
                "Åklagarkammaren kan bidra med kunskap om rättsliga frågor och erfarenheter "
                "från domstolsprocesser, till exempel genom medverkan i utbildningar. Vi har "
                "inte möjlighet att delta i gruppens alla möten men vill gärna få kallelser "
                "och minnesanteckningar.\n\n"
                "Utbildning om bevisfrågor vid internetbaserade sexköp vore värdefull för "
                "hela kedjan från polis till domstol."
            ),
            "later": (
                "Åklagarkammaren kan bidra med kunskap om rättsliga frågor och erfarenheter "
                "från domstolsprocesser, till exempel genom medverkan i utbildningar. Vi har "
                "inte möjlighet att delta i gruppens alla möten men vill gärna få kallelser "
                "och minnesanteckningar.\n\n"
                "Utbildning om bevisfrågor vid internetbaserade sexköp vore värdefull för "
                "hela kedjan från polis till domstol."
            ),
            "current": (
                "Åklagarkammaren kan bidra med kunskap om rättsliga frågor och erfarenheter "
                "från domstolsprocesser, till exempel genom medverkan i utbildningar. Vi har "
                "inte möjlighet att delta i gruppens alla möten men vill gärna få kallelser "
                "och minnesanteckningar.\n\n"
                "Utbildning om bevisfrågor vid internetbaserade sexköp vore värdefull för "
                "hela kedjan från polis till domstol. En åklagare från kammaren medverkar på "
                "gruppens utbildningsdag nästa kvartal."
            ),
        },
    },
}

RETURN_REASON = (
    "Tack för era svar. Vi skickar tillbaka dem och ber er beskriva samverkan "
    "med Polisen mer konkret, till exempel hur kontakten tas och hur ofta ni "
    "stämmer av."
)
QUESTION_COMMENT = (
    "Kan ni beskriva närmare hur kontakten med Polisens regionala kontaktperson "
    "går till i praktiken?"
)
REPLY = (
    "Vi ringer den regionala kontaktpersonen vid varje misstanke och har "
    "dessutom en avstämning en gång per kvartal, vilket vi lägger till i svaret."
)
