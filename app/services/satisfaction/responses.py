"""The public's answers: a visit token per opening of the form (one response per visit), the
answers checked and stored without name, NIK or address, a burst of the same answers from one
source set aside as duplicates, and the moderation of the unit's pengelola — set aside with a
reason, restore, record the tindak lanjut of a saran — each audited, nothing deleted."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import and_, or_, select

from app.extensions import db
from app.models import PublicService, SurveyResponse, User
from app.models.base import local_today, utcnow
from app.services import ServiceError
from app.services.audit import record
from app.services.satisfaction.layanan import may_manage

# The optional profile of a respondent: the value kept → the words shown.
AGE_BANDS = {"<20": "Di bawah 20 tahun", "20-29": "20–29 tahun", "30-39": "30–39 tahun", "40-49": "40–49 tahun",
             "50-59": "50–59 tahun", "60+": "60 tahun ke atas"}
SEXES = {"L": "Laki-laki", "P": "Perempuan"}
EDUCATIONS = {"SD": "SD atau sederajat", "SMP": "SMP atau sederajat", "SMA": "SMA atau sederajat",
              "DIPLOMA": "D1–D3", "S1": "D4/S1", "S2": "S2", "S3": "S3"}
OCCUPATIONS = {"PNS": "PNS/PPPK", "TNI_POLRI": "TNI/Polri", "SWASTA": "Pegawai swasta", "WIRAUSAHA": "Wirausaha",
               "PELAJAR": "Pelajar/mahasiswa", "PETANI": "Petani/nelayan", "RUMAH_TANGGA": "Ibu/bapak rumah tangga",
               "LAINNYA": "Lainnya"}
PROFILE = {"age_band": ("Usia", AGE_BANDS), "sex": ("Jenis kelamin", SEXES),
           "education": ("Pendidikan terakhir", EDUCATIONS), "occupation": ("Pekerjaan", OCCUPATIONS)}
SUGGESTION_MAX = 1000
DUPLICATE_MINUTES = 10


@dataclass
class Answer:
    answers: tuple[int | None, ...]
    age_band: str | None = None
    sex: str | None = None
    education: str | None = None
    occupation: str | None = None
    suggestion: str | None = None


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="capaian-skm-kunjungan")


def visit_token(service: PublicService) -> str:
    """A token for one opening of the form: signed, carrying the layanan and a random nonce."""
    return _serializer().dumps({"s": service.id, "n": secrets.token_hex(16)})


def visit_hash(service: PublicService, token: str | None) -> str:
    """The hash of the token's nonce; ServiceError when the token is not this layanan's, forged or
    older than SURVEY_VISIT_SECONDS (the form then opens again)."""
    try:
        data = _serializer().loads(token or "", max_age=current_app.config["SURVEY_VISIT_SECONDS"])
    except SignatureExpired:
        raise ServiceError("Formulir ini sudah terlalu lama terbuka. Isi kembali formulir yang baru.") from None
    except BadSignature:
        raise ServiceError("Formulir tidak dikenali. Muat ulang halaman survei dan isi kembali.") from None
    if not isinstance(data, dict) or data.get("s") != service.id or not isinstance(data.get("n"), str):
        raise ServiceError("Formulir tidak dikenali. Muat ulang halaman survei dan isi kembali.")
    return hashlib.sha256(data["n"].encode()).hexdigest()


def source_of(address: str | None, day: dt.date) -> str:
    """A keyed hash of the client address and the day: the same source within a day is recognised,
    the address cannot be read back, and tomorrow's hash of it is another."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"skm|{day.isoformat()}|{address or ''}".encode(), hashlib.sha256).hexdigest()[:32]


def check(answer: Answer) -> Answer:
    """The answers as they will be kept (ServiceError with the field for a tampered value)."""
    if len(answer.answers) != 9 or any(a is not None and a not in (1, 2, 3, 4) for a in answer.answers):
        raise ServiceError("Jawaban tidak dikenali; pilih salah satu dari empat pilihan setiap pertanyaan.")
    if all(a is None for a in answer.answers):
        raise ServiceError("Jawab paling sedikit satu pertanyaan, sebaiknya kesembilannya.", field="q1")
    for key, (label, choices) in PROFILE.items():
        value = getattr(answer, key) or None
        if value is not None and value not in choices:
            raise ServiceError(f"Pilihan {label.lower()} tidak dikenali.", field=key)
        setattr(answer, key, value)
    suggestion = "\n".join(line.strip() for line in (answer.suggestion or "").strip().splitlines()).strip()
    if len(suggestion) > SUGGESTION_MAX:
        raise ServiceError(f"Saran paling banyak {SUGGESTION_MAX:,} karakter.".replace(",", "."), field="suggestion")
    answer.suggestion = suggestion or None
    return answer


def submit(service: PublicService, answer: Answer, *, token: str | None, source: str, kiosk: bool = False
           ) -> tuple[SurveyResponse, bool]:
    """Keep one response: (the response, whether it is new). The same visit sent twice is the one
    response already kept. The same answers and saran from the same source within ten minutes are
    kept but set aside as a duplicate (the moderation page shows them and may restore them)."""
    if not service.active:
        raise ServiceError("Survei layanan ini sedang ditutup.")
    visit = visit_hash(service, token)
    answer = check(answer)
    now = utcnow()
    values = {f"q{i + 1}": a for i, a in enumerate(answer.answers)}
    same_answers = and_(
        SurveyResponse.service_id == service.id, SurveyResponse.source == source,
        SurveyResponse.submitted_at >= now - dt.timedelta(minutes=DUPLICATE_MINUTES),
        *(getattr(SurveyResponse, q) == v if v is not None else getattr(SurveyResponse, q).is_(None)
          for q, v in values.items()),
        SurveyResponse.suggestion == answer.suggestion if answer.suggestion else SurveyResponse.suggestion.is_(None))
    # One query for both: this visit already answered, or the same answers from the same source.
    found = db.session.execute(select(SurveyResponse.id, SurveyResponse.visit_sha256).where(
        or_(SurveyResponse.visit_sha256 == visit, same_answers)).limit(2)).all()
    kept = next((row.id for row in found if row.visit_sha256 == visit), None)
    if kept is not None:
        return db.session.get(SurveyResponse, kept), False
    duplicate = not kiosk and bool(found)
    response = SurveyResponse(
        service_id=service.id, submitted_at=now, day=local_today(), **values, age_band=answer.age_band,
        sex=answer.sex, education=answer.education, occupation=answer.occupation, suggestion=answer.suggestion,
        channel="KIOS" if kiosk else "WEB", visit_sha256=visit, source=source,
        set_aside_at=now if duplicate else None,
        set_aside_reason=f"Otomatis: jawaban dan saran sama dari sumber yang sama dalam {DUPLICATE_MINUTES} menit"
        if duplicate else None)
    db.session.add(response)
    db.session.flush()
    return response, True


def set_aside(actor: User, response: SurveyResponse, reason: str) -> None:
    if not may_manage(actor, response.service):
        raise ServiceError("Anda tidak mengelola layanan ini.")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ServiceError("Tuliskan alasan jawaban ini disisihkan, mis. 'isian iseng berulang'.", field="reason")
    if len(reason) > 300:
        raise ServiceError("Alasan paling banyak 300 karakter.", field="reason")
    if response.set_aside_at is not None:
        raise ServiceError("Jawaban ini sudah disisihkan.")
    response.set_aside_at, response.set_aside_by_id, response.set_aside_reason = utcnow(), actor.id, reason
    db.session.flush()
    record(actor, "skm.jawaban_disisihkan", response, opd_id=response.service.opd_id,
           summary=f"Jawaban survei #{response.id} layanan {response.service.name} disisihkan: {reason}",
           after={"reason": reason})


def restore(actor: User, response: SurveyResponse) -> None:
    if not may_manage(actor, response.service):
        raise ServiceError("Anda tidak mengelola layanan ini.")
    if response.set_aside_at is None:
        raise ServiceError("Jawaban ini tidak sedang disisihkan.")
    before = {"reason": response.set_aside_reason}
    response.set_aside_at = response.set_aside_by_id = response.set_aside_reason = None
    db.session.flush()
    record(actor, "skm.jawaban_dipulihkan", response, opd_id=response.service.opd_id,
           summary=f"Jawaban survei #{response.id} layanan {response.service.name} dihitung kembali", before=before)


def follow_up(actor: User, response: SurveyResponse, text: str) -> None:
    if not may_manage(actor, response.service):
        raise ServiceError("Anda tidak mengelola layanan ini.")
    if not response.suggestion:
        raise ServiceError("Jawaban ini tidak memuat saran.")
    text = (text or "").strip()
    if not text:
        raise ServiceError("Tuliskan tindak lanjut saran ini.", field="follow_up")
    if len(text) > 2000:
        raise ServiceError("Tindak lanjut paling banyak 2.000 karakter.", field="follow_up")
    before = {"follow_up": response.follow_up}
    response.follow_up, response.follow_up_by_id, response.follow_up_at = text, actor.id, utcnow()
    db.session.flush()
    record(actor, "skm.tindak_lanjut", response, opd_id=response.service.opd_id,
           summary=f"Tindak lanjut saran #{response.id} layanan {response.service.name}",
           before=before, after={"follow_up": text})
