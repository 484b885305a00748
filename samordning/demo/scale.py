"""National-scale data for performance work: one generated coordination group per county,
each with years of quarterly periods, answers with their history, records and published
reports.

Each group is built in memory and written with bulk_create in one transaction, so 21
groups over ten years take minutes, not hours. Groups are marked as generated (named
"Skalgrupp <län>", slug skala-<län>); a group whose slug exists is skipped, so running
again completes an interrupted run rather than duplicating it. The same seed gives the
same data (dates are relative to the current quarter).

Fields with auto_now/auto_now_add (created_at of periods, submissions, records and
reports) get the time of the run; every date a page shows is set to its historic value.
"""

import bisect
import random
from collections import Counter
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import reset_queries, transaction
from django.template.defaultfilters import date as format_date
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from activities.models import (
    Activity,
    Answer,
    AnswerVersion,
    Collaboration,
    Comment,
    Need,
    Period,
    Question,
    RelatedReport,
    Report,
    ReportContact,
    ReportSection,
    ReportSignatory,
    ReportVersion,
    SteeringDocument,
    Submission,
    SubmissionStatus,
    TargetGroup,
    Transition,
)
from activities.models.records import DEFAULT_TARGET_GROUPS
from activities.questionnaire import DEFAULT_QUESTIONS
from activities.report_content import CONTENT_VERSION, span_label
from activities.services import DEFAULT_DAYS_TO_ANSWER, plain_text, quarter_of
from members.models import CoordinationGroup, Membership, Organisation, Role, User
from samordning.text import render_markdown, render_markdown_with_footnotes

SCALE_PASSWORD = "samordning-skala"
EMAIL_DOMAIN = "skala.example"
SLUG_PREFIX = "skala-"
BATCH_SIZE = 2000
ACTIVITIES_PER_YEAR = (40, 60)  # per organisation

DRAFT, SUBMITTED, RETURNED, APPROVED = (
    SubmissionStatus.DRAFT,
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.RETURNED,
    SubmissionStatus.APPROVED,
)
NOT_STARTED = "not_started"
# The transitions each history goes through, from the first save.
HISTORIES = {
    DRAFT: [DRAFT],
    SUBMITTED: [DRAFT, SUBMITTED],
    RETURNED: [DRAFT, SUBMITTED, RETURNED],
    APPROVED: [DRAFT, SUBMITTED, APPROVED],
    "approved_after_return": [DRAFT, SUBMITTED, RETURNED, SUBMITTED, APPROVED],
}
# How a past period's submission ended up: (history, late, weight).
PAST_OUTCOMES = [
    (APPROVED, False, 70),
    (APPROVED, True, 10),
    ("approved_after_return", False, 8),
    ("approved_after_return", True, 3),
    (NOT_STARTED, False, 4),
    (DRAFT, True, 2),
    (RETURNED, False, 2),
    (SUBMITTED, False, 1),
]
# The current period beyond the first five organisations, which get one state each.
CURRENT_STATES = [(NOT_STARTED, 20), (DRAFT, 30), (SUBMITTED, 25), (RETURNED, 10), (APPROVED, 15)]

# county|the county as in "Länsstyrelsen i …"|seat|region|police region|university
COUNTIES = [
    line.split("|")
    for line in """
Stockholm|Stockholms län|Stockholm|Region Stockholm|Stockholm|Stockholms universitet
Uppsala|Uppsala län|Uppsala|Region Uppsala|Mitt|Uppsala universitet
Södermanland|Södermanlands län|Nyköping|Region Sörmland|Öst|Mälardalens universitet
Östergötland|Östergötlands län|Linköping|Region Östergötland|Öst|Linköpings universitet
Jönköping|Jönköpings län|Jönköping|Region Jönköpings län|Öst|Jönköping University
Kronoberg|Kronobergs län|Växjö|Region Kronoberg|Syd|Linnéuniversitetet
Kalmar|Kalmar län|Kalmar|Region Kalmar län|Syd|Linnéuniversitetet
Gotland|Gotlands län|Visby|Region Gotland|Stockholm|Uppsala universitet, Campus Gotland
Blekinge|Blekinge län|Karlskrona|Region Blekinge|Syd|Blekinge tekniska högskola
Skåne|Skåne län|Malmö|Region Skåne|Syd|Malmö universitet
Halland|Hallands län|Halmstad|Region Halland|Väst|Högskolan i Halmstad
Västra Götaland|Västra Götalands län|Göteborg|Västra Götalandsregionen|Väst|Göteborgs universitet
Värmland|Värmlands län|Karlstad|Region Värmland|Bergslagen|Karlstads universitet
Örebro|Örebro län|Örebro|Region Örebro län|Bergslagen|Örebro universitet
Västmanland|Västmanlands län|Västerås|Region Västmanland|Mitt|Mälardalens universitet
Dalarna|Dalarnas län|Falun|Region Dalarna|Bergslagen|Högskolan Dalarna
Gävleborg|Gävleborgs län|Gävle|Region Gävleborg|Mitt|Högskolan i Gävle
Västernorrland|Västernorrlands län|Härnösand|Region Västernorrland|Nord|Mittuniversitetet
Jämtland|Jämtlands län|Östersund|Region Jämtland Härjedalen|Nord|Mittuniversitetet
Västerbotten|Västerbottens län|Umeå|Region Västerbotten|Nord|Umeå universitet
Norrbotten|Norrbottens län|Luleå|Region Norrbotten|Nord|Luleå tekniska universitet
""".strip().splitlines()
]
# The social services of the county seat's municipality.
MUNICIPALITIES = {
    "Stockholm": "Stockholms stad",
    "Uppsala": "Uppsala kommun",
    "Nyköping": "Nyköpings kommun",
    "Linköping": "Linköpings kommun",
    "Jönköping": "Jönköpings kommun",
    "Växjö": "Växjö kommun",
    "Kalmar": "Kalmar kommun",
    "Visby": "Region Gotland",
    "Karlskrona": "Karlskrona kommun",
    "Malmö": "Malmö stad",
    "Halmstad": "Halmstads kommun",
    "Göteborg": "Göteborgs Stad",
    "Karlstad": "Karlstads kommun",
    "Örebro": "Örebro kommun",
    "Västerås": "Västerås stad",
    "Falun": "Falu kommun",
    "Gävle": "Gävle kommun",
    "Härnösand": "Härnösands kommun",
    "Östersund": "Östersunds kommun",
    "Umeå": "Umeå kommun",
    "Luleå": "Luleå kommun",
}
# Beyond the ten every group has, 0-4 of these.
OPTIONAL_ORGANISATIONS = [
    "Tullverket",
    "Kustbevakningen",
    "Försäkringskassan",
    "Arbetsförmedlingen",
    "Ekobrottsmyndigheten",
    "Jämställdhetsmyndigheten",
]
TITLES = {
    "Länsstyrelsen": "Utvecklingsledare",
    "Polisen": "Kriminalinspektör",
    "Migrationsverket": "Enhetschef",
    "Regionen": "Kurator",
    "Åklagarmyndigheten": "Kammaråklagare",
    "Universitetet": "Lektor i socialt arbete",
    "Socialtjänsten": "Socialsekreterare",
}
FIRST_NAMES = (  # noqa: SIM905
    "Anna Eva Maria Karin Sara Lena Kerstin Emma Ingrid Malin Sofia Elin Linnea Johanna "
    "Lars Mikael Anders Johan Per Erik Karl Peter Magnus Jonas Fredrik Daniel Nils Oskar"
).split()
SURNAMES = (  # noqa: SIM905
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Pettersson Jonsson Lindberg Lindqvist Berg Holm Sundström Öberg Åström Lundgren Nyström "
    "Hedlund Sjöberg Wikström Forsberg Lind Björk Engström Ekström Falk"
).split()

OUTSIDE_PARTNERS = [
    "Nationella stödet mot människohandel (NMT)",
    "Jämställdhetsmyndigheten",
    "Brottsofferjouren",
    "Röda Korset",
    "Talita",
    "Stiftelsen Tjejzonen",
    "Visita",
    "Svenska Taxiförbundet",
    "Kommunernas socialtjänst",
    "Kvinnojouren",
]
ACTIVITY_TITLES = {
    "training": [
        "Grundutbildning om människohandel för sexuella ändamål",
        "Utbildning för socialtjänstens personal",
        "Utbildning för vårdpersonal",
        "Utbildning för nyanställda handläggare",
        "Fördjupningsutbildning om prostitution via nätet",
        "Utbildning för skolkuratorer",
        "Utbildning för tolkar",
    ],
    "seminar": [
        "Seminarium om människohandel för sexuella ändamål",
        "Regional konferens mot prostitution och människohandel",
        "Frukostseminarium om sexköp",
        "Föreläsning för studenter i socialt arbete",
    ],
    "campaign": [
        "Informationsinsats till taxibranschen",
        "Informationsinsats till hotell- och restaurangbranschen",
        "Kampanj inför sommarsäsongen",
        "Reklamfilm på bio för samordningsgruppens webbplats",
        "Affischkampanj i kollektivtrafiken",
    ],
    "network": [
        "Samordningsgruppens nätverksmöte",
        "Regionalt nätverksmöte mot människohandel",
        "Samverkansmöte med ideella organisationer",
    ],
    "survey": [
        "Kartläggning av prostitution i länet",
        "Enkät till socialtjänsten om människohandel",
        "Lägesbild över sexköp på nätet",
    ],
    "operation": [
        "Riktad insats mot sexköp",
        "Kontrollinsats på arbetsplatser",
        "Insats mot annonser för sexuella tjänster",
    ],
    "other": [
        "Uppdatering av webbplatsen",
        "Översättning av informationsmaterial",
        "Studiebesök hos stödverksamhet",
    ],
}
ACTIVITY_KIND_WEIGHTS = {
    "training": 25,
    "seminar": 15,
    "campaign": 15,
    "network": 20,
    "survey": 5,
    "operation": 10,
    "other": 10,
}
ACTIVITY_DESCRIPTIONS = [
    "Insatsen genomfördes i {seat} och följdes upp med en enkät till deltagarna.",
    "Syftet var att öka kunskapen om tecken på prostitution och människohandel och om "
    "vart man kan vända sig.",
    "Genomfördes tillsammans med andra medlemmar i samordningsgruppen.",
    "Materialet finns på flera språk och delades ut på arbetsplatser i {lan}.",
    "Deltagarna var positiva, och insatsen planeras att upprepas nästa år.",
]
NEED_TEXTS = [
    ("training", "Grundutbildning om människohandel för nyanställda."),
    ("training", "Fördjupad utbildning om prostitution som förmedlas via nätet."),
    ("training", "Utbildning i att ställa frågor om sexuell exploatering."),
    ("information", "Informationsmaterial på fler språk."),
    ("collaboration", "Tydligare rutiner för samverkan i enskilda ärenden."),
    ("resources", "Långsiktig finansiering av stödverksamheten."),
    ("other", "Bättre statistik över ärenden med koppling till människohandel."),
]

# Answer text: two sentences an organisation keeps (chosen once), one or two that change
# every period, and sometimes a short list.
STABLE = {
    1: [
        "{org} arbetar med frågan inom den ordinarie verksamheten och har utsett "
        "kontaktpersoner som stöd för medarbetarna.",
        "Arbetet bedrivs främst genom utbildning av personal, samverkan i enskilda ärenden "
        "och informationsinsatser i {lan}.",
        "Frågan ingår i arbetet mot mäns våld mot kvinnor och hedersrelaterat våld och förtryck.",
        "Medarbetare som möter personer i prostitution kan konsultera länets kompetensteam.",
    ],
    2: [
        "Uppdraget följer av myndighetens instruktion och av den nationella handlingsplanen "
        "mot prostitution och människohandel.",
        "{org} har inget särskilt uppdrag i frågan utöver det som följer av instruktion och "
        "regleringsbrev.",
        "Frågan ingår i uppdraget att förebygga och bekämpa mäns våld mot kvinnor.",
        "Huvudmannen har gett verksamheten i uppdrag att samordna stödet till utsatta.",
    ],
    3: [
        "Det finns en rutin för hur medarbetare ska agera vid misstanke om människohandel.",
        "Frågan omfattas av verksamhetens plan mot våld i nära relationer.",
        "En handlingsplan mot prostitution och människohandel gäller för hela verksamheten.",
        "Någon särskild policy finns inte i dag.",
    ],
    4: [
        "Samverkan sker främst inom ramen för samordningsgruppen.",
        "Vi samverkar strukturerat med Polisen och socialtjänsten i enskilda ärenden.",
        "Samverkan med ideella organisationer fungerar väl men är inte formaliserad.",
        "Vi deltar i det regionala nätverket mot människohandel som träffas två gånger per år.",
    ],
    5: [
        "Vi ser ett fortsatt behov av utbildning för personal som möter målgruppen.",
        "Vi förväntar oss att samordningsgruppen sprider kunskap och goda exempel.",
        "Vi kan bidra med föreläsare till gemensamma utbildningsdagar.",
        "Resurserna för arbetet är begränsade, och vi ser behov av långsiktig finansiering.",
    ],
}
CHANGING = {
    1: [
        "Under {period} genomfördes {n} utbildningstillfällen för egen personal.",
        "Under {period} deltog vi i samordningsgruppens nätverksmöte i {seat}.",
        "Under {period} uppdaterades informationen på vår webbplats om vart utsatta kan vända sig.",
        "Antalet ärenden med koppling till människohandel var under {period} ungefär detsamma "
        "som perioden innan.",
    ],
    2: [
        "Uppdraget är oförändrat under {period}.",
        "Regleringsbrevet innehåller inga nya uppdrag på området för {period}.",
    ],
    3: [
        "Under {period} har arbetet med en ny handlingsplan fortsatt.",
        "Inga styrdokument har ändrats under {period}.",
        "Rutinen vid misstanke om människohandel reviderades under {period}.",
    ],
    4: [
        "Under {period} hölls {n} samverkansmöten med andra myndigheter i länet.",
        "Samverkan med Migrationsverket har fördjupats under {period}.",
        "Under {period} har vi inte haft några nya samverkansformer.",
    ],
    5: [
        "Inför nästa period planerar vi {n} nya utbildningstillfällen.",
        "Vi vill fördjupa samverkan med de andra medlemmarna under kommande år.",
        "Behovet av kunskap om prostitution via nätet har ökat under {period}.",
    ],
}
LIST_ITEMS = [
    "grundutbildning för nyanställda",
    "handledning för socialsekreterare",
    "föreläsning för studenter",
    "informationsmaterial på flera språk",
    "uppsökande arbete på nätet",
    "rådgivning till andra myndigheter",
]
RETURN_REASONS = [
    "Svaren behöver kompletteras innan de kan godkännas, se kommentaren.",
    "Beskriv samverkan närmare, se kommentaren under frågan.",
    "Någon uppgift saknas, se kommentaren.",
]
QUESTION_COMMENTS = [
    "Kan ni ange med vilka aktörer samverkan sker och om den är formaliserad?",
    "Hur många deltog i utbildningarna?",
    "Finns handlingsplanen publicerad? Lägg gärna till en länk.",
    "Kan ni beskriva behovet av utbildning närmare?",
]
REPLIES = [
    "Tack, vi har kompletterat svaret.",
    "Vi har lagt till uppgifterna nu.",
    "Det stämmer, svaret är uppdaterat.",
]

SECTIONS = [
    (
        "Nationell handlingsplan",
        "Arbetet vilar på regeringens nationella handlingsplan mot prostitution och "
        "människohandel[^1].\n\n[^1]: Handlingsplanen finns på "
        "https://www.example.se/nationell-handlingsplan.",
        False,
    ),
    (
        "Länsstyrelsens uppdrag",
        "Länsstyrelserna har i uppdrag att samordna och stödja arbetet i länen. I {lan} sker "
        "det genom den regionala samordningsgruppen.",
        False,
    ),
    (
        "Samordningsgruppen",
        "Samordningsgruppen består av myndigheter med ansvar för frågan i länet. Medlemmar "
        "under perioden:",
        True,
    ),
]
RELATED = [
    (
        "Prostitution i Sverige – kartläggning",
        "Jämställdhetsmyndigheten",
        "https://www.example.se/kartlaggning",
    ),
    (
        "Människohandel för sexuella ändamål – lägesbild",
        "Polismyndigheten",
        "https://www.example.se/lagesbild",
    ),
]


class Saver:
    """bulk_create in batches, counting the rows per model."""

    def __init__(self):
        self.counts = Counter()

    def __call__(self, model, objects):
        objects = list(objects)
        if objects:
            model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
            self.counts[model._meta.label] += len(objects)
        return objects


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _at(day, hour=10, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _html(text):
    """The answer as HTML, for the subset the generated texts use (paragraphs, lists);
    the same result as render_markdown at a fraction of the cost."""
    blocks = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        items = [line[2:] for line in lines if line.startswith("- ")]
        intro = [line for line in lines if not line.startswith("- ")]
        if intro:
            blocks.append("<p>" + "<br>\n".join(escape(line) for line in intro) + "</p>")
        if items:
            blocks.append("<ul>\n" + "".join(f"<li>{escape(i)}</li>\n" for i in items) + "</ul>")
    return "\n".join(blocks) + "\n"


def county_specs(count):
    """The groups to build: the 21 counties, then again with a number (Stockholm 2, ...)."""
    specs = []
    for index in range(count):
        county, lan, seat, region, police, university = COUNTIES[index % len(COUNTIES)]
        round_ = index // len(COUNTIES) + 1
        key = slugify(county) + (f"-{round_}" if round_ > 1 else "")
        specs.append(
            {
                "key": key,
                "slug": SLUG_PREFIX + key,
                "name": f"Skalgrupp {county}" + (f" {round_}" if round_ > 1 else ""),
                "county": county,
                "lan": lan,
                "seat": seat,
                "region": region,
                "police": police,
                "university": university,
            }
        )
    return specs


def quarters_until(today, count):
    """(quarter, starts_on, ends_on) of `count` quarters, oldest first, ending with today's."""
    quarters = []
    day = today
    for _i in range(count):
        quarter = quarter_of(day)
        quarters.append(quarter)
        day = quarter[1] - timedelta(days=1)
    return quarters[::-1]


class GroupBuilder:
    """Builds one group in memory and writes it, model by model."""

    def __init__(self, spec, *, years, rng, password_hash, save, now):
        self.spec, self.years, self.rng, self.save = spec, years, rng, save
        self.password_hash, self.now = password_hash, now
        self.today = timezone.localdate(now)
        self.fill = {"lan": spec["lan"], "seat": spec["seat"], "county": spec["county"]}

    def build(self):
        quarters = quarters_until(self.today, 4 * self.years)
        self.first_day = quarters[0][1]
        self.group = CoordinationGroup.objects.create(
            slug=self.spec["slug"],
            name=self.spec["name"],
            county=self.spec["county"],
            description=(
                f"Genererad data för prestandaarbete (generate_scale_data), inte en riktig "
                f"samordningsgrupp. Länsstyrelsen i {self.spec['lan']} samordnar myndigheternas "
                f"regionala arbete mot prostitution och människohandel för sexuella ändamål."
            ),
        )
        self.save.counts[CoordinationGroup._meta.label] += 1
        self._organisations()
        self._people()
        self._periods(quarters)
        self._records()
        self._submissions()
        self._reports()
        return self.group

    # Organisations and people

    def _organisations(self):
        spec, rng = self.spec, self.rng
        municipality = f"{MUNICIPALITIES[spec['seat']]}, socialtjänsten"
        names = [
            (f"Länsstyrelsen i {spec['lan']}", "Länsstyrelsen"),
            (f"Polismyndigheten, polisregion {spec['police']}", "Polisen"),
            ("Migrationsverket", "Migrationsverket"),
            (spec["region"], "Regionen"),
            (f"Åklagarmyndigheten, åklagarkammaren i {spec['seat']}", "Åklagarmyndigheten"),
            (spec["university"], "Universitetet"),
            (municipality, "Socialtjänsten"),
            ("Kriminalvården", "Kriminalvården"),
            ("Skatteverket", "Skatteverket"),
            ("Arbetsmiljöverket", "Arbetsmiljöverket"),
        ]
        names += [(n, n) for n in rng.sample(OPTIONAL_ORGANISATIONS, rng.randint(0, 4))]
        self.organisations = self.save(
            Organisation,
            (
                Organisation(
                    group=self.group,
                    name=name,
                    short_name=short,
                    order=order,
                    email=f"{slugify(short)}.{spec['key']}@{EMAIL_DOMAIN}",
                    joined_on=self.first_day,
                )
                for order, (name, short) in enumerate(names, 1)
            ),
        )
        # A few organisations leave one question unanswered, as real ones do.
        self.skipped_question = {
            o.pk: rng.randint(2, 5) for o in self.organisations[1:] if rng.random() < 0.08
        }

    def _person(self, email, title):
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
        return User(
            email=email,
            full_name=name,
            title=title,
            password=self.password_hash,
            date_joined=_at(self.first_day - timedelta(days=self.rng.randint(1, 60)), 9),
        )

    def _people(self):
        key, rng = self.spec["key"], self.rng
        self.coordinator = self._person(f"samordnare-{key}@{EMAIL_DOMAIN}", "Samordnare")
        readers = [self._person(f"lasare-{key}-{n}@{EMAIL_DOMAIN}", "Handläggare") for n in (1, 2)]
        self.representatives = {}  # organisation pk: [users]
        number = 0
        for organisation in self.organisations:
            people = []
            for _i in range(rng.randint(1, 2)):
                number += 1
                people.append(
                    self._person(
                        f"rep-{key}-{number}@{EMAIL_DOMAIN}",
                        TITLES.get(organisation.short_name, "Handläggare"),
                    )
                )
            self.representatives[organisation.pk] = people
        everyone = [
            self.coordinator,
            *readers,
            *(u for us in self.representatives.values() for u in us),
        ]
        # People left behind by a group that was removed by hand are reused, not duplicated.
        existing = {u.email: u for u in User.objects.filter(email__in=[u.email for u in everyone])}
        self.save(User, (u for u in everyone if u.email not in existing))
        for user in everyone:
            if user.email in existing:
                user.pk = existing[user.email].pk
        convener = self.organisations[0]
        memberships = [
            Membership(user=self.coordinator, group=self.group, role=Role.COORDINATOR),
            Membership(
                user=self.coordinator,
                group=self.group,
                organisation=convener,
                role=Role.REPRESENTATIVE,
            ),
            *(Membership(user=r, group=self.group, role=Role.READER) for r in readers),
            *(
                Membership(user=u, group=self.group, organisation=o, role=Role.REPRESENTATIVE)
                for o in self.organisations
                for u in self.representatives[o.pk]
            ),
        ]
        self.save(Membership, memberships)
        self.representatives[convener.pk].append(self.coordinator)
        self.target_groups = self.save(
            TargetGroup,
            (
                TargetGroup(group=self.group, name=name, order=i)
                for i, name in enumerate(DEFAULT_TARGET_GROUPS, 1)
            ),
        )

    # Periods and questions

    def _periods(self, quarters):
        with translation.override(settings.LANGUAGE_CODE):
            template = _("Quarter %(quarter)s %(year)s")
        self.periods = []
        for quarter, starts, ends in quarters:
            deadline = ends + timedelta(days=DEFAULT_DAYS_TO_ANSWER)
            period = Period(
                group=self.group,
                name=template % {"quarter": quarter, "year": starts.year},
                starts_on=starts,
                ends_on=ends,
                deadline=deadline,
            )
            # The coordinator locks a period once its report is out, a month after the deadline.
            if deadline + timedelta(days=30) < self.today:
                period.locked_at = _at(deadline + timedelta(days=30), 16)
                period.locked_by = self.coordinator
            self.periods.append(period)
        self.save(Period, self.periods)
        self.questions = {}
        for period in self.periods:
            self.questions[period.pk] = [Question(period=period, **q) for q in DEFAULT_QUESTIONS]
        self.save(Question, (q for qs in self.questions.values() for q in qs))

    # Records

    def _records(self):
        self.records = {}  # organisation pk: {kind slug: [(start, end, data)]}
        activities, target_links, partner_links = [], [], []
        documents, collaborations, needs = [], [], []
        for organisation in self.organisations:
            made = self._organisation_records(organisation)
            activities += made["activities"]
            target_links += made["target_links"]
            partner_links += made["partner_links"]
            documents += made["documents"]
            collaborations += made["collaborations"]
            needs += made["needs"]
        self.save(Activity, activities)
        self.save(
            Activity.target_groups.through,
            (
                Activity.target_groups.through(activity_id=a.pk, targetgroup_id=t.pk)
                for a, t in target_links
            ),
        )
        self.save(
            Activity.partners.through,
            (
                Activity.partners.through(activity_id=a.pk, organisation_id=o.pk)
                for a, o in partner_links
            ),
        )
        self.save(SteeringDocument, documents)
        self.save(Collaboration, collaborations)
        self.save(Need, needs)
        # The data a snapshot holds, as record_kinds.record_data gives it, and when each
        # record is in force (for current_in).
        links = {}
        for activity, target in target_links:
            links.setdefault(activity.pk, ([], []))[0].append(target.name)
        for activity, partner in partner_links:
            links.setdefault(activity.pk, ([], []))[1].append(partner.name)
        names = {o.pk: o.name for o in self.organisations}
        for a in activities:
            targets, partners = links.get(a.pk, ([], []))
            outside = [p.strip() for p in a.outside_partners.split(",") if p.strip()]
            self._index(
                a,
                "aktiviteter",
                a.starts_on,
                a.ends_on,
                {
                    "id": a.pk,
                    "organisation": names[a.organisation_id],
                    "title": a.title,
                    "kind": a.kind,
                    "status": a.status,
                    "starts_on": a.starts_on.isoformat(),
                    "ends_on": a.ends_on.isoformat() if a.ends_on else "",
                    "description": a.description,
                    "target_groups": targets,
                    "partners": partners + outside,
                    "participants": a.participants,
                    "link": a.link,
                },
            )
        for d in documents:
            self._index(
                d,
                "styrdokument",
                d.adopted_on,
                d.closed_on,
                {
                    "id": d.pk,
                    "organisation": names[d.organisation_id],
                    "title": d.title,
                    "kind": d.kind,
                    "status": d.status,
                    "adopted_on": d.adopted_on.isoformat() if d.adopted_on else "",
                    "closed_on": d.closed_on.isoformat() if d.closed_on else "",
                    "link": d.link,
                    "file_name": "",
                },
            )
        for c in collaborations:
            self._index(
                c,
                "samverkan",
                c.since,
                c.ended_on,
                {
                    "id": c.pk,
                    "organisation": names[c.organisation_id],
                    "partner": names[c.partner_id] if c.partner_id else c.outside_partner,
                    "partner_is_member": c.partner_id is not None,
                    "level": c.level,
                    "since": c.since.isoformat() if c.since else "",
                    "ended_on": c.ended_on.isoformat() if c.ended_on else "",
                    "description": c.description,
                },
            )
        for n in needs:
            self._index(
                n,
                "behov",
                n.noted_on,
                n.met_on,
                {
                    "id": n.pk,
                    "organisation": names[n.organisation_id],
                    "kind": n.kind,
                    "priority": n.priority,
                    "description": n.description,
                    "noted_on": n.noted_on.isoformat(),
                    "met_on": n.met_on.isoformat() if n.met_on else "",
                },
            )
        for kinds in self.records.values():
            for rows in kinds.values():
                rows.sort(key=lambda row: row[0] or self.first_day)

    def _index(self, record, slug, start, end, data):
        kinds = self.records.setdefault(record.organisation_id, {})
        kinds.setdefault(slug, []).append((start, end, data))

    def _organisation_records(self, organisation):
        rng, fill, today = self.rng, self.fill, self.today
        others = [o for o in self.organisations if o.pk != organisation.pk]
        editors = self.representatives[organisation.pk]
        span = (today - self.first_day).days
        made = {k: [] for k in ("activities", "target_links", "partner_links")}
        kinds = list(ACTIVITY_KIND_WEIGHTS.items())
        for year in range(self.years):
            # Each year of the span, and a little into the coming quarter for the last one.
            start = self.first_day + timedelta(days=span * year // self.years)
            length = span // self.years + (100 if year == self.years - 1 else 0)
            for _i in range(rng.randint(*ACTIVITIES_PER_YEAR)):
                kind = _weighted(rng, kinds)
                starts_on = start + timedelta(days=rng.randrange(length))
                duration = rng.choices([0, rng.randint(1, 14), rng.randint(20, 120)], [60, 25, 15])
                ends_on = starts_on + timedelta(days=duration[0])
                if starts_on > today:
                    status = "planned"
                elif ends_on >= today:
                    status = "ongoing"
                else:
                    status = "cancelled" if rng.random() < 0.04 else "done"
                if status in ("planned", "ongoing") and rng.random() < 0.2:
                    ends_on = None  # open-ended, still going on
                activity = Activity(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    title=rng.choice(ACTIVITY_TITLES[kind]),
                    description=" ".join(rng.sample(ACTIVITY_DESCRIPTIONS, 2)).format(**fill),
                    kind=kind,
                    status=status,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    outside_partners=", ".join(rng.sample(OUTSIDE_PARTNERS, rng.randint(1, 2)))
                    if rng.random() < 0.3
                    else "",
                    participants=rng.randint(5, 300) if rng.random() < 0.6 else None,
                    link=f"https://www.example.se/{self.spec['key']}/aktivitet-{rng.randrange(10**6)}"
                    if rng.random() < 0.1
                    else "",
                )
                made["activities"].append(activity)
                for target in rng.sample(self.target_groups, rng.choice([0, 1, 1, 2, 3])):
                    made["target_links"].append((activity, target))
                for partner in rng.sample(others, rng.choice([0, 0, 1, 1, 2, 3])):
                    made["partner_links"].append((activity, partner))

        # Action plans in series of about three years, the last one in force or in the works.
        made["documents"] = documents = []
        year, last_year = self.first_day.year, today.year
        while year <= last_year and rng.random() < 0.85:
            until = year + rng.randint(2, 4)
            current = until > last_year
            documents.append(
                SteeringDocument(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    title=f"Handlingsplan mot prostitution och människohandel {year}–{until}",
                    kind="action_plan",
                    status="in_force" if not current or rng.random() < 0.7 else "in_progress",
                    adopted_on=self.first_day.replace(year=year, month=rng.randint(1, 6), day=1),
                    closed_on=None
                    if current
                    else self.first_day.replace(year=until, month=12, day=31),
                )
            )
            year = until + 1
        for title, kind in (
            ("Rutin vid misstanke om människohandel", "decision"),
            ("Policy mot köp av sexuella tjänster i tjänsten", "policy"),
            ("Verksamhetsplan för arbetet mot våld", "operational_plan"),
        ):
            roll = rng.random()
            if roll < 0.55:
                adopted = self.first_day + timedelta(days=rng.randrange(span))
                documents.append(
                    SteeringDocument(
                        organisation=organisation,
                        title=title,
                        kind=kind,
                        status="in_force",
                        adopted_on=adopted,
                        updated_by=rng.choice(editors),
                    )
                )
            elif roll < 0.75:
                documents.append(
                    SteeringDocument(
                        organisation=organisation,
                        title=title,
                        kind=kind,
                        status=rng.choice(["planned", "missing"]),
                        updated_by=rng.choice(editors),
                    )
                )

        made["collaborations"] = collaborations = []
        for partner in rng.sample(others, rng.randint(2, 5)):
            since = self.first_day + timedelta(days=rng.randrange(span))
            ended = since + timedelta(days=rng.randint(180, 1500)) if rng.random() < 0.2 else None
            collaborations.append(
                Collaboration(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    partner=partner,
                    level=rng.choice(["informal", "informal", "formal", "strategic"]),
                    since=since,
                    ended_on=ended if ended and ended < today else None,
                    description=f"Samverkan med {partner.short_name} i enskilda ärenden och "
                    f"gemensamma utbildningar.",
                )
            )
        for outside in rng.sample(OUTSIDE_PARTNERS, rng.randint(0, 2)):
            collaborations.append(
                Collaboration(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    outside_partner=outside,
                    level=rng.choice(["informal", "formal"]),
                    since=self.first_day + timedelta(days=rng.randrange(span)),
                    description=f"Samverkan med {outside} om stöd till utsatta.",
                )
            )

        made["needs"] = needs = []
        for _i in range(self.years * rng.randint(1, 2)):
            noted = self.first_day + timedelta(days=rng.randrange(span))
            met = noted + timedelta(days=rng.randint(90, 900))
            kind, text = rng.choice(NEED_TEXTS)
            needs.append(
                Need(
                    organisation=organisation,
                    updated_by=rng.choice(editors),
                    kind=kind,
                    description=text,
                    priority=rng.choice(["high", "medium", "medium", "low"]),
                    noted_on=noted,
                    met_on=met if met < today and rng.random() < 0.8 else None,
                )
            )
        return made

    def _snapshot(self, organisation, period):
        """The records of the organisation in force during the period (current_in)."""
        snapshot = {}
        for slug in ("aktiviteter", "styrdokument", "samverkan", "behov"):
            rows = self.records.get(organisation.pk, {}).get(slug, [])
            # Sorted by start: only those starting by the period's end can be current.
            upto = bisect.bisect_right(
                rows, period.ends_on, key=lambda row: row[0] or self.first_day
            )
            snapshot[slug] = [
                data for start, end, data in rows[:upto] if end is None or end >= period.starts_on
            ]
        return snapshot

    # Submissions, answers and their history

    def _texts(self, organisation, question_number, period, previous):
        """2-4 successive texts of one answer, the first taken over from last period's."""
        rng = self.rng
        fill = {**self.fill, "org": organisation.name, "period": period.name.lower()}
        stable = self.stable.setdefault(
            (organisation.pk, question_number), rng.sample(STABLE[question_number], 2)
        )
        base = " ".join(stable).format(**fill)
        changing = [
            s.format(**fill, n=rng.randint(2, 9)) for s in rng.sample(CHANGING[question_number], 2)
        ]
        texts = [previous or base, f"{base} {changing[0]}"]
        if rng.random() < 0.6:
            items = rng.sample(LIST_ITEMS, 3)
            texts.append(texts[-1] + "\n\nUnder perioden:\n" + "\n".join(f"- {i}" for i in items))
        if rng.random() < 0.4:
            head, _sep, tail = texts[-1].partition("\n\n")
            texts.append(f"{head} {changing[1]}" + (f"\n\n{tail}" if tail else ""))
        if texts[0] == texts[1]:
            texts.pop(0)
            texts.append(texts[-1] + " Inga fler ändringar.")
        return texts

    def _moments(self, period, outcome, late):
        """When each transition of the history happened: plausible days around the period's
        deadline for past periods, spread over the period so far for the current one."""
        rng, steps = self.rng, HISTORIES[outcome]
        limit = self.now - timedelta(minutes=30)
        if period is self.periods[-1]:
            start = min(_at(period.starts_on, 8), limit - timedelta(hours=len(steps) + 1))
            seconds = int((limit - start).total_seconds())
            return [
                start + timedelta(seconds=s) for s in sorted(rng.sample(range(seconds), len(steps)))
            ]
        day = period.ends_on - timedelta(days=rng.randint(3, 30))
        moments = [_at(day, rng.randint(8, 15), rng.randrange(60))]
        for step in steps[1:]:
            previous = moments[-1]
            if step == SUBMITTED and len(moments) == 1:
                if late:
                    when = period.deadline + timedelta(days=rng.randint(1, 25))
                else:
                    when = previous.date() + timedelta(
                        days=rng.randint(1, max(1, (period.deadline - previous.date()).days))
                    )
                moment = _at(when, rng.randint(8, 16), rng.randrange(60))
            else:
                moment = previous + timedelta(days=rng.randint(1, 8), hours=rng.randint(0, 5))
            moments.append(max(moment, previous + timedelta(minutes=5)))
        if moments[-1] > limit:  # the last quarter, just after its end: squeeze into it
            first = min(moments[0], limit - timedelta(days=1))
            scale = (limit - first) / (moments[-1] - first)
            moments = [first + (m - first) * scale for m in moments]
        return moments

    def _submissions(self):
        rng = self.rng
        self.stable, previous_texts = {}, {}
        submissions, answers, versions, transitions, threads, replies = [], [], [], [], [], []
        self.approved = {}  # (period pk, organisation pk): [(question, text)]
        coordinator = self.coordinator
        for period in self.periods:
            questions = self.questions[period.pk]
            current = period is self.periods[-1]
            if current:
                order = rng.sample(self.organisations, len(self.organisations))
                states = [APPROVED, RETURNED, SUBMITTED, DRAFT, NOT_STARTED]
                plans = {
                    o.pk: (states[i] if i < len(states) else _weighted(rng, CURRENT_STATES), False)
                    for i, o in enumerate(order)
                }
            else:
                outcomes = [((h, late), w) for h, late, w in PAST_OUTCOMES]
                plans = {o.pk: _weighted(rng, outcomes) for o in self.organisations}
            for organisation in self.organisations:
                outcome, late = plans[organisation.pk]
                if outcome == NOT_STARTED:
                    continue
                steps = HISTORIES[outcome]
                moments = self._moments(period, outcome, late)
                rep = rng.choice(self.representatives[organisation.pk])
                status = steps[-1]
                submitted = [m for s, m in zip(steps, moments, strict=True) if s == SUBMITTED]
                submission = Submission(
                    period=period,
                    organisation=organisation,
                    status=status,
                    updated_at=moments[-1],
                    updated_by=coordinator if status in (RETURNED, APPROVED) else rep,
                    submitted_at=submitted[-1] if submitted else None,
                    records_snapshot=self._snapshot(organisation, period)
                    if status == APPROVED
                    else {},
                )
                submissions.append(submission)
                before = None
                for step, moment in zip(steps, moments, strict=True):
                    by = coordinator if step in (RETURNED, APPROVED) else rep
                    comment = rng.choice(RETURN_REASONS) if step == RETURNED else ""
                    transitions.append(
                        Transition(
                            submission=submission,
                            from_status=before or "",
                            to_status=step,
                            by=by,
                            at=moment,
                            comment=comment,
                        )
                    )
                    before = step
                # The question the coordinator commented on, if it was ever returned.
                commented = rng.choice(questions[1:]) if RETURNED in steps else None
                first_submit = (
                    submitted[0]
                    if submitted
                    else min(moments[0] + timedelta(days=3), self.now - timedelta(minutes=5))
                )
                returned_at = moments[steps.index(RETURNED)] if RETURNED in steps else None
                # A draft may not have every answer yet.
                answered = questions
                if status == DRAFT and current:
                    answered = questions[: rng.randint(1, len(questions))]
                saves, last_save = 1, moments[-1]
                final = []
                for question in answered:
                    if self.skipped_question.get(organisation.pk) == question.number:
                        continue
                    key = (organisation.pk, question.number)
                    texts = self._texts(
                        organisation, question.number, period, previous_texts.get(key)
                    )
                    answer = Answer(submission=submission, question=question, text=texts[-1])
                    answers.append(answer)
                    final.append((question, texts[-1]))
                    edited_after_return = question is commented and len(steps) > 3
                    before_submit = len(texts) - (1 if edited_after_return else 0)
                    span = max(1, int((first_submit - moments[0]).total_seconds()) - 60)
                    offsets = [0] + sorted(rng.sample(range(1, span + 1), before_submit - 1))
                    times = [moments[0] + timedelta(seconds=s) for s in offsets]
                    if edited_after_return:
                        times.append(returned_at + (moments[3] - returned_at) / 2)
                    for number, (text, at) in enumerate(zip(texts, times, strict=True), 1):
                        versions.append(
                            AnswerVersion(
                                answer=answer,
                                number=number,
                                text=text,
                                created_at=at,
                                created_by=rep,
                            )
                        )
                    saves, last_save = max(saves, len(texts)), max(last_save, times[-1])
                submission.version = saves
                if status == DRAFT:
                    submission.updated_at = last_save  # a draft changes with every save
                if status == APPROVED:
                    self.approved[(period.pk, organisation.pk)] = final
                    for question, text in final:
                        previous_texts[(organisation.pk, question.number)] = text
                if commented is not None:
                    resolved = moments[-1] if status == APPROVED else None
                    thread = Comment(
                        submission=submission,
                        question=commented,
                        author=coordinator,
                        text=rng.choice(QUESTION_COMMENTS),
                        created_at=returned_at - timedelta(minutes=1),
                        resolved_at=resolved,
                        resolved_by=coordinator if resolved else None,
                    )
                    threads.append(thread)
                    replies.append(
                        Comment(
                            submission=submission,
                            question=commented,
                            thread=thread,
                            author=rep,
                            text=rng.choice(REPLIES),
                            created_at=min(
                                returned_at + timedelta(hours=rng.randint(2, 30)),
                                self.now - timedelta(minutes=1),
                            ),
                        )
                    )
                elif status == APPROVED and rng.random() < 0.05:
                    threads.append(
                        Comment(
                            submission=submission,
                            author=coordinator,
                            text="Tack för utförliga svar.",
                            created_at=moments[-1],
                        )
                    )
        self.save(Submission, submissions)
        self.save(Answer, answers)
        self.save(AnswerVersion, versions)
        self.save(Transition, transitions)
        self.save(Comment, threads)
        self.save(Comment, replies)

    # Reports

    def _reports(self):
        """A report over each quarter, published once: frozen content as report_content
        compiles it (answers without their record lines, no charts), without files."""
        rng, spec = self.rng, self.spec
        convener = self.organisations[0]
        members = [o.name for o in self.organisations]
        sections, footnote = [], 1
        for number, (heading, text, member_list) in enumerate(SECTIONS, 1):
            rendered = render_markdown_with_footnotes(text.format(**self.fill), footnote)
            footnote += len(rendered["notes"])
            sections.append(
                {
                    "number": number,
                    "heading": heading,
                    **rendered,
                    "members": members if member_list else None,
                }
            )
        foreword = (
            f"{convener.name} har regeringens uppdrag att samordna det regionala arbetet mot "
            "prostitution och människohandel för sexuella ändamål. Den här lägesrapporten samlar "
            "vad länets myndigheter gör, vilka planer som finns och vilka behov som återstår."
        )
        foreword_html = render_markdown(foreword)
        head = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        contacts = [
            {
                "name": self.coordinator.full_name,
                "role": self.coordinator.title,
                "organisation": convener.name,
                "email": self.coordinator.email,
                "phone": "",
                "functional_email": convener.email,
            }
        ] + [
            {
                "name": u.full_name,
                "role": u.title,
                "organisation": o.name,
                "email": u.email,
                "phone": "",
                "functional_email": o.email,
            }
            for o in self.organisations
            for u in self.representatives[o.pk]
            if u is not self.coordinator
        ]
        description = self.group.description
        description_html = render_markdown(description)
        reports, versions, children = [], [], []
        for period in self.periods:
            current = period is self.periods[-1]
            published = _at(period.deadline + timedelta(days=rng.randint(14, 28)), 14)
            published = min(published, self.now - timedelta(minutes=20))
            with translation.override(settings.LANGUAGE_CODE):
                foreword_date = format_date(timezone.localdate(published), "j F Y")
            report = Report(
                group=self.group,
                first_period=period,
                last_period=period,
                subtitle="Prostitution och människohandel för sexuella ändamål",
                county=spec["county"],
                issuer=convener.name,
                year=period.ends_on.year,
                foreword=foreword,
                foreword_place=spec["seat"],
                foreword_date=timezone.localdate(published),
                appendix_description=description,
                include_trends=False,
            )
            reports.append(report)
            children += [
                ReportSignatory(report=report, order=1, name=head, title="Landshövding"),
                ReportSignatory(
                    report=report, order=2, name=self.coordinator.full_name, title="Samordnare"
                ),
                *(
                    ReportSection(
                        report=report,
                        order=i,
                        heading=h,
                        text=t.format(**self.fill),
                        include_member_list=m,
                    )
                    for i, (h, t, m) in enumerate(SECTIONS, 1)
                ),
                *(
                    RelatedReport(report=report, order=i, title=t, author=a, link=link)
                    for i, (t, a, link) in enumerate(RELATED, 1)
                ),
                *(
                    ReportContact(
                        report=report,
                        order=i,
                        name=c["name"],
                        role=c["role"],
                        organisation=c["organisation"],
                        email=c["email"],
                        functional_email=c["functional_email"],
                    )
                    for i, c in enumerate(contacts)
                ),
            ]
            span = span_label(period, period)
            chapter = len(sections) + 1
            organisations = []
            for organisation in self.organisations:
                final = self.approved.get((period.pk, organisation.pk))
                organisations.append(
                    {
                        "name": organisation.name,
                        "reported": final is not None,
                        "answers": [
                            {"number": q.number, "title": q.title, "html": _html(text)}
                            for q, text in final or []
                        ],
                    }
                )
            content = {
                "content_version": CONTENT_VERSION,
                "title": report.title,
                "subtitle": report.subtitle,
                "county": report.county,
                "issuer": report.issuer,
                "year": report.year,
                "span": span,
                "periods": [period.name],
                "foreword": {
                    "html": foreword_html,
                    "place": report.foreword_place,
                    "date": foreword_date,
                    "signatories": [
                        {"name": head, "title": "Landshövding"},
                        {"name": self.coordinator.full_name, "title": "Samordnare"},
                    ],
                },
                "sections": sections,
                "activities": {
                    "number": chapter,
                    "heading": f"Aktiviteter i {report.county} {span}",
                    "questions": [
                        {"number": q["number"], "title": q["title"], "wording": q["wording"]}
                        for q in DEFAULT_QUESTIONS
                    ],
                    "no_report_sentence": report.no_report_sentence,
                    "organisations": organisations,
                    "charts": [],
                },
                "related": {
                    "number": chapter + 1,
                    "heading": f"Rapporter och kartläggningar som berör {report.county}",
                    "items": [
                        {"title": t, "author": a, "published": "", "link": link}
                        for t, a, link in RELATED
                    ],
                },
                "appendix": {
                    "heading": "Bilaga",
                    "group": self.group.name,
                    "description_html": description_html,
                    "contacts": contacts,
                    "organisations": members,
                },
            }
            versions.append(
                ReportVersion(
                    report=report,
                    number=1,
                    content=content,
                    change_note="Preliminär version under pågående kvartal."
                    if current
                    else "Första versionen.",
                    published_at=published,
                    published_by=self.coordinator,
                    # The year-end report goes out to the public; the others stay in the group.
                    is_public=period.ends_on.month == 12,
                    search_text=plain_text(content),
                )
            )
        self.save(Report, reports)
        for model in (ReportSignatory, ReportSection, RelatedReport, ReportContact):
            self.save(model, (c for c in children if isinstance(c, model)))
        self.save(ReportVersion, versions)


def generate(*, groups=21, years=10, seed=1, log=None):
    """Build the groups that do not exist yet. Returns (rows created per model, the slugs
    that were skipped because they exist)."""
    save, skipped = Saver(), []
    # One hash for everyone: hashing per person would take longer than the rest.
    password_hash = make_password(SCALE_PASSWORD)
    now = timezone.now()
    for spec in county_specs(groups):
        if CoordinationGroup.objects.filter(slug=spec["slug"]).exists():
            skipped.append(spec["slug"])
            continue
        # Seeded per group, so a group comes out the same whichever others exist already.
        rng = random.Random(f"{seed}:{spec['slug']}")  # noqa: S311  (test data, not secrets)
        with transaction.atomic():
            GroupBuilder(
                spec, years=years, rng=rng, password_hash=password_hash, save=save, now=now
            ).build()
        reset_queries()  # with DEBUG on, Django keeps every (huge) INSERT in memory
        if log:
            log(f"{spec['name']}: done.")
    return save.counts, skipped
