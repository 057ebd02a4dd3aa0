"""Simpan draf: everything the period form holds — realisasi, notes, reflections, and the files and
links chosen as bukti dukung — in one transaction through the assessment services. A refused file
or link names its own input (file_<id>, url_<id>), so the message lands at it."""
from __future__ import annotations

from dataclasses import dataclass

from app.assessments.forms import form_version
from app.assessments.sheet import Sheet
from app.models import User
from app.services import ServiceError
from app.services.assessments import assessments as svc
from app.services.assessments.evidence_store import check_file, check_link, max_bytes


@dataclass
class Stored:
    files: int = 0
    links: int = 0

    @property
    def message(self) -> str:
        parts = []
        if self.files:
            parts.append(f"{self.files} berkas")
        if self.links:
            parts.append(f"{self.links} tautan")
        extra = f" Bukti dukung ditambahkan: {' dan '.join(parts)}." if parts else ""
        return "Draf penilaian disimpan; capaian dihitung ulang." + extra


def entries(sheet: Sheet, form) -> tuple[dict[int, svc.Entry], dict[int, str]]:
    """The form's realisasi per IKI and reflection per value, as the save service takes them; what
    the form does not show (a narrative beside a number, or the reverse) is kept as saved."""
    result = {}
    for row in sheet.rows:
        ident, saved = row.indicator.id, row.realization
        note = form[f"note_{ident}"].data
        if sheet.narrative(row):
            result[ident] = svc.Entry(value=saved.value if saved else None,
                                      narrative=form[f"narrative_{ident}"].data, note=note)
        else:
            result[ident] = svc.Entry(value=form[f"value_{ident}"].data,
                                      narrative=saved.narrative if saved else None, note=note)
    reflections = {v.id: form[f"reflection_{v.id}"].data or "" for v in sheet.values}
    return result, reflections


def chosen_files(sheet: Sheet, form) -> list[tuple[int, object]]:
    """(realisasi id, upload) for every file picked in the form (an empty input sends no name)."""
    files = []
    for row in sheet.rows:
        if row.realization is not None:
            for upload in form[f"file_{row.realization.id}"].data or []:
                if getattr(upload, "filename", None):
                    files.append((row.realization.id, upload))
    return files


def typed_links(sheet: Sheet, form) -> list[tuple[int, str]]:
    links = []
    for row in sheet.rows:
        if row.realization is not None:
            url = (form[f"url_{row.realization.id}"].data or "").strip()
            if url:
                links.append((row.realization.id, url))
    return links


def evidence_problems(sheet: Sheet, form) -> list[tuple[str, str]]:
    """(input name, message) for every chosen file and typed link that would be refused, checked
    before anything is saved, so that the form shows them together with its other errors."""
    problems = []
    limit = max_bytes()
    for realization_id, upload in chosen_files(sheet, form):
        data = upload.stream.read(limit + 1)
        upload.stream.seek(0)  # read again when stored
        try:
            check_file(data)
        except ServiceError as error:
            problems.append((f"file_{realization_id}", f"{upload.filename}: {error.message}"))
    for realization_id, url in typed_links(sheet, form):
        try:
            check_link(url)
        except ServiceError as error:
            problems.append((f"url_{realization_id}", error.message))
    return problems


def store(actor: User, sheet: Sheet, form) -> Stored:
    """Save the draft (checking the version the page showed), then attach the chosen evidence."""
    assessment = sheet.assessment
    texts, reflections = entries(sheet, form)
    svc.save(actor, assessment, texts, reflections, version=form_version(form))
    stored = Stored()
    limit = max_bytes()
    for realization_id, upload in chosen_files(sheet, form):
        data = upload.stream.read(limit + 1)  # one byte more than allowed is enough to refuse it
        try:
            svc.add_file(actor, assessment, realization_id, data, upload.filename)
        except ServiceError as error:
            raise _at(error, "file", f"file_{realization_id}", upload.filename) from None
        stored.files += 1
    for realization_id, url in typed_links(sheet, form):
        try:
            svc.add_link(actor, assessment, realization_id, url)
        except ServiceError as error:
            raise _at(error, "url", f"url_{realization_id}") from None
        stored.links += 1
    return stored


def _at(error: ServiceError, field: str, name: str, filename: str | None = None) -> ServiceError:
    if error.field != field:
        return error
    message = f"{filename}: {error.message}" if filename else error.message
    return ServiceError(message, field=name)
