from django import template

from samordning.text import word_diff

register = template.Library()


@register.simple_tag
def diff(old, new):
    """A word-level diff of two texts, as safe HTML."""
    return word_diff(old, new)
