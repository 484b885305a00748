"""Uploaded steering documents: an archive that would unpack to too much is refused from its
directory, only real Word and OpenDocument layouts pass, and a file goes out under its
record's title and its real type, never the name it was uploaded under."""

import io
import tracemalloc
import zipfile
from urllib.parse import quote

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities.models import SteeringDocument
from activities.records.uploads import download_name

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
ODT_MIMETYPE = ODT.encode()

TOO_MUCH = "för mycket data (mer än 100 MB eller 1000 delar)"
WRONG_TYPE = "Endast PDF-, Word- (DOCX) och OpenDocument-filer (ODT) kan laddas upp"
PROGRAM = "Filen innehåller programkod eller makron"
MEGABYTE = 1024 * 1024


def _content_types(main=WORD_MAIN, extra=""):
    return (
        f"{extra}<Types xmlns="
        '"http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
    )


def _zip(members, first=None):
    """A ZIP archive of {name: bytes or str}; `first` (name, bytes, compression) goes first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            name, content, compression = first
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=compression)
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _docx_parts(**extra):
    return {
        "[Content_Types].xml": _content_types(),
        "word/document.xml": "<document/>",
        **extra,
    }


def _odt(mimetype=ODT_MIMETYPE, compression=zipfile.ZIP_STORED, first=True, **parts):
    members = {"content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<m/>"}
    members.update(parts)
    members = {name: content for name, content in members.items() if content is not None}
    if first:
        return _zip(members, first=("mimetype", mimetype, compression))
    return _zip({**members, "mimetype": mimetype})


def _zeros_member(archive, name, size):
    """A member of `size` zero bytes, written a megabyte at a time (packs ~1000 times)."""
    with archive.open(name, "w") as handle:
        chunk = bytes(MEGABYTE)
        for _ in range(size // MEGABYTE):
            handle.write(chunk)


def _bomb(shape):
    buffer = io.BytesIO()
    # The fastest packing is tight enough: zeros still pack over 200 times.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        if shape == "one member of 200 MB":
            # The old check read "mimetype" whole: 200 MB in memory, then it took the
            # archive for a Word file.
            _zeros_member(archive, "mimetype", 200 * MEGABYTE)
        elif shape == "150 members of 1 MB":
            for i in range(150):
                _zeros_member(archive, f"word/media/part{i}.xml", MEGABYTE)
        elif shape == "1500 empty members":
            for i in range(1500):
                archive.writestr(f"word/part{i}.xml", b"")
        for name, content in _docx_parts().items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _upload(client, world, name, content, title="Handlingsplan"):
    return client.post(
        reverse("activities:record_create", args=[world.group.slug, "styrdokument"]),
        {
            "organisation": world.org_a.pk,
            "title": title,
            "kind": "action_plan",
            "status": "in_force",
            "file": SimpleUploadedFile(name, content, content_type="application/octet-stream"),
        },
    )


def _download(client, world, document):
    return client.get(reverse("activities:document_file", args=[world.group.slug, document.pk]))


@pytest.mark.parametrize(
    "shape", ["one member of 200 MB", "150 members of 1 MB", "1500 empty members"]
)
def test_an_archive_that_would_unpack_to_too_much_is_refused_with_little_memory(
    world, client, shape
):
    bomb = _bomb(shape)
    assert len(bomb) < 2 * MEGABYTE
    client.force_login(world.rep_a)
    tracemalloc.start()
    try:
        response = _upload(client, world, "plan.docx", bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * MEGABYTE
    assert response.status_code == 200
    assert TOO_MUCH in response.content.decode()
    assert 'value="Handlingsplan"' in response.content.decode()
    assert not SteeringDocument.objects.exists()


def test_a_jar_holding_a_word_document_is_refused(world, client):
    jar = _zip(
        {
            "META-INF/MANIFEST.MF": "Manifest-Version: 1.0\r\nMain-Class: Plan\r\n",
            "Plan.class": b"\xca\xfe\xba\xbe\x00\x00\x00\x34",
            **_docx_parts(),
        }
    )
    client.force_login(world.rep_a)
    response = _upload(client, world, "plan.docx", jar)
    assert response.status_code == 200
    assert PROGRAM in response.content.decode()
    assert not SteeringDocument.objects.exists()


@pytest.mark.parametrize(
    ("what", "content", "message"),
    [
        ("a Windows program inside", _zip(_docx_parts(**{"word/setup.exe": b"MZ"})), PROGRAM),
        ("Word macros", _zip(_docx_parts(**{"word/vbaProject.bin": b"\xd0\xcf"})), PROGRAM),
        (
            "no main part declared",
            _zip(_docx_parts(**{"[Content_Types].xml": "<Types/>"})),
            WRONG_TYPE,
        ),
        (
            "a macro-enabled main part",
            _zip(_docx_parts(**{"[Content_Types].xml": _content_types(MACRO_MAIN)})),
            WRONG_TYPE,
        ),
        ("no word/document.xml", _zip({"[Content_Types].xml": _content_types()}), WRONG_TYPE),
        (
            "entities in the content types",
            _zip(
                _docx_parts(
                    **{
                        "[Content_Types].xml": _content_types(
                            extra='<!DOCTYPE t [<!ENTITY a "a">]>'
                        )
                    }
                )
            ),
            WRONG_TYPE,
        ),
        ("an ODT whose mimetype is packed", _odt(compression=zipfile.ZIP_DEFLATED), WRONG_TYPE),
        ("an ODT whose mimetype is not first", _odt(first=False), WRONG_TYPE),
        ("an ODT without a manifest", _odt(**{"META-INF/manifest.xml": None}), WRONG_TYPE),
        ("an ODT without content", _odt(**{"content.xml": None}), WRONG_TYPE),
        (
            "an OpenDocument spreadsheet",
            _odt(b"application/vnd.oasis.opendocument.spreadsheet"),
            WRONG_TYPE,
        ),
        ("an ODT with a mimetype of trailing text", _odt(ODT_MIMETYPE + b"\n"), WRONG_TYPE),
        ("an ODT with Basic macros", _odt(**{"Basic/Standard/Module1.xml": "<m/>"}), PROGRAM),
    ],
)
def test_an_archive_not_laid_out_as_a_word_or_opendocument_text_is_refused(
    world, client, what, content, message
):
    client.force_login(world.rep_a)
    response = _upload(client, world, "plan.docx", content)
    assert response.status_code == 200, what
    assert message in response.content.decode(), what
    assert not SteeringDocument.objects.exists()


def _real_docx():
    document = docx.Document()
    document.add_heading("Handlingsplan mot människohandel", 1)
    document.add_paragraph("Polisen samverkar med regionen.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "content_type", "name"),
    [
        (_real_docx(), DOCX, "Handlingsplan.docx"),
        (_odt(), ODT, "Handlingsplan.odt"),
        (
            _zip(
                {
                    "[Content_Types].xml": _content_types().replace(
                        '<Override PartName="/word/document.xml"', '<Default Extension="xml"'
                    ),
                    "word/document.xml": "<document/>",
                }
            ),
            DOCX,
            "Handlingsplan.docx",
        ),
    ],
    ids=["docx made with python-docx", "minimal odt", "docx declaring its main part by default"],
)
def test_a_real_word_or_opendocument_file_is_accepted(world, client, content, content_type, name):
    client.force_login(world.rep_a)
    assert _upload(client, world, "utkast (2).zip", content).status_code == 302
    document = SteeringDocument.objects.get()
    assert document.file_type == content_type
    response = _download(client, world, document)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert b"".join(response.streaming_content) == content


@pytest.mark.parametrize(
    "uploaded_as",
    ["Handlingsplan.bat", "Handlingsplan.hta", "Handlingsplan.html", "Handlingsplan.pdf.exe"],
)
def test_a_pdf_goes_out_under_its_title_as_a_pdf_whatever_it_was_uploaded_as(
    world, client, uploaded_as
):
    polyglot = b"%PDF-1.7\n<html><script>alert(1)</script></html>\r\n@echo off\r\ncalc.exe\r\n"
    client.force_login(world.rep_a)
    assert _upload(client, world, uploaded_as, polyglot, title="Handlingsplan").status_code == 302
    document = SteeringDocument.objects.get()
    assert document.file.name.endswith(".pdf")
    assert uploaded_as not in document.file.name
    client.force_login(world.reader)
    response = _download(client, world, document)
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"] == 'attachment; filename="Handlingsplan.pdf"'
    assert b"".join(response.streaming_content) == polyglot
    page = client.get(reverse("activities:record_list", args=[world.group.slug, "styrdokument"]))
    assert "Ladda ned Handlingsplan.pdf" in page.content.decode()
    assert uploaded_as not in page.content.decode()


def test_a_title_with_swedish_letters_names_the_download_readably(world, client):
    client.force_login(world.rep_a)
    title = "Åtgärdsplan 2025/2026: människohandel\u202etxt.exe"
    assert _upload(client, world, "x.pdf.exe", b"%PDF-1.7\n", title=title).status_code == 302
    response = _download(client, world, SteeringDocument.objects.get())
    expected = "Åtgärdsplan-2025-2026-människohandel-txt-exe.pdf"
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(expected)}"


def test_a_document_stored_before_under_the_uploaders_name_goes_out_under_its_title(world, client):
    document = SteeringDocument.objects.create(
        organisation=world.org_a, title="Policy", kind="policy", status="in_force"
    )
    document.file.save("Policy.hta", ContentFile(b"%PDF-1.4 <html>"), save=False)
    document.file_name, document.file_type = "Policy.hta", PDF
    document.save()
    client.force_login(world.reader)
    response = _download(client, world, document)
    assert response["Content-Disposition"] == 'attachment; filename="Policy.pdf"'
    page = client.get(reverse("activities:record_list", args=[world.group.slug, "styrdokument"]))
    assert "Ladda ned Policy.pdf" in page.content.decode()
    assert "Policy.hta" not in page.content.decode()


@pytest.mark.parametrize(
    ("title", "content_type", "name"),
    [
        ("Handlingsplan", PDF, "Handlingsplan.pdf"),
        ("Plan för Örebro län – 2025", DOCX, "Plan-för-Örebro-län-2025.docx"),
        ("Café-rutin", ODT, "Cafe-rutin.odt"),
        ("../../etc/passwd", PDF, "etc-passwd.pdf"),
        ("!!!", PDF, "dokument.pdf"),
        ("CON", PDF, "CON-dokument.pdf"),
        ("Plan", "text/html", "Plan"),
        ("A" * 300, PDF, "A" * 80 + ".pdf"),
    ],
)
def test_the_download_name_is_the_title_made_safe_and_the_real_extension(title, content_type, name):
    assert download_name(title, content_type) == name
