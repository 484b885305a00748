from django import template

from samordning.fragments import person_part as _person_part

register = template.Library()


@register.simple_tag(takes_context=True)
def person_part(context, template_name):
    """{% person_part "_page_header.html" %}: see samordning.fragments.person_part."""
    return _person_part(context, template_name)
