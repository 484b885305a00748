"""The error summary at the top of a form (GOV.UK pattern): every error of one or more
forms or formsets, each field's error a link to the field."""

from django import template
from django.forms import BaseForm, BaseFormSet

register = template.Library()


def field_target(bound_field):
    """The id a link to this field should move to: the input itself, or the first option
    of a group of radio buttons or check boxes (whose label points at no single input)."""
    if bound_field.is_hidden:
        return ""
    return bound_field.id_for_label or (f"{bound_field.auto_id}_0" if bound_field.auto_id else "")


def _items_of_form(form):
    items = [{"message": error, "target": ""} for error in form.non_field_errors()]
    for bound_field in form:
        target = field_target(bound_field)
        items += [{"message": error, "target": target} for error in bound_field.errors]
    return items


def _items_of_formset(formset):
    items = [{"message": error, "target": ""} for error in formset.non_form_errors()]
    for form in formset.forms:
        items += _items_of_form(form)
    return items


def error_items(*forms):
    """[{message, target}] for the forms and formsets given (None and lists allowed)."""
    items = []
    for thing in forms:
        if thing is None or isinstance(thing, str):
            continue  # a missing variable, or the key or label beside a formset
        if isinstance(thing, BaseFormSet):
            if thing.is_bound:
                items += _items_of_formset(thing)
        elif isinstance(thing, BaseForm):
            if thing.is_bound:
                items += _items_of_form(thing)
        else:  # a list, a tuple or a dict's values of forms and formsets
            items += error_items(*(thing.values() if isinstance(thing, dict) else thing))
    return items


@register.simple_tag(name="error_items")
def error_items_tag(*forms):
    return error_items(*forms)
