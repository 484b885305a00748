"""Text fit for XML: the report's files (PDF text layer, Word) hold no control characters."""

import re

# Control characters that XML (and so a Word file) cannot hold; they are dropped.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def xml_safe(text):
    return _NOT_XML.sub("", text or "")


def xml_clean(value):
    """The content with every string XML-safe."""
    if isinstance(value, dict):
        return {key: xml_clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [xml_clean(item) for item in value]
    if isinstance(value, str):
        return xml_safe(value)
    return value
