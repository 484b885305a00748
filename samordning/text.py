"""Answer text: a small Markdown subset rendered to clean HTML, and word-level diffs.

People type plain text with paragraphs, simple lists and links. Whatever they type is
stored as typed; HTML in it is shown as text, and the rendered result is cleaned by nh3
so that no script, event attribute or javascript:/data: link survives.
"""

import difflib
import hashlib
import re

import nh3
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True, "typographer": False})
    .enable("linkify")
    .disable(["image", "heading", "lheading", "code", "fence", "hr", "html_block", "html_inline"])
)

ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "blockquote",
    "code",
    "sup",
    "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "ol": {"start"},
    "sup": {"class"},
    "span": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text):
    """The answer as safe HTML (remembered by the text's digest: the same text always
    gives the same HTML)."""
    if not text or not text.strip():
        return mark_safe("")  # noqa: S308  (empty)
    html = _remembered("markdown", text, lambda: clean_html(_markdown.render(text)))
    return mark_safe(html)  # noqa: S308  (cleaned by nh3)


def _remembered(kind, text, make):
    """What `make` returns for this text, made once per process: kept by the text's digest,
    so only someone who already holds the text can ask for it."""
    key = f"{kind}:{hashlib.sha256(text.encode()).hexdigest()}"
    return cache.get_or_set(key, make, timeout=None)


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old, new):
    """A readable word-level diff as HTML: removed words in <del>, added in <ins>.

    Both carry a visually hidden label so the change is not told by colour alone.
    """
    old_tokens = _TOKEN.findall(old or "")
    new_tokens = _TOKEN.findall(new or "")
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    parts = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old_tokens[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(
                '<del><span class="visually-hidden">[−] </span>'
                f"{escape(''.join(old_tokens[a1:a2]))}</del>"
            )
        if op in ("insert", "replace"):
            parts.append(
                '<ins><span class="visually-hidden">[+] </span>'
                f"{escape(''.join(new_tokens[b1:b2]))}</ins>"
            )
    return mark_safe("".join(parts))  # noqa: S308  (every piece escaped above)


def cached_word_diff(old, new):
    """word_diff, remembered: the diff of two texts never changes."""
    html = _remembered("word-diff", f"{old}\x00{new}", lambda: str(word_diff(old, new)))
    return mark_safe(html)  # noqa: S308  (made by word_diff, every piece escaped)


def has_changes(old, new):
    return (old or "").strip() != (new or "").strip()


_FOOTNOTE_MARK = "⟦fn{}⟧"
_footnote_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True, "typographer": False})
    .enable("linkify")
    .disable(["image", "heading", "lheading", "code", "fence", "hr", "html_block", "html_inline"])
    .use(footnote_plugin)
)
_footnote_markdown.add_render_rule(
    "footnote_ref",
    lambda self, tokens, idx, options, env: _FOOTNOTE_MARK.format(tokens[idx].meta["id"]),
)


def render_markdown_with_footnotes(text, first_number=1):
    """Render a coordinator's section with footnotes, numbered from `first_number`.

    Returns a dict: "html" for the web (numbered references, the notes listed after
    the section), "print_html" for the PDF (each note inline where it belongs, so the
    PDF can set it at the foot of its page), and "notes" (number and HTML of each note).
    """
    env = {}
    tokens = _footnote_markdown.parse(text or "", env)
    cut = next((i for i, t in enumerate(tokens) if t.type == "footnote_block_open"), len(tokens))
    body = _footnote_markdown.renderer.render(tokens[:cut], _footnote_markdown.options, env)
    notes, current = {}, None
    for token in tokens[cut:]:
        if token.type == "footnote_open":
            current = token.meta["id"]
            notes[current] = []
        elif token.type == "footnote_close":
            current = None
        elif current is not None and token.type != "footnote_anchor":
            notes[current].append(token)
    rendered = {}
    for note_id, note_tokens in notes.items():
        html = _footnote_markdown.renderer.render(note_tokens, _footnote_markdown.options, env)
        html = html.strip()
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        rendered[note_id] = clean_html(html)
    web, printed = clean_html(body), clean_html(body)
    numbered = []
    for offset, note_id in enumerate(sorted(rendered)):
        number = first_number + offset
        mark = escape(_FOOTNOTE_MARK.format(note_id))
        web = web.replace(
            mark,
            f'<sup class="fnref"><a href="#fn-{number}" id="fnref-{number}">{number}</a></sup>',
        )
        printed = printed.replace(mark, f'<span class="footnote">{rendered[note_id]}</span>')
        numbered.append({"number": number, "html": rendered[note_id]})
    return {"html": web, "print_html": printed, "notes": numbered}
