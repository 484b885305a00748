"""The default questionnaire a group's first period starts from, in the product's own Swedish.

Questions are data: every period keeps its own copy, and the coordinator may change
them while no one has answered yet.
"""

from activities.models import QuestionKind
from activities.records.kinds import ACTIVITIES, COLLABORATIONS, NEEDS, STEERING_DOCUMENTS

DEFAULT_QUESTIONS = [
    {
        "number": 1,
        "title": "Arbete idag",
        "wording": (
            "Hur arbetar er organisation i dag med frågor som rör prostitution och "
            "människohandel för sexuella ändamål? Beskriv verksamheter, team, mottagningar "
            "och insatser som möter problemet."
        ),
        "help_text": (
            "Beskriv det som pågår nu. Lägg till aktiviteter som utbildningar, seminarier "
            "och informationsinsatser under frågan så att de kommer med i lägesrapporten."
        ),
        "kind": QuestionKind.ACTIVITIES,
    },
    {
        "number": 2,
        "title": "Uppdrag",
        "wording": (
            "Vilket uppdrag har er organisation i frågan – från regeringen, er huvudman "
            "eller genom nationella direktiv? Skriv också om ni saknar ett uttalat uppdrag."
        ),
        "help_text": "Hänvisa gärna till regleringsbrev, instruktion eller beslut, med länk.",
        "kind": QuestionKind.NARRATIVE,
    },
    {
        "number": 3,
        "title": "Plan och styrdokument",
        "wording": (
            "Har er organisation en handlingsplan, policy eller annat styrdokument för "
            "arbetet mot prostitution och människohandel? Vilka?"
        ),
        "help_text": (
            "Ange om dokumentet finns, är under arbete eller saknas. Styrdokumenten kan "
            "läggas in var för sig under frågan."
        ),
        "kind": QuestionKind.STEERING_DOCUMENTS,
    },
    {
        "number": 4,
        "title": "Samverkan",
        "wording": (
            "Finns det i dag en fungerande strategisk eller formell samverkan i frågan? "
            "Med vilka aktörer, och hur går den till?"
        ),
        "help_text": "Nämn både medlemmar i samordningsgruppen och andra aktörer.",
        "kind": QuestionKind.COLLABORATIONS,
    },
    {
        "number": 5,
        "title": "Framtid",
        "wording": (
            "Hur ser ni på framtiden? Beskriv vad er organisation själv kan bidra med, "
            "möjligheter till samverkan, vad ni förväntar er av samordningsgruppen och "
            "vilka behov ni har – till exempel av utbildning."
        ),
        "help_text": "Behov av utbildning, information eller resurser kan läggas in som behov.",
        "kind": QuestionKind.NEEDS,
    },
]


# The records each kind of question shows beneath its answer (on the submission page and
# in the report).
BY_QUESTION_KIND = {
    QuestionKind.ACTIVITIES: ACTIVITIES,
    QuestionKind.STEERING_DOCUMENTS: STEERING_DOCUMENTS,
    QuestionKind.COLLABORATIONS: COLLABORATIONS,
    QuestionKind.NEEDS: NEEDS,
}
