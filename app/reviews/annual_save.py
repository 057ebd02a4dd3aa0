"""Saving the annual table: every row typed in on the page goes through set_annual, all in one
transaction (the caller commits or rolls back); rows only carried along are never saved, so a
stale tab cannot undo another's rating; after a conflict the form is brought up to date."""
from __future__ import annotations

from flask_login import current_user

from app.domain.enums import EvaluationStatus
from app.reviews.annual_forms import digest, initial_data
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.reviews import annual as svc


def editable(row) -> bool:
    """A row with an approved SKP whose result is not handed over yet."""
    return row.plan is not None and (row.evaluation is None or row.evaluation.status == EvaluationStatus.DRAFT)


def _posted(form, ident: int) -> dict:
    def value(name):
        field = form._fields.get(f"{name}_{ident}")
        return ((field.data or "") if field is not None else "").strip()

    return {name: value(name) for name in ("result", "behavior", "reason", "note", "version", "loaded")}


def _typed(posted: dict) -> bool:
    """Whether this tab changed the row since the page was loaded."""
    return digest(posted["result"], posted["behavior"], posted["reason"], posted["note"]) != posted["loaded"]


def _changed(row, posted: dict) -> bool:
    """Whether a row needs saving: typed in on this page, and different from what is saved. A row
    only carried along is never saved, so a stale tab cannot undo another tab's rating."""
    if not _typed(posted):
        return False
    evaluation = row.evaluation
    if evaluation is None or (evaluation.result_rating is None and evaluation.behavior_rating is None):
        suggested = row.suggestion.value if row.suggestion is not None else ""
        return bool(posted["behavior"] or posted["reason"] or posted["note"]
                    or (posted["result"] and posted["result"] != suggested))
    saved = (evaluation.result_rating.value if evaluation.result_rating else "",
             evaluation.behavior_rating.value if evaluation.behavior_rating else "",
             evaluation.result_rating_reason or "", evaluation.note or "")
    return (posted["result"], posted["behavior"], posted["reason"], posted["note"]) != saved


def _version(posted: dict) -> int:
    """The version the row was loaded at; none (a row not yet rated) counts as 0, so a row another
    tab rated meanwhile is a conflict rather than overwritten."""
    try:
        return int(posted["version"])
    except ValueError:
        return 0


def save_rows(year, team, form) -> list[tuple[str | None, str]]:
    """set_annual for every changed row; the refusals of all rows, each at its field."""
    errors = []
    for row in team.rows:
        ident = row.employee.id
        if f"result_{ident}" not in form._fields:
            continue
        posted = _posted(form, ident)
        if not _changed(row, posted):
            continue
        try:
            svc.set_annual(current_user, row.employee, year, result_rating=posted["result"] or None,
                           result_rating_reason=posted["reason"], behavior_rating=posted["behavior"] or None,
                           note=posted["note"], version=_version(posted))
        except ConflictError:
            raise
        except FieldErrors as error:
            errors.extend(error.errors)
        except ServiceError as error:
            errors.append((None, f"{row.employee.name}: {error.message}"))
    return errors


def refresh_after_conflict(team, form) -> dict[int, str]:
    """After a conflict, per row whose saved version moved on: a row typed in keeps what was typed,
    shows what is saved now and takes the new version (Simpan once more saves it knowingly); a row
    only carried along takes the saved values."""
    shown = {}
    for row in team.rows:
        ident = row.employee.id
        field = form._fields.get(f"version_{ident}")
        evaluation = row.evaluation
        if field is None or evaluation is None or evaluation.id is None:
            continue
        if str(evaluation.lock_version) == (field.data or ""):
            continue
        saved = initial_data(row)
        if _typed(_posted(form, ident)):
            if evaluation.predikat is not None:
                shown[ident] = (f"{evaluation.result_rating.label} / {evaluation.behavior_rating.label} → "
                                f"{evaluation.predikat.label}")
            else:
                shown[ident] = "rating belum lengkap"
            for name in ("version", "loaded"):
                form._fields[f"{name}_{ident}"].data = saved[f"{name}_{ident}"]
        else:
            for name, value in saved.items():
                form._fields[name].data = value
    return shown
