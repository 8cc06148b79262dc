"""REFI-QDA: the codebook (.qdc) and the project (.qdpx) exchange formats.

The formats of QualCoder, ATLAS.ti, NVivo, MAXQDA and Taguette (REFI-QDA 1.5: namespaces
``urn:QDA-XML:codebook:1.0`` and ``urn:QDA-XML:project:1.0``; the schemas are in
``tests/analysis/schemas``). Writing builds the XML with the standard library; reading an
uploaded file goes through defusedxml with bounded zip members, and every problem is a
:class:`RefiError` with a message for the user.

Positions. A ``PlainTextSelection`` counts characters (Unicode code points, as Python's
``str`` indices and QualCoder's exporter do) from 0 in the source's plain text, end
exclusive. The plain text is the redacted report text with its line endings made ``\\n``
(a ``\\r\\n`` would count as two characters in some tools and one in others), so Ilmiö's
offsets into ``Report.description`` are mapped to and from that text.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from django.utils.translation import gettext as _

from ilmio.analysis.models import Code, CodedPassage, PhenomenonCase
from ilmio.reports.models import Report

QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0"
QDE_NAMESPACE = "urn:QDA-XML:project:1.0"
ORIGIN = "Ilmiö"
# Stable GUIDs, so re-exports of the same codebook and passages keep their identities.
GUID_NAMESPACE = uuid.UUID("6f1b0b7e-4a3e-4c1e-9a51-1f2d3c4b5a69")
# XML 1.0 allows tab, newline, carriage return and these ranges; anything else makes the file ill-formed.
NOT_XML_10 = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
COLOUR = re.compile(r"#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")  # the schemas' RGBType
UUID_IN_TEXT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Characters a tool may not accept in a source name it also uses as a file name (QualCoder).
UNSAFE_NAME = re.compile(r'[\\/:*?"<>|]+')

# Bounds of an uploaded file: the upload, the zip's members, what they unpack to, and nesting.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_CODE_DEPTH = 50


class RefiError(ValueError):
    """A file that cannot be read as REFI-QDA, or an export that cannot be made; the
    message is for the user."""


def guid(kind: str, key: Any) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"ilmio-{kind}-{key}"))


def code_guid(code: Code) -> str:
    return guid("code", code.pk)


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (control characters pasted in)."""
    return NOT_XML_10.sub("", text or "")


def colour_or_none(colour: str) -> str | None:
    """The colour as the schema's ``#RRGGBB``/``#RGB``, or None (the attribute is left out)."""
    value = (colour or "").strip()
    return value.upper() if COLOUR.fullmatch(value) else None


def plain_text(text: str) -> str:
    return text.replace("\r\n", "\n")


def to_plain(text: str, position: int) -> int:
    """An offset into ``text`` as an offset into :func:`plain_text` of it."""
    return position - text.count("\r\n", 0, position)


def from_plain(text: str, position: int) -> int:
    """An offset into :func:`plain_text` of ``text`` as an offset into ``text`` itself."""
    original = 0
    for _line in range(position):
        original += 2 if text.startswith("\r\n", original) else 1
    return original


# --- writing ----------------------------------------------------------------------------


def _tree(codes: Iterable[Code]) -> tuple[list[Code], dict[int, list[Code]]]:
    """Roots (codes whose parent is not among ``codes``) and children, each in name order."""
    items = sorted(codes, key=lambda c: (c.name.casefold(), c.pk))
    known = {c.pk for c in items}
    children: dict[int, list[Code]] = {}
    roots = []
    for code in items:
        if code.parent_id in known:
            children.setdefault(code.parent_id, []).append(code)
        else:
            roots.append(code)
    return roots, children


def export_names(codes: Sequence[Code]) -> dict[int, str]:
    """A name per code, unique in the file: QualCoder merges codes of the same name (its
    names are unique per project), so a name that occurs under several parents gets its
    parent's path, and any clash left a number."""
    by_pk = {c.pk: c for c in codes}

    def clean(code: Code) -> str:
        return " ".join(xml_text(code.name).split()) or f"{_('Code')} {code.pk}"

    def path(code: Code) -> str:
        seen, parts, node = set(), [], by_pk.get(code.parent_id) if code.parent_id else None
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            parts.append(clean(node))
            node = by_pk.get(node.parent_id) if node.parent_id else None
        return " / ".join(reversed(parts))

    groups: dict[str, list[Code]] = {}
    for code in codes:
        groups.setdefault(clean(code).casefold(), []).append(code)
    names: dict[int, str] = {}
    for group in groups.values():
        group.sort(key=lambda c: (bool(path(c)), path(c).casefold(), c.pk))
        for index, code in enumerate(group):
            where = path(code)
            names[code.pk] = clean(code) if index == 0 else f"{clean(code)} ({where or index + 1})"
    taken: set[str] = set()
    for pk in sorted(names, key=lambda k: (names[k].casefold(), k)):
        name, number = names[pk], 2
        while name.casefold() in taken:
            name, number = f"{names[pk]} ({number})", number + 1
        names[pk] = name
        taken.add(name.casefold())
    return names


def _codes_element(parent: ET.Element, namespace: str, codes: Sequence[Code]) -> None:
    names = export_names(codes)
    roots, children = _tree(codes)
    holder = ET.SubElement(parent, f"{{{namespace}}}Codes")
    done: set[int] = set()

    def add(into: ET.Element, code: Code) -> None:
        done.add(code.pk)
        attributes = {"guid": code_guid(code), "name": names[code.pk], "isCodable": "true"}
        if (colour := colour_or_none(code.colour)) is not None:
            attributes["color"] = colour
        element = ET.SubElement(into, f"{{{namespace}}}Code", attributes)
        if description := xml_text(code.description).strip():
            ET.SubElement(element, f"{{{namespace}}}Description").text = description
        for child in children.get(code.pk, []):
            if child.pk not in done:  # a cycle of parents cannot recurse for ever
                add(element, child)

    for code in roots:
        add(holder, code)
    for code in codes:  # codes only reachable through a cycle of parents: kept, at the top
        if code.pk not in done:
            add(holder, code)


def _serialise(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def codebook_qdc(codes: Iterable[Code]) -> bytes:
    """REFI-QDA Codebook Exchange: nested ``<Code>`` elements with descriptions."""
    items = list(codes)
    if not items:
        raise RefiError(_("The codebook is empty: add a code before exporting it."))
    ET.register_namespace("", QDC_NAMESPACE)
    root = ET.Element(f"{{{QDC_NAMESPACE}}}CodeBook", {"origin": ORIGIN})
    _codes_element(root, QDC_NAMESPACE, items)
    return _serialise(root)


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_name(report: Report) -> str:
    """The source's name in the project: the (redacted) title and the report's public id,
    which :func:`read_refi_file` finds again after a tool renamed the source's GUID."""
    title = " ".join(UNSAFE_NAME.sub("-", xml_text(report.title)).split())[:80]
    return f"{title} [{report.public_id}]" if title else str(report.public_id)


def project_qdpx(*, name: str, codes: Sequence[Code], reports: Sequence[Report], passages: Iterable[CodedPassage],
                 case: PhenomenonCase | None = None, description: str = "", now: datetime | None = None) -> bytes:  # fmt: skip
    """A REFI-QDA project (.qdpx: a zip of ``project.qde`` and ``sources/*.txt``): the reports'
    redacted texts as text sources, the codebook, every coded passage as a
    ``PlainTextSelection`` with its ``Coding``, and the case (if any) as a ``Case``."""
    if not reports:
        raise RefiError(_("There are no reports to export."))
    moment = now or datetime.now(UTC)
    by_report: dict[int, list[CodedPassage]] = {}
    code_ids = {c.pk for c in codes}
    for passage in passages:
        if passage.code_id in code_ids:
            by_report.setdefault(passage.report_id, []).append(passage)
    ET.register_namespace("", QDE_NAMESPACE)
    ns = f"{{{QDE_NAMESPACE}}}"
    root = ET.Element(f"{ns}Project", {"name": xml_text(name) or ORIGIN, "origin": ORIGIN,
                                       "creationDateTime": _timestamp(moment)})  # fmt: skip
    if codes:
        _codes_element(ET.SubElement(root, f"{ns}CodeBook"), QDE_NAMESPACE, codes)
    if case is not None:
        element = ET.SubElement(ET.SubElement(root, f"{ns}Cases"), f"{ns}Case",
                                {"guid": guid("case", case.pk), "name": xml_text(case.title)})  # fmt: skip
        if case_description := xml_text(case.description).strip():
            ET.SubElement(element, f"{ns}Description").text = case_description
        for report in reports:
            ET.SubElement(element, f"{ns}SourceRef", {"targetGUID": str(report.public_id)})
    sources = ET.SubElement(root, f"{ns}Sources")
    files: list[tuple[str, str]] = []
    for report in reports:
        source_guid = str(report.public_id)
        files.append((f"sources/{source_guid}.txt", plain_text(report.description)))
        source = ET.SubElement(sources, f"{ns}TextSource", {
            "guid": source_guid, "name": source_name(report), "plainTextPath": f"internal://{source_guid}.txt",
            "creationDateTime": _timestamp(report.created_at)})  # fmt: skip
        text = report.description
        for passage in sorted(by_report.get(report.pk, []), key=lambda p: (p.start, p.end, p.pk)):
            if not 0 <= passage.start < passage.end <= len(text):
                continue  # not a passage of this text (code_passage never stores one)
            selection = ET.SubElement(source, f"{ns}PlainTextSelection", {
                "guid": guid("passage", passage.pk), "startPosition": str(to_plain(text, passage.start)),
                "endPosition": str(to_plain(text, passage.end)), "creationDateTime": _timestamp(passage.created_at)})  # fmt: skip
            coding = ET.SubElement(selection, f"{ns}Coding", {"guid": guid("coding", passage.pk),
                                                             "creationDateTime": _timestamp(passage.created_at)})  # fmt: skip
            ET.SubElement(coding, f"{ns}CodeRef", {"targetGUID": code_guid(passage.code)})
    if description := xml_text(description).strip():
        ET.SubElement(root, f"{ns}Description").text = description
    buffer = io.BytesIO()
    stamp = moment.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("project.qde", stamp), _serialise(root), zipfile.ZIP_DEFLATED)
        for path, content in files:
            archive.writestr(zipfile.ZipInfo(path, stamp), content.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --- reading ------------------------------------------------------------------------------


@dataclass
class ParsedCode:
    guid: str
    name: str
    description: str = ""
    colour: str | None = None
    parent: str | None = None  # the parent's guid


@dataclass
class ParsedSelection:
    start: int
    end: int
    codes: list[str]  # guids of the codes it is coded with


@dataclass
class ParsedSource:
    guid: str
    name: str
    text: str | None  # None: the file does not carry the text (an external path)
    selections: list[ParsedSelection] = field(default_factory=list)


@dataclass
class ParsedProject:
    codes: list[ParsedCode] = field(default_factory=list)  # parents before their children
    sources: list[ParsedSource] = field(default_factory=list)
    other_sources: int = 0  # PDF, picture, audio and video sources: not imported
    invalid_selections: int = 0  # selections without a usable position


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _children(element: Any, name: str) -> list[Any]:
    return [child for child in element if _local(child.tag) == name]


def _child(element: Any, name: str) -> Any | None:
    found = _children(element, name)
    return found[0] if found else None


def _parse_xml(content: bytes) -> Any:
    try:
        return SafeET.fromstring(content, forbid_dtd=True)
    except DefusedXmlException:
        raise RefiError(_("The file declares a DTD or entities, which are not accepted.")) from None
    except ET.ParseError as error:
        raise RefiError(_("The file is not well-formed XML (%(error)s).") % {"error": error}) from None


def _read_codes(holder: Any, project: ParsedProject) -> None:
    def walk(element: Any, parent: str | None, depth: int) -> None:
        if depth > MAX_CODE_DEPTH:
            raise RefiError(_("The codebook nests codes more than %(depth)d levels deep.") % {"depth": MAX_CODE_DEPTH})
        for code in _children(element, "Code"):
            code_guid_ = (code.get("guid") or "").strip().strip("{}").lower()
            if not code_guid_:
                raise RefiError(_("A code in the file has no guid."))
            description = _child(code, "Description")
            project.codes.append(ParsedCode(
                guid=code_guid_, name=(code.get("name") or "").strip(), parent=parent,
                description=(description.text or "").strip() if description is not None else "",
                colour=colour_or_none(code.get("color") or "")))  # fmt: skip
            walk(code, code_guid_, depth + 1)

    walk(holder, None, 0)


def _position(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def _read_sources(holder: Any, project: ParsedProject, texts: dict[str, str] | None) -> None:
    for element in holder:
        kind = _local(element.tag)
        if kind != "TextSource":
            project.other_sources += kind in {"PDFSource", "PictureSource", "AudioSource", "VideoSource"}
            continue
        content = _child(element, "PlainTextContent")
        text: str | None = (content.text or "") if content is not None else None
        path = element.get("plainTextPath") or ""
        if text is None and path.startswith("internal://") and texts is not None:
            text = texts.get(path[len("internal://"):].lstrip("/").casefold())
        source = ParsedSource(guid=(element.get("guid") or "").strip().strip("{}").lower(),
                              name=element.get("name") or "", text=text)  # fmt: skip
        for selection in _children(element, "PlainTextSelection"):
            start, end = _position(selection.get("startPosition")), _position(selection.get("endPosition"))
            codes = [(ref.get("targetGUID") or "").strip().strip("{}").lower()
                     for coding in _children(selection, "Coding") for ref in _children(coding, "CodeRef")]  # fmt: skip
            if start is None or end is None or not 0 <= start < end:
                project.invalid_selections += 1
                continue
            source.selections.append(ParsedSelection(start=start, end=end, codes=[c for c in codes if c]))
        project.sources.append(source)


def _decode_text(content: bytes) -> str | None:
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if content.startswith(bom):
            try:
                return content.decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _safe_member(name: str) -> bool:
    parts = name.split("/")
    return not (name.startswith("/") or "\\" in name or ".." in parts or (len(name) > 1 and name[1] == ":"))


class _Archive:
    """The members of an uploaded zip, read within the bounds above."""

    def __init__(self, content: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(content))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
            raise RefiError(_("The file is not a REFI-QDA project (.qdpx is a zip file).")) from None
        self.members = self.zip.infolist()
        if len(self.members) > MAX_MEMBERS:
            raise RefiError(_("The project holds more than %(count)d files.") % {"count": MAX_MEMBERS})
        if not all(_safe_member(m.filename) for m in self.members):
            raise RefiError(_("The project holds a file outside its own folders; it was not read."))
        self.unpacked = 0

    def read(self, member: zipfile.ZipInfo) -> bytes:
        if member.flag_bits & 0x1:
            raise RefiError(_("The project is encrypted; export it without a password."))
        try:
            with self.zip.open(member) as handle:
                data = handle.read(MAX_MEMBER_BYTES + 1)  # the declared size may lie: read at most this
        except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError) as error:
            raise RefiError(_("A file in the project cannot be unpacked (%(error)s).") % {"error": error}) from None
        self.unpacked += len(data)
        if len(data) > MAX_MEMBER_BYTES or self.unpacked > MAX_UNPACKED_BYTES:
            raise RefiError(_("The project unpacks to more than the %(size)d MB allowed.")
                            % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)})  # fmt: skip
        return data

    def project(self) -> bytes:
        found = [m for m in self.members if m.filename.lower().endswith(".qde") and "/" not in m.filename]
        if len(found) != 1:
            raise RefiError(_("The project has no project.qde (or more than one)."))
        return self.read(found[0])

    def texts(self, wanted: set[str]) -> dict[str, str]:
        """The plain texts under ``sources/`` (or ``Sources/``) that the project refers to,
        by lower-cased file name; a text that is not UTF-8 (or UTF-16 with a BOM) is left out."""
        texts: dict[str, str] = {}
        for member in self.members:
            folder, _slash, name = member.filename.partition("/")
            wanted_here = folder.casefold() == "sources" and name.casefold() in wanted and not member.is_dir()
            if wanted_here and (text := _decode_text(self.read(member))) is not None:
                texts[name.casefold()] = text
        return texts


def read_refi_file(content: bytes) -> ParsedProject:
    """A ``.qdpx`` project, a bare ``project.qde`` or a ``.qdc`` codebook, read for import."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise RefiError(_("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)})
    archive = _Archive(content) if content.startswith(b"PK") else None
    root = _parse_xml(archive.project() if archive is not None else content)
    kind, namespace = _local(root.tag), _namespace(root.tag)
    if kind not in ("Project", "CodeBook") or (namespace and not namespace.startswith("urn:QDA-XML:")):
        raise RefiError(_("The file is not a REFI-QDA project or codebook."))
    project = ParsedProject()
    holder = _child(root, "CodeBook") if kind == "Project" else root
    codes = _child(holder, "Codes") if holder is not None else None
    if codes is not None:
        _read_codes(codes, project)
    sources = _child(root, "Sources") if kind == "Project" else None
    if sources is not None:
        wanted = {path[len("internal://"):].lstrip("/").casefold() for element in sources
                  if (path := element.get("plainTextPath") or "").startswith("internal://")}  # fmt: skip
        _read_sources(sources, project, archive.texts(wanted) if archive is not None else None)
    return project


def report_keys(source: ParsedSource) -> list[uuid.UUID]:
    """The public ids the source may stand for: its guid (Ilmiö's exports use the report's
    public id) and, for a tool that gave the source a new guid, an id kept in its name."""
    keys: list[uuid.UUID] = []
    for candidate in [source.guid, *reversed(UUID_IN_TEXT.findall(source.name))]:
        try:
            key = uuid.UUID(candidate)
        except ValueError:
            continue
        if key not in keys:
            keys.append(key)
    return keys
