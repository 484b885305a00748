"""Answer text: a small Markdown subset rendered to clean HTML, and word-level diffs.

People type plain text with paragraphs, simple lists and links. Whatever they type is
stored as typed; HTML in it is shown as text, and the rendered result is cleaned by nh3
so that no script, event attribute or javascript:/data: link survives.
"""

import difflib
import re

import nh3
from django.utils.html import escape
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "breaks": True, "typographer": False})
    .enable("linkify")
    .disable(["image", "heading", "lheading", "code", "fence", "hr", "html_block", "html_inline"])
)

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
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
    """The answer as safe HTML."""
    if not text or not text.strip():
        return mark_safe("")  # noqa: S308  (empty)
    return mark_safe(clean_html(_markdown.render(text)))  # noqa: S308  (cleaned by nh3)


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


def has_changes(old, new):
    return (old or "").strip() != (new or "").strip()
