from app.domain.enums import EmploymentStatus, PaperSize, PositionKind, Role


def test_values_are_member_names_and_labels_are_indonesian():
    assert PositionKind.ADMINISTRATOR.value == "ADMINISTRATOR"
    assert PositionKind.ADMINISTRATOR.label == "Administrator"
    assert Role("ADMIN").label == "Pengelola Kinerja"
    assert EmploymentStatus.PNS == "PNS"


def test_parse_accepts_member_name_label_and_member():
    assert PositionKind.parse("fungsional") is PositionKind.FUNGSIONAL
    assert PositionKind.parse(" Jpt ") is PositionKind.JPT
    assert PositionKind.parse(PositionKind.JPT) is PositionKind.JPT
    assert PositionKind.parse("Kepala") is None
    assert PaperSize.parse("f4") is PaperSize.F4
