"""GET /api/v1/…: the month's issued TPP and the year's handed-over predikat, per NIP, for a
system holding a token with that scope (`Authorization: Bearer cpn_…`). No session, no cookies;
every request is logged with its token; a limit per token and per address; nothing but what the
scope names (NIP, name, OPD and the figures) leaves."""
from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify, request
from flask_limiter.util import get_remote_address
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.domain.enums import EvaluationStatus
from app.extensions import csrf, db, limiter
from app.models import AnnualEvaluation, AppraisalYear, Employee, OrgUnit, TppList
from app.services import api_tokens

bp = Blueprint("api", __name__)
csrf.exempt(bp)


def _hit(setting: str, default: str, *identifiers: str) -> bool:
    """Count one request against a limit of the settings (in the rate limiter's storage: Redis
    when configured); False when over it."""
    from limits import parse

    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return True
    return limiter.limiter.hit(parse(current_app.config.get(setting, default)), "capaian-api", *identifiers)


def _answer(payload: dict, status: int = 200, records: int = 0):
    token = g.get("api_token")
    if token is not None:
        api_tokens.log(token, request.path, status, records, request.remote_addr)
        db.session.commit()
    response = jsonify(payload)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.before_request
def authenticate():
    # Every request, a valid token or not, counts against its address: guessing is slowed down.
    if not _hit("API_ADDRESS_RATE_LIMIT", "300 per minute", "address", get_remote_address() or ""):
        return _answer({"error": "Terlalu banyak permintaan dari alamat ini; coba lagi sebentar lagi."}, 429)
    header = request.headers.get("Authorization", "")
    secret = header[7:].strip() if header.lower().startswith("bearer ") else None
    token = api_tokens.find(secret)
    if token is None:
        return _answer({"error": "Token tidak dikenal atau sudah dicabut."}, 401)
    g.api_token = token
    if not _hit("API_RATE_LIMIT", "120 per minute", "token", str(token.id)):
        return _answer({"error": "Batas permintaan token ini tercapai; coba lagi sebentar lagi."}, 429)
    return None


def _scope(name: str):
    if name not in (g.api_token.scopes or []):
        return _answer({"error": f"Token ini tidak boleh membaca '{name}'."}, 403)
    return None


@bp.route("/tpp/<int:year>/<int:month>")
def tpp(year: int, month: int):
    """Every OPD's issued (current version) TPP list of the month, or one NIP's line (?nip=)."""
    refused = _scope("tpp")
    if refused:
        return refused
    if not 1 <= month <= 12:
        return _answer({"error": "Bulan harus 1 sampai 12."}, 400)
    nip = (request.args.get("nip") or "").strip()
    lists = db.session.scalars(select(TppList).where(TppList.year == year, TppList.month == month,
                                                     TppList.superseded_at.is_(None)).order_by(TppList.opd_id))
    rows = []
    for issued in lists:
        for line in issued.snapshot.get("lines", []):
            if nip and line["nip"] != nip:
                continue
            rows.append({"nip": line["nip"], "nama": line["name"], "perangkat_daerah": issued.snapshot.get("opd"),
                         "nilai_jabatan": line["basis"], "produktivitas": line["productivity"],
                         "disiplin": line["discipline"], "tpp": line["amount"], "versi": issued.version,
                         "diterbitkan": issued.issued_at.isoformat()})
    return _answer({"tahun": year, "bulan": month, "data": rows}, records=len(rows))


@bp.route("/predikat/<int:year>")
def predikat(year: int):
    """The handed-over annual predikat of the year, for every pegawai or one NIP (?nip=)."""
    refused = _scope("predikat")
    if refused:
        return refused
    nip = (request.args.get("nip") or "").strip()
    query = (select(AnnualEvaluation).join(AppraisalYear, AnnualEvaluation.year_id == AppraisalYear.id)
             .join(Employee, AnnualEvaluation.employee_id == Employee.id)
             .where(AppraisalYear.year == year, AnnualEvaluation.status == EvaluationStatus.HANDED_OVER)
             .options(joinedload(AnnualEvaluation.employee).joinedload(Employee.unit))
             .order_by(Employee.nip))
    if nip:
        query = query.where(Employee.nip == nip)
    evaluations = list(db.session.scalars(query))
    opds = {u.id: u.name for u in db.session.scalars(select(OrgUnit).where(
        OrgUnit.id.in_({e.employee.unit.opd_id for e in evaluations} or {-1})))}
    rows = [{"nip": e.employee.nip, "nama": e.employee.name, "perangkat_daerah": opds.get(e.employee.unit.opd_id),
             "predikat": e.predikat.label if e.predikat else None,
             "diserahkan": e.handed_over_at.isoformat() if e.handed_over_at else None} for e in evaluations]
    return _answer({"tahun": year, "data": rows}, records=len(rows))


MAX_PUSH_ROWS = 5000


def _pushed_rows(fields: str, limit: int):
    """(the rows of a push {"data": [{…}, …]}, None), or (None, the logged 400/413 answer)."""
    payload = request.get_json(silent=True)  # not JSON, or not sent as JSON: a 400, logged
    rows = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        return None, _answer({"error": f'Kirim JSON {{"data": [{{{fields}}}, …]}}.'}, 400)
    if len(rows) > limit:
        return None, _answer({"error": f"Paling banyak {limit} baris per permintaan."}, 413)
    return rows, None


def _row_problems(errors):
    """422: nothing recorded, each row's problem."""
    return _answer({"error": "Tidak ada yang dicatat: perbaiki baris berikut.",
                    "rows": [{"baris": row, "kolom": column, "masalah": message} for row, column, message in errors]},
                   422)


@bp.route("/presensi", methods=["POST"])
def push_presensi():
    """The attendance system sends days of presensi as JSON — {"data": [{"nip", "tanggal"
    (YYYY-MM-DD or dd/mm/yyyy), "masuk", "pulang" (07:45), "status" (H or TK)}]} — checked whole and
    recorded whole or not at all, as the file import; 422 with each row's problem."""
    from app.services.daily import attendance

    refused = _scope("presensi")
    if refused:
        return refused
    rows, refusal = _pushed_rows('"nip", "tanggal", "masuk", "pulang", "status"', MAX_PUSH_ROWS)
    if refusal:
        return refusal
    body = [(number, {"nip": str(row.get("nip") or ""), "day": row.get("tanggal"), "in": row.get("masuk"),
                      "out": row.get("pulang"), "status": row.get("status")})
            for number, row in enumerate(rows, 1)]
    check = attendance.check_rows(None, body, attendance.Check(f"API {g.api_token.name}"))
    if not check.valid:
        return _row_problems(check.errors)
    new, replaced = attendance.import_days(None, check, source=f"API {g.api_token.name}")
    db.session.commit()
    return _answer({"baru": new, "diperbarui": replaced}, records=new + replaced)


@bp.route("/metrik", methods=["POST"])
def push_metrics():
    """The system that holds a figure sends its values per period — {"data": [{"metrik": "KTP-WAKTU",
    "tahun": 2026, "periode": 3 or "Triwulan III", "nilai": 4.2}]} — only for the metrics that name
    this token as their source; checked whole and recorded whole or not at all; 422 with each row's
    problem. A value sent again unchanged changes nothing; every change is logged."""
    from app.services.metrics import values

    refused = _scope("metrik")
    if refused:
        return refused
    rows, refusal = _pushed_rows('"metrik", "tahun", "periode", "nilai"', values.MAX_ROWS)
    if refusal:
        return refusal
    body = [(number, {"code": row.get("metrik"), "year": row.get("tahun"), "period": row.get("periode"),
                      "value": row.get("nilai")}) for number, row in enumerate(rows, 1)]
    check = values.check_rows(body, values.Check(f"API {g.api_token.name}"), token=g.api_token)
    if not check.valid:
        return _row_problems(check.errors)
    new, changed, same = values.apply(check, token=g.api_token)
    db.session.commit()
    return _answer({"baru": new, "diubah": changed, "sama": same}, records=new + changed)
