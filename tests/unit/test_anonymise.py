"""The anonymisation check: accuracy over a labelled corpus, each kind's formats, redaction, the command."""

from __future__ import annotations

import io
import itertools
import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.anonymise import (
    KIND_LABELS,
    KINDS,
    NONE_FOUND,
    Hit,
    anonymise_command,
    check_digit,
    classify_ten_digits,
    find_identifiers,
    redact,
    valid_check_digit,
)
from tests.unit import identifier_corpus as corpus
from tests.unit import identifier_corpus_staff as staff

VALID_NHS = "9434765919"  # the NHS's own published example number


def found(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.text) for hit in find_identifiers(text)]


def with_check(first_nine: str) -> str:
    check = check_digit(first_nine)
    assert check is not None, f"{first_nine} has no valid check digit; pick another"
    return first_nine + str(check)


# --- Accuracy over the labelled corpus -------------------------------------


def test_corpus_recall_and_false_positive_rate() -> None:
    identified, clean = corpus.identifier_sentences(), corpus.clean_sentences()
    result, problems = corpus.score(find_identifiers, identified, clean)
    print()
    print("\n".join(result.lines()))
    assert result.recall >= 0.95, "\n".join(problems)
    assert result.false_positive_rate <= 0.05, "\n".join(problems)


def test_corpus_is_large_varied_and_labelled() -> None:
    identified, clean = corpus.identifier_sentences(), corpus.clean_sentences()
    assert len(identified) >= 200 and len(clean) >= 100
    kinds_planted = {plant.kind for sentence in identified for plant in sentence.planted}
    assert kinds_planted == set(KINDS)
    for sentence in identified:
        assert sentence.planted
        for plant in sentence.planted:
            span = sentence.text[plant.start : plant.end]
            assert span and span == span.strip(), (span, sentence.text)
    assert all(not sentence.planted for sentence in clean)


def test_corpus_is_deterministic() -> None:
    assert corpus.identifier_sentences() == corpus.identifier_sentences()
    assert corpus.clean_sentences() == corpus.clean_sentences()
    assert corpus.identifier_sentences(seed=1) != corpus.identifier_sentences(seed=2)


def test_corpus_numbers_carry_correct_check_digits() -> None:
    rng = random.Random(7)
    for make in (corpus.nhs_digits, corpus.chi_digits, corpus.hc_digits):
        for _ in range(200):
            assert valid_check_digit(make(rng))
    for _ in range(200):
        assert not valid_check_digit(corpus.wrong_check_digits(rng))


# --- Check digits and the kind of a ten-digit number ------------------------


def test_check_digit_of_the_published_example() -> None:
    assert check_digit(VALID_NHS[:9]) == 9
    assert valid_check_digit(VALID_NHS)
    assert found(f"NHS number {VALID_NHS}") == [("nhs_number", VALID_NHS)]


def test_check_digit_eleven_means_zero_and_ten_means_no_number() -> None:
    assert check_digit("000000000") == 0  # sum 0: 11 - 0 = 11, written 0
    assert check_digit("100000000") == 1  # sum 10: 11 - 10 = 1
    # Any nine digits whose weighted sum is 1 mod 11 would need a check digit of 10.
    ten = next(f"{n:09d}" for n in range(10**8, 10**9) if check_digit(f"{n:09d}") is None)
    assert 11 - sum(int(d) * w for d, w in zip(ten, range(10, 1, -1), strict=True)) % 11 == 10
    for last in "0123456789":
        assert not valid_check_digit(ten + last)
        assert found(f"order {ten + last}") == []
        # Labelled, it is reported anyway: the writer says whose number it is.
        assert found(f"NHS number {ten + last}") == [("nhs_number", ten + last)]


def test_every_single_digit_typo_and_transposition() -> None:
    typos = set()
    for i, digit in enumerate(VALID_NHS):
        for other in "0123456789":
            if other != digit:
                typos.add(VALID_NHS[:i] + other + VALID_NHS[i + 1 :])
    for i in range(9):
        a, b = VALID_NHS[i], VALID_NHS[i + 1]
        if a != b:
            typos.add(VALID_NHS[:i] + b + a + VALID_NHS[i + 2 :])
    assert len(typos) > 90
    for typo in sorted(typos):
        spaced = f"{typo[:3]} {typo[3:6]} {typo[6:]}"
        # Unlabelled, the check digit catches it: not an NHS number.
        assert found(f"reference {spaced}, mistyped") == [], spaced
        # Labelled, it still identifies the patient the writer meant.
        assert found(f"NHS number {spaced}, mistyped") == [("nhs_number", spaced)], spaced


@pytest.mark.parametrize(
    ("first_nine", "preceding", "kind"),
    [
        ("320000000", "", "hc_number"),  # 320 000 000 + check digit 7: inside the range
        ("399999999", "", "hc_number"),
        ("343215346", "H&C ", "hc_number"),
        ("120357123", "", "chi_number"),  # 12/03/57
        ("290260123", "", "chi_number"),  # 29 February 1960 (leap year)
        ("290261123", "", "nhs_number"),  # 29 February 1961: no such date
        ("310290123", "", "nhs_number"),  # 31 February: not a date, not CHI shape
        ("310290123", "CHI number: ", "chi_number"),  # ...unless the writer says CHI
        ("943476591", "", "nhs_number"),
        ("600000000", "", "nhs_number"),
        ("319999999", "", "nhs_number"),  # below the H&C range, day 31 month 99
    ],
)
def test_classification_of_ten_digit_numbers(first_nine: str, preceding: str, kind: str) -> None:
    digits = next(
        with_check(f"{int(first_nine) + step:09d}")
        for step in range(0, 50)
        if check_digit(f"{int(first_nine) + step:09d}") is not None
        and f"{int(first_nine) + step:09d}"[:6] == first_nine[:6]
    )
    assert classify_ten_digits(digits, preceding) == kind
    assert found(f"{preceding}{digits}") == [(kind, digits)]


def test_health_and_care_range_edges() -> None:
    below = next(n for n in range(3_199_999_999, 3_100_000_000, -1) if valid_check_digit(str(n)))
    assert classify_ten_digits(str(below)) != "hc_number"
    top = next(n for n in range(3_999_999_999, 3_900_000_000, -1) if valid_check_digit(str(n)))
    assert classify_ten_digits(str(top)) == "hc_number"
    above = next(n for n in range(4_000_000_000, 4_100_000_000) if valid_check_digit(str(n)))
    assert classify_ten_digits(str(above)) == "nhs_number"


# --- Each kind's formats ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS number 943 476 5919.", [("nhs_number", "943 476 5919")]),
        ("nhs no: 943-476-5919", [("nhs_number", "943-476-5919")]),
        ("NHS no.9434765919 confirmed", [("nhs_number", "9434765919")]),
        ("9434765919 was on the request", [("nhs_number", "9434765919")]),
        ("(943 476 5919)", [("nhs_number", "943 476 5919")]),
        ("DOB: 12/03/1957", [("date_of_birth", "12/03/1957")]),
        ("D.O.B. 12-03-1957", [("date_of_birth", "12-03-1957")]),
        ("date of birth 12 March 1957", [("date_of_birth", "12 March 1957")]),
        ("Date of Birth: 12th of March 1957", [("date_of_birth", "12th of March 1957")]),
        ("born on 1957-03-12", [("date_of_birth", "1957-03-12")]),
        ("born 3/4/62 in Leeds", [("date_of_birth", "3/4/62")]),
        ("dob 12.03.57", [("date_of_birth", "12.03.57")]),
        ("DOB12/03/1957", [("date_of_birth", "12/03/1957")]),
        ("DOB: 12 / 03 / 1957", [("date_of_birth", "12 / 03 / 1957")]),
        ("date of birth was the 12th of March 1957", [("date_of_birth", "12th of March 1957")]),
        ("born March 12, 1957", [("date_of_birth", "March 12, 1957")]),
        ("12 Mar 1957 (DOB)", [("date_of_birth", "12 Mar 1957")]),
        ("MRN: A1234567", [("hospital_number", "A1234567")]),
        ("MRN12345678 on the form", [("hospital_number", "12345678")]),
        ("hospital no. 1234567", [("hospital_number", "1234567")]),
        ("Hospital Number RX1234567", [("hospital_number", "RX1234567")]),
        ("Patient ID: P-0012345", [("hospital_number", "P-0012345")]),
        ("PAS number 12345678", [("hospital_number", "12345678")]),
        ("RIS no. RIS998877", [("hospital_number", "RIS998877")]),
        ("accession number ACC-2024-001234", [("hospital_number", "ACC-2024-001234")]),
        ("K number K123456", [("hospital_number", "K123456")]),
        ("unit number 0012345", [("hospital_number", "0012345")]),
        ("case number 2024/0123", [("hospital_number", "2024/0123")]),
        ("lives at SW1A 1AA.", [("postcode", "SW1A 1AA")]),
        ("M1 1AE", [("postcode", "M1 1AE")]),
        ("Birmingham B33 8TH", [("postcode", "B33 8TH")]),
        ("cr2 6xh", [("postcode", "cr2 6xh")]),
        ("DN551PT", [("postcode", "DN551PT")]),
        ("EC1A 1BB", [("postcode", "EC1A 1BB")]),
        ("call 0161 496 0000", [("phone", "0161 496 0000")]),
        ("020 7946 0000", [("phone", "020 7946 0000")]),
        ("mobile 07700 900123", [("phone", "07700 900123")]),
        ("mobile 07700900123.", [("phone", "07700900123")]),
        ("+44 7700 900123", [("phone", "+44 7700 900123")]),
        ("+44 (0)161 496 0000", [("phone", "+44 (0)161 496 0000")]),
        ("(0161) 496 0000", [("phone", "(0161) 496 0000")]),
        ("0800 123 4567 helpline", [("phone", "0800 123 4567")]),
        ("call 0161 496 0000 12 times", [("phone", "0161 496 0000")]),
        ("email jane.patel@nhs.net.", [("email", "jane.patel@nhs.net")]),
        ("J.SMITH+rad@Trust.NHS.UK", [("email", "J.SMITH+rad@Trust.NHS.UK")]),
    ],
)
def test_formats_of_each_kind(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr Jane Patel reviewed it", ["Jane Patel"]),
        ("Mrs O'Neill was informed", ["O'Neill"]),
        ("Mr Smith-Jones", ["Smith-Jones"]),
        ("Prof. McDonald and Dr. A. Okonkwo-Smith", ["McDonald", "A. Okonkwo-Smith"]),
        ("Mx TAYLOR", ["TAYLOR"]),
        ("Ms Zoë D'Souza", ["Zoë D'Souza"]),
        ("Miss J Hughes", ["J Hughes"]),
        ("Dr Ward was on call", ["Ward"]),
        ("the patient John Smith was scanned", ["John Smith"]),
        ("patient named John Smith", ["John Smith"]),
        ("name: John Smith", ["John Smith"]),
        ("Name - John Smith", ["John Smith"]),
        ("Patient's name: JOHN SMITH", ["JOHN SMITH"]),
        ("radiographer Sarah Jones pressed the exposure", ["Sarah Jones"]),
        ("referred by Callum Ward", ["Callum Ward"]),
        ("Reported by Sister Jones on the ward", ["Jones"]),
        ("Next of kin: Mary Brown (wife)", ["Mary Brown"]),
        ("Mr Smith's scan", ["Smith"]),
        ("Dr van der Merwe said", ["van der Merwe"]),
        ("patient: SMITH, John", ["SMITH, John"]),
        ("Name: O'NEILL, Mary-Anne", ["O'NEILL, Mary-Anne"]),
    ],
)
def test_names_only_the_name_is_the_hit(text: str, expected: list[str]) -> None:
    hits = find_identifiers(text)
    assert [hit.kind for hit in hits] == ["name"] * len(expected)
    assert [hit.text for hit in hits] == expected


@pytest.mark.parametrize(
    "text",
    [
        "reference 943 476 5918, mistyped",  # wrong check digit, no label
        "serial number 1234567890",
        "serial number 9434765919; lot 9434765919; batch no. 9434765919",  # labelled as things
        "image 1234567891 was re-sent to PACS",  # an unlabelled accession number, wrong check digit
        "NHS 111 advised attendance; NHS Trust 2024 audit; CHI was checked at 14:35",
        "The Dr on call was informed.",
        "the patient was calm; Patient safety was not affected.",
        "The Patient Safety Team met; Patient Information Leaflet given; Patient Group Direction followed.",
        "Protocol name: CT Chest Abdomen Pelvis",
        "The patient was scanned on 12/03/2024 on CT2.",
        "The error was discovered 20/11/2026 at 14:35.",
        "born prematurely, scanned on 12/03/2024",
        "The patient, born in 1980, was scanned on 01/02/2024.",
        "Room 4B, fraction 3 of 5, 400 MBq, 1.2 mSv, 7.4 GBq, 2 Gy, 450 mGy cm, 72 kg",
        "aged 54, at 14:35, 25% over, a ratio of 1:10, criterion 4.2b, regulation 8(4)",
        "CT2 2nd floor; linac LA3 3rd fraction; T2 3mm slices; T1 2Gy",
        "ext 4567; bleep 1234; 1 in 10000",
        "unit number 4B; case no 12; patient number 3 of 5",
        "Datix W123456 opened on 20/11/2026; version 3.2.1",
        "The MR Knee and DR Chest lists ran late.",
        "The ARSAC practitioner licence covers the procedure.",
        "Activity 0.5 GBq at 09:30; 01-03-2024; 2024-03-12",
        "Consultant Clinical Oncologist reviewed; performed by Nuclear Medicine",
        "name: CT abdomen repeated; name: SIRT work-up; name: Tc-99m MAA given",
        "Patient CT, Head and Neck; Staff involved: Radiographer A and Radiographer B",
        "Send it to IRMER@cqc.org.uk or hcis.irmer@nhs.net",  # the authorities' own mailboxes
        "Transferred to Dr Gray's Hospital, Elgin, and to James Cook University Hospital.",  # places named after people
    ],
)
def test_tempting_non_identifiers_are_not_flagged(text: str) -> None:
    assert find_identifiers(text) == []


def test_only_the_authorities_mailboxes_are_exempt() -> None:
    assert found("jane.patel@cqc.org.uk and IRMER@cqc.org.uk") == [("email", "jane.patel@cqc.org.uk")]


def test_exam_date_next_to_a_birth_date_is_left_alone() -> None:
    text = "DOB 12/03/1957, scanned on 14/03/2024 at 10:30."
    assert found(text) == [("date_of_birth", "12/03/1957")]


# --- Hits: offsets, order, overlaps -----------------------------------------


def test_hit_offsets_and_json() -> None:
    text = "Patient: Dr Jane Patel\nNHS 943 476 5919"
    hits = find_identifiers(text)
    assert [h.to_json() for h in hits] == [
        {"kind": "name", "start": 12, "end": 22, "text": "Jane Patel"},
        {"kind": "nhs_number", "start": 27, "end": 39, "text": "943 476 5919"},
    ]
    assert all(text[h.start : h.end] == h.text for h in hits)


def test_overlapping_candidates_keep_the_more_specific() -> None:
    # A hospital-number label before a checked NHS number: one hit, the NHS number.
    assert found("hospital number 9434765919") == [("nhs_number", "9434765919")]
    # A ten-digit number inside a longer phone number: the phone, which is longer.
    assert found("tel +44 161 496 0000") == [("phone", "+44 161 496 0000")]


def test_every_kind_has_a_label() -> None:
    assert set(KIND_LABELS) == set(KINDS)
    assert all(KIND_LABELS[kind] for kind in KINDS)


_FRAGMENTS = st.sampled_from(
    [
        "Dr Jane Patel ",
        "NHS 943 476 5919 ",
        "DOB 12/03/1957 ",
        "SW1A 1AA ",
        "0161 496 0000 ",
        "a@b.co ",
        "MRN A123456 ",
        "patient ",
        "Smith ",
        "12/03/2024 ",
        "400 MBq ",
        "-",
        " ",
        "\n",
        "0",
        "7",
        "A",
        "(",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=8)), max_size=25).map("".join))
def test_hits_are_sorted_disjoint_and_true_to_the_text(text: str) -> None:
    hits = find_identifiers(text)
    for hit in hits:
        assert hit.kind in KINDS
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.text
    for first, second in itertools.pairwise(hits):
        assert first.end <= second.start
    assert len(redact(text, hits, placeholder="")) == len(text) - sum(hit.end - hit.start for hit in hits)


# --- redact() -----------------------------------------------------------------


def test_redact_replaces_every_hit() -> None:
    text = "Mrs O'Neill, DOB 12/03/1957, NHS 943 476 5919, was scanned on 14/03/2024 on CT2."
    assert redact(text) == "Mrs [REDACTED], DOB [REDACTED], NHS [REDACTED], was scanned on 14/03/2024 on CT2."
    assert redact(text, placeholder="█") == "Mrs █, DOB █, NHS █, was scanned on 14/03/2024 on CT2."


def test_redact_with_given_hits_only_replaces_those() -> None:
    text = "Dr Jane Patel, NHS 943 476 5919"
    only_name = [hit for hit in find_identifiers(text) if hit.kind == "name"]
    assert redact(text, only_name) == "Dr [REDACTED], NHS 943 476 5919"
    assert redact(text, []) == text


def test_redact_merges_overlapping_hits() -> None:
    text = "abcdefghij"
    hits = [Hit("name", 2, 6, "cdef"), Hit("name", 4, 8, "efgh"), Hit("name", 8, 9, "i")]
    assert redact(text, hits) == "ab[REDACTED]j"


def test_redact_refuses_hits_from_another_text() -> None:
    with pytest.raises(ValueError, match="not in this text"):
        redact("short", [Hit("name", 0, 5, "other")])
    with pytest.raises(ValueError, match="not in this text"):
        redact("short", [Hit("name", 3, 20, "rt")])


def test_empty_text() -> None:
    assert find_identifiers("") == []
    assert redact("") == ""


def test_ten_thousand_characters() -> None:
    filler = "The patient was scanned on 12/03/2024 on CT2; DLP 450 mGy cm, 400 MBq, fraction 3 of 5. "
    planted = ["NHS 943 476 5919 ", "Dr Jane Patel ", "DOB 01/02/1960 ", "postcode LS1 4AP "]
    pieces: list[str] = []
    while sum(map(len, pieces)) < 10_000:
        pieces.append(filler)
    pieces.insert(0, planted[0])
    pieces.insert(len(pieces) // 2, planted[1])
    pieces.insert(len(pieces) // 2 + 7, planted[2])
    pieces.append(planted[3])
    text = "".join(pieces)
    assert len(text) > 10_000
    assert found(text) == [
        ("nhs_number", "943 476 5919"),
        ("name", "Jane Patel"),
        ("date_of_birth", "01/02/1960"),
        ("postcode", "LS1 4AP"),
    ]
    assert len(redact(text)) == len(text) - sum(h.end - h.start for h in find_identifiers(text)) + 4 * len("[REDACTED]")


# --- The command ----------------------------------------------------------------

SAMPLE = "Incident on CT2.\nPatient: Mrs Doreen Clarke, NHS 943 476 5919\nDOB 4/7/39, scanned on 12/03/2024.\n"


def _write(tmp_path: Path, text: str | bytes, name: str = "draft.txt") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def test_command_lists_hits_with_line_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert anonymise_command(_write(tmp_path, SAMPLE), as_json=False, redact=False) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "2:14  name (name)  'Doreen Clarke'",
        "2:33  nhs_number (NHS number)  '943 476 5919'",
        "3:5  date_of_birth (date of birth)  '4/7/39'",
        "3 identifiers found: 1 name, 1 NHS number, 1 date of birth.",
    ]


def test_command_with_no_file_name_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert anonymise_command("", as_json=False, redact=False) == 2
    assert "No file given" in capsys.readouterr().err


def test_line_and_column_of_the_first_last_and_middle_characters() -> None:
    from assistant.anonymise import line_and_column, line_starts

    starts = line_starts("ab\ncd\n\nef")
    assert [line_and_column(starts, n) for n in (0, 1, 2, 3, 5, 6, 7, 8)] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (4, 1), (4, 2)
    ]  # fmt: skip


def test_command_clean_file_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert anonymise_command(_write(tmp_path, "Scanned on CT2 at 14:35, 400 MBq."), as_json=False, redact=False) == 0
    assert capsys.readouterr().out == NONE_FOUND + "\n"
    assert "can miss a name" in NONE_FOUND, "a clean check never claims the draft is clean"


def test_command_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert anonymise_command(_write(tmp_path, ""), as_json=True, redact=False) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_command_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert anonymise_command(_write(tmp_path, SAMPLE), as_json=True, redact=False) == 1
    hits = json.loads(capsys.readouterr().out)
    assert isinstance(hits, list) and len(hits) == 3
    for hit in hits:
        assert set(hit) == {"kind", "start", "end", "text"}
        assert SAMPLE[hit["start"] : hit["end"]] == hit["text"]
    assert [hit["kind"] for hit in hits] == ["name", "nhs_number", "date_of_birth"]


def test_command_redact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert anonymise_command(_write(tmp_path, SAMPLE), as_json=False, redact=True) == 1
    assert capsys.readouterr().out == (
        "Incident on CT2.\nPatient: Mrs [REDACTED], NHS [REDACTED]\nDOB [REDACTED], scanned on 12/03/2024.\n"
    )
    assert anonymise_command(_write(tmp_path, "clean text\n", "clean.txt"), as_json=False, redact=True) == 0
    assert capsys.readouterr().out == "clean text\n"


def test_command_json_and_redact_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert anonymise_command(_write(tmp_path, SAMPLE), as_json=True, redact=True) == 1
    both = json.loads(capsys.readouterr().out)
    assert len(both["hits"]) == 3 and "[REDACTED]" in both["redacted"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: str(tmp / "missing.txt"), "No such file"),
        (lambda tmp: str(tmp), "is a folder"),
        (lambda tmp: _write(tmp, b"Caf\xe9 latte, NHS 943 476 5919", "latin1.txt"), "is not UTF-8 text"),
    ],
)
def test_command_unreadable_input_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], str], message: str
) -> None:
    source = make(tmp_path)
    assert anonymise_command(source, as_json=False, redact=False) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("irmer: ") and message in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_command_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b"call 0161 496 0000\n")
    assert anonymise_command("-", as_json=True, redact=False) == 1
    assert json.loads(capsys.readouterr().out) == [{"kind": "phone", "start": 5, "end": 18, "text": "0161 496 0000"}]


def test_command_non_utf8_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b"\xff\xfeN\x00H\x00S\x00")
    assert anonymise_command("-", as_json=False, redact=False) == 2
    err = capsys.readouterr().err
    assert err.startswith("irmer: standard input is not UTF-8 text")


def test_the_real_command(tmp_path: Path) -> None:
    path = _write(tmp_path, SAMPLE)
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "anonymise", path, "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr
    assert [hit["kind"] for hit in json.loads(run.stdout)] == ["name", "nhs_number", "date_of_birth"]
    piped = subprocess.run(
        [sys.executable, "-m", "assistant", "anonymise", "-", "--redact"],
        input="Scanned on CT2.\n",
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (piped.returncode, piped.stdout) == (0, "Scanned on CT2.\n")
    missing = subprocess.run(
        [sys.executable, "-m", "assistant", "anonymise", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert missing.returncode == 2 and missing.stderr.startswith("irmer: No such file") and not missing.stdout


def test_name_after_patient_details_label() -> None:
    text = "Patient details: Jane Doe, seen in Room 3. Patient identified as Omar Haddad on the wristband."
    names = [h.text for h in find_identifiers(text) if h.kind == "name"]
    assert names == ["Jane Doe", "Omar Haddad"]


# --- Leaks found in reviewed incident prose: each must be caught --------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Pt: John Smith was brought down.", [("name", "John Smith")], id="pt-colon"),
        pytest.param("pt. Aisha Khan in bay 4", [("name", "Aisha Khan")], id="pt-dot"),
        pytest.param("Patient: Smith, John", [("name", "Smith, John")], id="surname-comma-first-mixed"),
        pytest.param("Name: O'Brien, Siobhan", [("name", "O'Brien, Siobhan")], id="surname-comma-first-apostrophe"),
        pytest.param(
            "Okoro, Chinedu (DOB 23/11/1961)",
            [("name", "Okoro, Chinedu"), ("date_of_birth", "23/11/1961")],
            id="surname-comma-first-before-dob",
        ),
        pytest.param("Wristband: HOLLOWAY, Dennis", [("name", "HOLLOWAY, Dennis")], id="upper-surname-anywhere"),
        pytest.param("The patient (Jane Doe) was scanned twice.", [("name", "Jane Doe")], id="patient-brackets"),
        pytest.param("Patient JOHN SMITH attended.", [("name", "JOHN SMITH")], id="all-caps-after-patient"),
        pytest.param("Pt: MARY O'NEILL", [("name", "MARY O'NEILL")], id="all-caps-after-pt"),
        pytest.param("I spoke to Ahmed about the repeat.", [("name", "Ahmed")], id="spoke-to"),
        pytest.param("The radiographer spoke with Imogen.", [("name", "Imogen")], id="spoke-with"),
        pytest.param("The daughter, Mary, was present.", [("name", "Mary")], id="daughter-comma"),
        pytest.param("her husband Tomasz drove her in", [("name", "Tomasz")], id="husband"),
        pytest.param("Mother's name Fatima", [("name", "Fatima")], id="mothers-name-no-colon"),
        pytest.param("first name Callum, surname unknown", [("name", "Callum")], id="first-name-no-colon"),
        pytest.param("next of kin: Peter", [("name", "Peter")], id="next-of-kin-one-word"),
        pytest.param("Next of kin: PETER JONES", [("name", "PETER JONES")], id="next-of-kin-caps"),
        pytest.param("NOK: Sandra Bell", [("name", "Sandra Bell")], id="nok"),
        pytest.param("Mr Justice Barnes", [("name", "Justice Barnes")], id="judge"),
        pytest.param("D.O.B 1956/07/02", [("date_of_birth", "1956/07/02")], id="dob-year-first-slashes"),
        pytest.param("DOB 1956.07.02", [("date_of_birth", "1956.07.02")], id="dob-year-first-dots"),
        pytest.param("DOB: 2/7/56", [("date_of_birth", "2/7/56")], id="dob-short"),
        pytest.param("(DOB: 2/7/56)", [("date_of_birth", "2/7/56")], id="dob-short-brackets"),
        pytest.param("CHI number 0101011234", [("chi_number", "0101011234")], id="chi-number-bad-check"),
        pytest.param("CHI 0101011234", [("chi_number", "0101011234")], id="chi-bad-check"),
        pytest.param("H&C number 3334445556", [("hc_number", "3334445556")], id="hc-bad-check"),
        pytest.param("NHS no. 123 456 7890", [("nhs_number", "123 456 7890")], id="nhs-no-spaced-bad-check"),
        pytest.param("NHS number: 1234567890", [("nhs_number", "1234567890")], id="nhs-number-bad-check"),
        pytest.param("NHS no 123 456 789 (a digit short)", [("nhs_number", "123 456 789")], id="nhs-nine-digits"),
        pytest.param(
            "14 Acacia Avenue, Little Whinging, Surrey",
            [("address", "14 Acacia Avenue, Little Whinging, Surrey")],
            id="address-with-towns",
        ),
        pytest.param(
            "Flat 3, 22 Station Road, Leeds", [("address", "Flat 3, 22 Station Road, Leeds")], id="address-flat"
        ),
        pytest.param("lives at 5 Mill Lane", [("address", "5 Mill Lane")], id="address-lives-at"),
        pytest.param(
            "Apartment 12, 7a St Mary's Close, Stoke-on-Trent",
            [("address", "Apartment 12, 7a St Mary's Close, Stoke-on-Trent")],
            id="address-apartment",
        ),
        pytest.param("3 Grey St., Newcastle upon Tyne", [("address", "3 Grey St., Newcastle upon Tyne")], id="st"),
        pytest.param(
            "Address: 12 High Street, SW1A 1AA.",
            [("address", "12 High Street"), ("postcode", "SW1A 1AA")],
            id="address-then-postcode",
        ),
        pytest.param(
            "accession number 1234567890", [("hospital_number", "1234567890")], id="accession-ten-digits-labelled"
        ),
    ],
)
def test_reviewed_leaks_are_caught(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Room 3, Bay 2, Ward 22, Station 4",
        "3 Gy to the Lung; 2 Gy to the Heart",
        "Linac 2 Park position was not reached",
        "a 6 Minute Walk test before the study",
        "Couch 2 Park setting; fraction 3 of 15",
        "2 Lane Fox unit referral",
        "Patient CT HEAD request; Patient HEAD CT",
        "Patient DNA TWICE; patient WRONG SIDE imaged; Patient DID NOT ATTEND",
        "URGENT, Please note; CT, Head and Neck; PACS, Datix and RIS",
        "In Leeds, Bradford and York 3 patients were recalled.",
        "I spoke to Radiology, spoke with Pharmacy and spoke to Occupational Health.",
        "The daughter was present; next of kin informed; Mother's name field blank.",
        "Bed 4 Rose Court was full; Level 2 Main Court outpatients; taken to 3 West Park ward",
        "Nuclear medicine therapy (e.g. I-131, SIRT, Lu-177)",
        "Pt: Male, 54, CT KUB. Spoke to Ops. The scanner's name Aquilion was wrong.",
    ],
)
def test_tempting_places_and_phrases(text: str) -> None:
    assert find_identifiers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lives at number 5 Mill Lane", "5 Mill Lane"),
        ("flat 3, 22 Station Road", "flat 3, 22 Station Road"),
        ("3-5 Holly Bush Row, Bangor", "3-5 Holly Bush Row, Bangor"),
        (
            "12b O'Connell Street, Newcastle upon Tyne, Tyne and Wear.",
            "12b O'Connell Street, Newcastle upon Tyne, Tyne and Wear",
        ),
    ],
)
def test_address_edges(text: str, expected: str) -> None:
    assert found(text) == [("address", expected)]


def test_after_a_title_a_comma_ends_the_name() -> None:
    # "Dr Smith, John's consultant": John is not Dr Smith's first name.
    assert found("Dr Smith, John's consultant, was told.") == [("name", "Smith")]


def test_label_decides_the_kind_even_with_a_valid_check_digit() -> None:
    chi_shaped = with_check("120357123")  # 12/03/57: alone, read as CHI
    assert found(chi_shaped) == [("chi_number", chi_shaped)]
    assert found(f"NHS number {chi_shaped}") == [("nhs_number", chi_shaped)]
    assert found(f"H&C no. {VALID_NHS}") == [("hc_number", VALID_NHS)]


def test_labelled_number_stops_at_eleven_digits() -> None:
    assert found("NHS no 943 476 5919 12 times") == [("nhs_number", "943 476 5919")]
    assert found("NHS no 12345678 on file") == []  # eight digits: not an NHS number, mistyped or not


def test_summary_names_addresses() -> None:
    from assistant.anonymise import summary

    hits = find_identifiers("lives at 5 Mill Lane and 9 Orchard Close")
    assert summary(hits) == "2 identifiers found: 2 street addresses."


# --- Hand-written sentences (not from the corpus templates) -------------------


@pytest.mark.parametrize(
    ("text", "expected"), corpus.HAND_WRITTEN, ids=[f"hand-{i}" for i in range(len(corpus.HAND_WRITTEN))]
)
def test_hand_written_sentences(text: str, expected: tuple[tuple[str, str], ...]) -> None:
    assert tuple(found(text)) == expected


def test_hand_written_set_is_large_and_mixed() -> None:
    with_hits = [expected for _, expected in corpus.HAND_WRITTEN if expected]
    assert len(corpus.HAND_WRITTEN) >= 20
    assert len(with_hits) >= 15 and len(corpus.HAND_WRITTEN) - len(with_hits) >= 5
    assert {"name", "date_of_birth", "nhs_number", "chi_number", "hc_number", "address"} <= {
        kind for expected in with_hits for kind, _ in expected
    }


# --- Incident notes as staff write them (a second, separately written set) ---


def test_staff_written_set_misses_only_what_is_listed_and_flags_nothing_clean() -> None:
    misses, false = staff.misses_and_false_positives(find_identifiers)
    assert sorted(misses) == sorted(staff.KNOWN_MISSES)
    assert false == []
    assert len(staff.TEXTS) >= 90 and len(staff.CLEAN) >= 25


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A person on a ward or in a clinic is not a place: only capitalised words carry a place's name on.
        pytest.param("Mrs Jones on Ward 7 had a CXR", [("name", "Jones")], id="title-then-ward"),
        pytest.param("Dr Patel in Clinic 3 requested it", [("name", "Patel")], id="title-then-clinic"),
        pytest.param("Mrs O'Neill lives in Park Road", [("name", "O'Neill")], id="title-then-road"),
        pytest.param("Dr Smith and Dr Ward were on call", [("name", "Smith"), ("name", "Ward")], id="two-doctors"),
        # Titles typed in lower case.
        pytest.param("pt (mrs hope) had L knee xr", [("name", "hope")], id="mrs-lower"),
        pytest.param("mr thomas (bed 4) had CT. dr ahmed aware.", [("name", "thomas"), ("name", "ahmed")], id="mr-dr"),
        pytest.param("mrs Jones had CT; dr Patel reviewed", [("name", "Jones"), ("name", "Patel")], id="lower-title"),
        pytest.param("pt mcdonald had CT", [("name", "mcdonald")], id="pt-lower-surname"),
        # Quoted names, form fields from PAS, an upper-case surname before the first name.
        pytest.param("called for 'Mr Evans' twice", [("name", "Evans")], id="single-quotes"),
        pytest.param("Surname: MACLEAN Forename: Kirsteen", [("name", "MACLEAN"), ("name", "Kirsteen")], id="pas-form"),
        pytest.param("Forename(s): Patrick Joseph", [("name", "Patrick Joseph")], id="forenames"),
        pytest.param("pt ANWAR Hussain attended", [("name", "ANWAR Hussain")], id="upper-surname-first"),
        # Relatives called Mum or Dad, and in brackets; staff nurses by first name.
        pytest.param("Mum (Kayleigh) present; dad Craig too", [("name", "Kayleigh"), ("name", "Craig")], id="mum"),
        pytest.param("husband (John) informed", [("name", "John")], id="relative-bracket"),
        pytest.param("Staff nurse Bernie escorted", [("name", "Bernie")], id="staff-nurse"),
        pytest.param(
            "CT meant for Rose Bishop was done on Hope Mark",
            [("name", "Rose Bishop"), ("name", "Hope Mark")],
            id="done-on",
        ),
        # Welsh and Irish surname particles.
        pytest.param("Mr Dewi ab Iorwerth", [("name", "Dewi ab Iorwerth")], id="welsh-ab"),
        pytest.param("Mr Seán Ó Murchú", [("name", "Seán Ó Murchú")], id="irish-o"),
        # Dates of birth run together, with a 'YY year, after "b.", after a few words and a colon.
        pytest.param("DOB 12031951", [("date_of_birth", "12031951")], id="dob-eight-digits"),
        pytest.param("dob 120351", [("date_of_birth", "120351")], id="dob-six-digits"),
        pytest.param("DoB 12th March '51", [("date_of_birth", "12th March '51")], id="dob-apostrophe-year"),
        pytest.param("b. 12/03/1951", [("date_of_birth", "12/03/1951")], id="dob-b-dot"),
        pytest.param("DOB of pt exposed: 09/09/1949", [("date_of_birth", "09/09/1949")], id="dob-words-colon"),
        # A full date in the last century is a birth date wherever it stands.
        pytest.param("recorded as 04/03/1951 on the request", [("date_of_birth", "04/03/1951")], id="old-date"),
        pytest.param("born in the 1940s (4 April 1944)", [("date_of_birth", "4 April 1944")], id="old-date-words"),
        # Hospital numbers: the label after, or labels written "Hosp#", "PAS:", "ID:", CRN, URN.
        pytest.param("ref RX9988776 (hospital number)", [("hospital_number", "RX9988776")], id="label-after"),
        pytest.param("K234567 (K no)", [("hospital_number", "K234567")], id="k-no-after"),
        pytest.param("RX1234567 (MRN)", [("hospital_number", "RX1234567")], id="mrn-after"),
        pytest.param("Hosp#RX7654321", [("hospital_number", "RX7654321")], id="hosp-hash"),
        pytest.param("PAS: RX1234567", [("hospital_number", "RX1234567")], id="pas-colon"),
        pytest.param("ID: RX1234567", [("hospital_number", "RX1234567")], id="id-colon"),
        pytest.param(
            "CRN 12345678; URN 1234567", [("hospital_number", "12345678"), ("hospital_number", "1234567")], id="crn-urn"
        ),
        pytest.param("Case note no. CN123456", [("hospital_number", "CN123456")], id="case-note"),
        pytest.param("Trust no T1234567", [("hospital_number", "T1234567")], id="trust-no"),
        pytest.param("Order number: ORD123456", [("hospital_number", "ORD123456")], id="order-number"),
        # Names pasted from PAS and RIS in capitals, and a capital title before a known name.
        pytest.param("Name: SMITH, JOHN", [("name", "SMITH, JOHN")], id="pas-capitals"),
        pytest.param("RIS: JONES, MARY, F, 67y", [("name", "JONES, MARY")], id="ris-capitals-sex-age"),
        pytest.param("MR JOHN SMITH WAS SCANNED TWICE", [("name", "JOHN SMITH")], id="capital-title"),
        # A title then a month or a day that is a given name; an initial before a known surname.
        pytest.param(
            "Mrs June Smith and Miss April Jones",
            [("name", "June Smith"), ("name", "April Jones")],
            id="calendar-given-names",
        ),
        pytest.param(
            "mrs june smith had CT; pt: mr t nowak",
            [("name", "june smith"), ("name", "t nowak")],
            id="lower-calendar-and-initial",
        ),
        # More given names; a baby by first name; a name just before "(pt".
        pytest.param("Kyle Brennan had a CT head", [("name", "Kyle Brennan")], id="more-given-names"),
        pytest.param("XR chest for baby Ivy Campbell", [("name", "Ivy Campbell")], id="baby"),
        pytest.param(
            "Heather (pt) said; Alasdair (pt, 44) was", [("name", "Heather"), ("name", "Alasdair")], id="name-before-pt"
        ),
        # Radiotherapy and imaging numbers; numbers written in groups; a prison number.
        pytest.param("RTX 4456721 (RT number)", [("hospital_number", "RTX 4456721")], id="rt-number-after"),
        pytest.param("Oncology no 1234567", [("hospital_number", "1234567")], id="oncology-no"),
        pytest.param("MRN: 123 456 7", [("hospital_number", "123 456 7")], id="grouped-digits"),
        pytest.param("Hosp No. RX1 234567", [("hospital_number", "RX1 234567")], id="grouped-letters-digits"),
        pytest.param("prisoner number A1234BC", [("hospital_number", "A1234BC")], id="prison-number"),
        pytest.param(
            "Flat 4, 19 Marine Parade, Scarborough", [("address", "Flat 4, 19 Marine Parade, Scarborough")], id="parade"
        ),
        # Welsh street addresses name the street first.
        pytest.param("Flat 3, 22 Heol y Parc, Caerdydd", [("address", "Flat 3, 22 Heol y Parc, Caerdydd")], id="heol"),
        pytest.param("4 Stryd Fawr, Bala", [("address", "4 Stryd Fawr, Bala")], id="stryd"),
    ],
)
def test_staff_phrasing_is_caught(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "wrong pt. Discovered by radiographer on PACS check",
        "pt Bariatric protocol used; pt Transferred to CT; Pt Discharged same day; pt Consented verbally",
        "pt Unable to confirm ID; pt Confused, ID from wristband; The pt Alert and orientated",
        "Pt: Inpatient, Ward 7B. ID checked by Staff Nurse. Escorted by Porter.",
        "Cardiff and Vale UHB, Betsi Cadwaladr UHB, Aneurin Bevan UHB",
        "AMU, Bay 3. CDU, Side Room 1. RTT, Linac 2.",
        "Ysbyty Gwynedd, Morriston Hospital, Prince Charles Hospital",
        "Requested for Query Fracture of Neck of Femur",
        "Datix ID: 123456 raised; serial ID: 99887766",
        "Guidance of 19 April 2023; policy dated 01/02/2015; scanned 12/03/2026",
        "mr knee, mr prostate and dr room 2 booked; ms relapse query",
        "Done on Monday, performed on Ward 7, done on CT2",
        # A date just before "DOB" that speaks of the DOB is the exam's; a lettered list is not "b." for born.
        "CT head on 14/03/2024, DOB not asked at ID check; XR 02/05/2024 (DOB not checked)",
        "a. consent taken\nb. 13/03/2024 scan performed",
        # Dates of the last century that belong to things and events, not to the patient.
        "Cs-137 source reference date 01/03/1995; pacemaker implanted 22/09/1998; previous RT on 14/05/1997",
        # Ten-digit numbers labelled as a thing's; places named after people; exams that look like titles.
        "GE Discovery 670 (system ID 9434765919); SN 9434765919; S/N 9434765919; call ref 9434765919",
        "Portable CXR performed on Rowan ward; Mary Seacole ward (AMU)",
        "Referred from Robert Jones and Agnes Hunt Orthopaedic Hospital",
        "MRS Brain booked; RIS exam Mr Knee Left",
    ],
)
def test_staff_phrasing_that_is_not_an_identifier(text: str) -> None:
    assert find_identifiers(text) == []
