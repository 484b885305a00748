"""What an uploaded document really is, and the name it is handed out under.

The type is read from the content, never from the name the uploader gave: a PDF starts
with "%PDF-"; a Word (DOCX) or OpenDocument (ODT) file is a ZIP archive laid out as its
standard says. An archive is judged from its central directory first (how many members,
how large each unpacks, how tightly it is packed) and at most a few bytes of any member
are ever unpacked, so a small upload that would inflate to gigabytes costs nothing.
"""

import re
import unicodedata
import zipfile
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", ODT: ".odt"}

# Word and LibreOffice documents stay far inside these: a few dozen members, XML packed
# 5 to 40 times, images hardly at all.
MAX_MEMBERS = 1000
MAX_DIRECTORY_BYTES = 512 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_PACKING_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1024 * 1024  # a small member may pack tighter without harm
MAX_CONTENT_TYPES_BYTES = 64 * 1024

WORD_MAIN_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"

# Members a document does not need and a program does: Java classes and the JAR manifest
# (a JAR is a ZIP too), files Windows runs, and Word or LibreOffice macros.
PROGRAM_SUFFIXES = (
    ".class",
    ".jar",
    ".exe",
    ".dll",
    ".com",
    ".bat",
    ".cmd",
    ".scr",
    ".msi",
    ".hta",
    ".js",
    ".jse",
    ".vbs",
    ".vbe",
    ".wsf",
    ".ps1",
    ".lnk",
    ".sh",
)
PROGRAM_NAMES = {"meta-inf/manifest.mf", "vbaproject.bin"}
PROGRAM_FOLDERS = ("basic/", "scripts/")

WRONG_TYPE = _("Only PDF, Word (DOCX) and OpenDocument (ODT) files can be uploaded.")
UNPACKS_TOO_LARGE = _(
    "The file would unpack to too much data (more than %(megabytes)s MB or %(parts)s parts) "
    "and is not accepted. Save it again from Word or LibreOffice and upload it once more."
)
HOLDS_PROGRAM = _("The file contains program code or macros and cannot be uploaded.")

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in "123456789"
}
KEPT_LETTERS = set("åäöÅÄÖ")
MAX_STEM = 80


def detect_document_type(upload):
    """PDF, DOCX or ODT, read from the upload's content; a ValidationError saying why not."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if not head.startswith(b"PK\x03\x04"):
        raise ValidationError(WRONG_TYPE, code="file_type")
    try:
        return _archive_type(upload)
    except (
        zipfile.BadZipFile,
        KeyError,
        OSError,
        EOFError,
        RuntimeError,  # an encrypted member
        NotImplementedError,  # a ZIP feature this reader lacks
        expat.ExpatError,
    ) as error:
        raise ValidationError(WRONG_TYPE, code="file_type") from error
    finally:
        upload.seek(0)


def _archive_type(upload):
    # The end record ZipFile itself will trust (a private helper of zipfile, used so the
    # two cannot disagree): ZipFile builds an object per member while it reads the
    # directory, so a 10 MB directory of empty members would cost it seconds and 100+ MB.
    end = zipfile._EndRecData(upload)
    if not end:
        raise zipfile.BadZipFile("no end of central directory")
    if (
        end[zipfile._ECD_SIZE] > MAX_DIRECTORY_BYTES
        or end[zipfile._ECD_ENTRIES_TOTAL] > MAX_MEMBERS
    ):
        raise _unpacks_too_large()
    with zipfile.ZipFile(upload) as archive:
        members = archive.infolist()
        _check_sizes(members)
        names = [member.filename for member in members]
        if len(set(names)) != len(names):
            # Two members of one name: readers disagree on which one counts.
            raise ValidationError(WRONG_TYPE, code="file_type")
        if any(_is_program(name) for name in names):
            raise ValidationError(HOLDS_PROGRAM, code="program")
        if _is_odt(archive, members):
            return ODT
        if _is_docx(archive, set(names)):
            return DOCX
    raise ValidationError(WRONG_TYPE, code="file_type")


def _unpacks_too_large():
    return ValidationError(
        UNPACKS_TOO_LARGE,
        code="unpacks_too_large",
        params={"megabytes": MAX_UNPACKED_BYTES // (1024 * 1024), "parts": MAX_MEMBERS},
    )


def _check_sizes(members):
    """Refuse from the directory alone what would unpack to too much (a zip bomb)."""
    if len(members) > MAX_MEMBERS:
        raise _unpacks_too_large()
    unpacked = 0
    for member in members:
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValidationError(WRONG_TYPE, code="file_type")
        unpacked += member.file_size
        if (
            member.file_size > RATIO_CHECKED_FROM_BYTES
            and member.file_size > MAX_PACKING_RATIO * member.compress_size
        ):
            raise _unpacks_too_large()
    if unpacked > MAX_UNPACKED_BYTES:
        raise _unpacks_too_large()


def _is_program(name):
    name = name.lower()
    return (
        name.endswith(PROGRAM_SUFFIXES)
        or name.startswith(PROGRAM_FOLDERS)
        or name in PROGRAM_NAMES
        or name.rsplit("/", 1)[-1] in PROGRAM_NAMES
    )


def _read_at_most(archive, member, limit):
    """At most limit + 1 bytes of a member, whatever its directory entry claims."""
    with archive.open(member) as handle:
        return handle.read(limit + 1)


def _is_odt(archive, members):
    """OpenDocument: the first member, at the very start of the file, is "mimetype",
    stored unpacked and holding exactly the text document's type."""
    first = members[0] if members else None
    if (
        first is None
        or first.filename != "mimetype"
        or first.header_offset != 0
        or first.compress_type != zipfile.ZIP_STORED
        or first.file_size != len(ODT)
    ):
        return False
    names = {member.filename for member in members}
    if not {"content.xml", "META-INF/manifest.xml"} <= names:
        return False
    return _read_at_most(archive, first, len(ODT)) == ODT.encode()


def _is_docx(archive, names):
    """Office Open XML: [Content_Types].xml declares word/document.xml as a Word main
    document (not a macro-enabled one or a template), and that member is there."""
    if not {"[Content_Types].xml", "word/document.xml"} <= names:
        return False
    content_types = archive.getinfo("[Content_Types].xml")
    if content_types.file_size > MAX_CONTENT_TYPES_BYTES:
        return False
    data = _read_at_most(archive, content_types, MAX_CONTENT_TYPES_BYTES)
    if len(data) > MAX_CONTENT_TYPES_BYTES:
        return False
    return _declares_word_main_part(data)


def _declares_word_main_part(content_types):
    """Whether [Content_Types].xml makes /word/document.xml a Word main document: by an
    Override for that part or, failing one, by the Default for ".xml". Read with a bare
    expat parser that refuses any DTD, so no entity can expand."""
    declared = {}

    def refuse_dtd(*args):
        raise expat.ExpatError("a DTD in [Content_Types].xml")

    def element(name, attributes):
        content_type = attributes.get("ContentType", "").lower()
        part = attributes.get("PartName", "").lower()
        extension = attributes.get("Extension", "").lower()
        if name == f"{CONTENT_TYPES} Override" and part == "/word/document.xml":
            declared["override"] = content_type
        elif name == f"{CONTENT_TYPES} Default" and extension == "xml":
            declared["default"] = content_type

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.StartElementHandler = element
    parser.Parse(content_types, True)
    return declared.get("override", declared.get("default")) == WORD_MAIN_PART


def download_name(title, content_type):
    """The name a stored document is handed out under: its record's title made safe, and
    the extension of the type found in its content, never the name it was uploaded as."""
    return f"{_safe_stem(title)}{EXTENSIONS.get(content_type, '')}"


def _safe_stem(title):
    """Letters and digits of the title (å, ä and ö kept, other accents dropped), the rest
    one hyphen; "dokument" if nothing is left."""
    characters = []
    for character in unicodedata.normalize("NFC", title or ""):
        if (character.isascii() and character.isalnum()) or character in KEPT_LETTERS:
            characters.append(character)
        else:
            plain = unicodedata.normalize("NFKD", character).encode("ascii", "ignore")
            characters.append("".join(c for c in plain.decode() if c.isalnum()) or "-")
    stem = re.sub(r"-+", "-", "".join(characters)).strip("-")[:MAX_STEM].rstrip("-")
    if not stem:
        return "dokument"
    if stem.upper() in WINDOWS_RESERVED:
        return f"{stem}-dokument"
    return stem
