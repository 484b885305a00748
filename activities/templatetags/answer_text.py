from django import template

from samordning.text import render_markdown, word_diff

register = template.Library()


@register.simple_tag
def diff(old, new):
    """A word-level diff of two texts, as safe HTML."""
    return word_diff(old, new)


@register.filter
def markdown(text):
    """An answer rendered from the Markdown subset and cleaned."""
    return render_markdown(text)
