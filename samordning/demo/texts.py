"""The demo's and the scale generator's Swedish texts, read from the data files beside this
module: JSON for structured rows, Markdown for the answers (they are Markdown themselves)."""

import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

_CHAPTER = re.compile(r"^# (?P<organisation>.+)$")
_SECTION = re.compile(r"^## Question (?P<number>\d+), (?P<key>\w+)$")


@cache
def load_json(name):
    with open(DATA / name, encoding="utf-8") as file:
        return json.load(file)


@cache
def load_answers(name="answers.md"):
    """{organisation's short name: {question number: {period key: text}}} from a Markdown
    file of '# <organisation>' chapters and '## Question <n>, <key>' sections."""
    answers, organisation, lines = {}, None, None
    with open(DATA / name, encoding="utf-8") as file:
        for line in file.read().splitlines():
            if chapter := _CHAPTER.match(line):
                organisation, lines = answers.setdefault(chapter["organisation"], {}), None
            elif section := _SECTION.match(line):
                lines = organisation.setdefault(int(section["number"]), {})[section["key"]] = []
            elif lines is not None:
                lines.append(line)
    return {
        short_name: {
            number: {key: "\n".join(text).strip("\n") for key, text in texts.items()}
            for number, texts in questions.items()
        }
        for short_name, questions in answers.items()
    }
