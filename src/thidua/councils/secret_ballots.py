"""Secret ballots of a session: the key drawn at opening, a ballot sealed when cast, the
counts opened at closing (ND 98/2023/NĐ-CP Điều 30.7: the council votes by secret ballot
on CSTĐ cơ sở, CSTĐ cấp tỉnh and Cờ thi đua). The cryptography and the threat model are
in ``councils.ballot_box``; this module stores and reads.
"""

from __future__ import annotations

import secrets

from django.utils.translation import gettext as _

from thidua.core.errors import DomainError
from thidua.councils import ballot_box
from thidua.councils.codes import ErrorCode
from thidua.councils.models import AgendaItem, CouncilSession, SecretBallot, VoteChoice

#: The order of a sealed ballot's ciphertexts (and of the counts opened at closing).
CHOICES = (VoteChoice.YES, VoteChoice.NO, VoteChoice.ABSTAIN)


def draw_key(session: CouncilSession) -> str:
    """Give ``session`` a fresh ballot key and return its tally code (mã kiểm phiếu),
    which is stored nowhere: the caller shows it once. Call on the locked session."""
    session.ballot_salt = secrets.token_hex(16)
    code = ballot_box.new_code()
    secret = ballot_box.secret_of(code, session.ballot_salt)
    session.ballot_key = format(ballot_box.public_of(secret), "x")
    return code


def key_fingerprint(session: CouncilSession) -> str:
    """The short name of the session's ballot key ("" when it has none)."""
    return ballot_box.fingerprint(int(session.ballot_key, 16)) if session.ballot_key else ""


def has_sealed_ballots(session: CouncilSession) -> bool:
    """Whether the session's secret ballot box holds ballots (closing needs the code)."""
    return bool(session.ballot_key) and SecretBallot.objects.filter(item__session=session).exists()


def seal(item: AgendaItem, session: CouncilSession, choice: str) -> SecretBallot:
    """Store a ballot for ``choice`` sealed under the session's key (no member, no time)."""
    public = int(session.ballot_key, 16)
    sealed = b"".join(
        ballot_box.encrypt(int(option == choice), public).dump() for option in CHOICES
    )
    return SecretBallot.objects.create(item=item, sealed=sealed)


def _ciphertexts(sealed: bytes) -> dict[str, ballot_box.Ciphertext]:
    """The three ciphertexts of a sealed ballot, by choice (in ``CHOICES`` order)."""
    size = 2 * ballot_box.WIDTH
    data = bytes(sealed)
    return {
        option.value: ballot_box.Ciphertext.load(data[i * size : (i + 1) * size])
        for i, option in enumerate(CHOICES)
    }


def _totals(item: AgendaItem) -> tuple[int, dict[str, ballot_box.Ciphertext]]:
    """The number of the item's sealed ballots and, by choice, the product of theirs."""
    boxes = [
        _ciphertexts(sealed)
        for sealed in SecretBallot.objects.filter(item=item).values_list("sealed", flat=True)
    ]
    return len(boxes), {
        option.value: ballot_box.product(box[option.value] for box in boxes) for option in CHOICES
    }


def secret_of_code(session: CouncilSession, code: str) -> int:
    """The ballot key's secret from the tally code, checked against the stored key."""
    if not ballot_box.normalise_code(code):
        raise DomainError(
            _(
                "Hãy nhập mã kiểm phiếu đã nhận khi khai mạc phiên họp: chỉ mã này mới "
                "mở được hòm phiếu kín."
            ),
            code=ErrorCode.TALLY_CODE,
        )
    secret = ballot_box.secret_of(code, session.ballot_salt)
    if format(ballot_box.public_of(secret), "x") != session.ballot_key:
        raise DomainError(
            _(
                "Mã kiểm phiếu không đúng. Hãy nhập đúng mã đã nhận khi khai mạc (30 chữ, "
                "nhóm 5 chữ cách nhau bằng dấu gạch)."
            ),
            code=ErrorCode.TALLY_CODE,
        )
    return secret


def open_counts(item: AgendaItem, session: CouncilSession, secret: int) -> dict[str, int]:
    """Decrypt the sums of the item's ballots (never one ballot) and store, on the item,
    each count with its proof; the counts add up to the number of ballots."""
    number, totals = _totals(item)
    counts: dict[str, int] = {}
    proofs: dict[str, object] = {"ballots": number}
    for option in CHOICES:
        proof = ballot_box.decrypt_count(totals[option.value], secret, number)
        counts[option.value] = proof.count
        proofs[option.value] = proof.dump()
    if sum(counts.values()) != number:
        raise DomainError(
            _("Hòm phiếu kín của nội dung “%(item)s” không hợp lệ: số phiếu không khớp.")
            % {"item": item},
            code=ErrorCode.TALLY_CODE,
        )
    item.tally_proof = proofs
    return counts


def counts_verified(item: AgendaItem, session: CouncilSession) -> bool:
    """Whether the counts stored on a closed item are the decryption of the product of
    its stored ballots under the session's key (checkable by anyone, without the code)."""
    if not item.tally_proof or not session.ballot_key:
        return False
    public = int(session.ballot_key, 16)
    number, totals = _totals(item)
    if item.tally_proof.get("ballots") != number:
        return False
    stored = {
        VoteChoice.YES: item.yes_count,
        VoteChoice.NO: item.no_count,
        VoteChoice.ABSTAIN: item.abstain_count,
    }
    for option in CHOICES:
        proof = ballot_box.CountProof.load(item.tally_proof[option.value])
        if proof.count != stored[option]:
            return False
        if not ballot_box.verify_count(totals[option.value], public, proof):
            return False
    return True
