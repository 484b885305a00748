"""What the scale generator's modules share: its Swedish texts and two small helpers."""

from datetime import datetime, time

from django.utils import timezone

from .texts import load_json

# Word lists and phrases the generated groups are made of (data/scale.json). Their order
# matters: the same seed draws the same items.
TEXTS = load_json("scale.json")


def weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def at(day, hour=10, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))
