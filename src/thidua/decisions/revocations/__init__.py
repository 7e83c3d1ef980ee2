"""Revocation of awards (Quyết định hủy bỏ quyết định khen thưởng; Luật Thi đua, khen
thưởng 2022, Chương VII): drafting, issuing through the workflow engine, the DOCX/PDF,
the effects on the award history and the public verification, the recovery of the
reward money and object."""
