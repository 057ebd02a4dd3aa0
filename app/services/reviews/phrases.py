"""The pick-list of common feedback phrases on the review page, per scope (hasil kerja, perilaku
kerja). Kabupaten-wide: any pengelola kinerja adds, edits, deactivates and reorders them; every
change is audited. A phrase is never deleted, so the audit log keeps its history."""
from __future__ import annotations

from sqlalchemy import func, select

from app.domain.enums import PhraseScope
from app.extensions import db
from app.models import FeedbackPhrase, User
from app.services import FieldErrors, ServiceError
from app.services.audit import record

MIN_TEXT = 3
MAX_TEXT = 300

# Offered once to an empty list, so a new installation starts with something useful.
DEFAULTS = {
    PhraseScope.HASIL: [
        "Target periode ini tercapai; pertahankan.",
        "Realisasi melampaui target; terima kasih atas kerja kerasnya.",
        "Realisasi masih di bawah target; susun langkah percepatan untuk periode berikutnya.",
        "Lengkapi bukti dukung agar realisasi dapat diverifikasi.",
        "Laporan disampaikan tepat waktu dan rapi.",
        "Tingkatkan kualitas hasil kerja; periksa kembali sebelum diserahkan.",
    ],
    PhraseScope.PERILAKU: [
        "Menunjukkan sikap melayani yang baik; pertahankan.",
        "Disiplin dan bertanggung jawab dalam menyelesaikan tugas.",
        "Aktif berbagi pengetahuan dengan rekan kerja.",
        "Perlu lebih proaktif menyampaikan kendala sejak awal.",
        "Kerja sama dengan rekan dan unit lain berjalan baik.",
        "Perlu meningkatkan ketepatan waktu kehadiran dan penyelesaian tugas.",
    ],
}


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def phrases_by_scope(*, active_only: bool = False) -> dict[PhraseScope, list[FeedbackPhrase]]:
    """Every phrase (or the active ones) grouped by scope, in their order (one query)."""
    query = select(FeedbackPhrase).order_by(FeedbackPhrase.position, FeedbackPhrase.id)
    if active_only:
        query = query.where(FeedbackPhrase.active.is_(True))
    grouped: dict[PhraseScope, list[FeedbackPhrase]] = {scope: [] for scope in PhraseScope}
    for phrase in db.session.scalars(query):
        grouped[phrase.scope].append(phrase)
    return grouped


def _snapshot(phrase: FeedbackPhrase) -> dict:
    return {"scope": phrase.scope.value, "text": phrase.text, "active": phrase.active}


def _check(scope: PhraseScope | None, text: str, phrase: FeedbackPhrase | None) -> str:
    text = _clean(text)
    errors = []
    if scope is None:
        errors.append(("scope", "Pilih lingkup kalimat."))
    if len(text) < MIN_TEXT:
        errors.append(("text", f"Tuliskan kalimatnya (minimal {MIN_TEXT} karakter)."))
    elif len(text) > MAX_TEXT:
        errors.append(("text", f"Kalimat paling banyak {MAX_TEXT} karakter."))
    elif scope is not None:
        twin = db.session.scalar(select(FeedbackPhrase).where(
            FeedbackPhrase.scope == scope, func.lower(FeedbackPhrase.text) == text.lower(),
            FeedbackPhrase.id != (phrase.id if phrase is not None else -1)))
        if twin is not None:
            state = "" if twin.active else " (nonaktif — aktifkan saja yang lama)"
            errors.append(("text", f"Kalimat yang sama sudah ada untuk {scope.label}{state}."))
    if errors:
        raise FieldErrors(errors)
    return text


def _next_position(scope: PhraseScope) -> int:
    last = db.session.scalar(select(func.max(FeedbackPhrase.position)).where(FeedbackPhrase.scope == scope))
    return 0 if last is None else last + 1


def create_phrase(actor: User, scope: PhraseScope | None, text: str) -> FeedbackPhrase:
    """Add a phrase at the end of its scope's list."""
    text = _check(scope, text, None)
    phrase = FeedbackPhrase(scope=scope, text=text, position=_next_position(scope), active=True)
    db.session.add(phrase)
    db.session.flush()
    record(actor, "kalimat_umpan_balik.dibuat", phrase, object_type="feedback_phrase",
           summary=f"Kalimat umpan balik ({scope.label}) ditambahkan: {text}", after=_snapshot(phrase))
    return phrase


def update_phrase(actor: User, phrase: FeedbackPhrase, scope: PhraseScope | None, text: str) -> FeedbackPhrase:
    """Change a phrase's text or scope (moving scope puts it at the end of the other list).
    Feedback written with it earlier keeps its own copy of the words."""
    text = _check(scope, text, phrase)
    before = _snapshot(phrase)
    if scope != phrase.scope:
        phrase.position = _next_position(scope)
    phrase.scope, phrase.text = scope, text
    after = _snapshot(phrase)
    if after != before:
        db.session.flush()
        record(actor, "kalimat_umpan_balik.diubah", phrase, object_type="feedback_phrase",
               summary=f"Kalimat umpan balik diubah: {text}",
               before={k: v for k, v in before.items() if after[k] != v},
               after={k: v for k, v in after.items() if before[k] != v})
    return phrase


def set_active(actor: User, phrase: FeedbackPhrase, active: bool) -> None:
    """Nonaktifkan (no longer offered on the review page) or aktifkan again."""
    if phrase.active == active:
        return
    phrase.active = active
    db.session.flush()
    record(actor, "kalimat_umpan_balik." + ("diaktifkan" if active else "dinonaktifkan"), phrase,
           object_type="feedback_phrase",
           summary=f"Kalimat umpan balik {'diaktifkan' if active else 'dinonaktifkan'}: {phrase.text}",
           before={"active": not active}, after={"active": active})


def move_phrase(actor: User, phrase: FeedbackPhrase, step: int) -> bool:
    """Move a phrase one place up (-1) or down (+1) within its scope; renumbers the list."""
    items = phrases_by_scope()[phrase.scope]
    index = next(i for i, p in enumerate(items) if p.id == phrase.id)
    target = index + step
    if step not in (-1, 1) or not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    for position, item in enumerate(items):
        item.position = position
    db.session.flush()
    record(actor, "kalimat_umpan_balik.diurutkan", phrase, object_type="feedback_phrase",
           summary=f"Urutan kalimat umpan balik ({phrase.scope.label}) diubah ke nomor {target + 1}: {phrase.text}",
           before={"order": index + 1}, after={"order": target + 1})
    return True


def add_defaults(actor: User) -> int:
    """Fill an empty pick-list with the suggested phrases (refused once any phrase exists)."""
    if db.session.scalar(select(func.count()).select_from(FeedbackPhrase)):
        raise ServiceError("Daftar kalimat sudah berisi; contoh hanya dapat ditambahkan pada daftar yang kosong.")
    count = 0
    for scope, texts in DEFAULTS.items():
        for position, text in enumerate(texts):
            db.session.add(FeedbackPhrase(scope=scope, text=text, position=position, active=True))
            count += 1
    db.session.flush()
    record(actor, "kalimat_umpan_balik.contoh", None, object_type="feedback_phrase",
           summary=f"{count} kalimat umpan balik contoh ditambahkan.")
    return count
