"""A second labelled set for the anonymisation check: incident notes as staff write them.

Written by hand, separately from `identifier_corpus` and its templates, in
the ways radiographers, physicists and nurses write: lower case, "pt",
abbreviations, typos, forms copied from PAS ("Surname: MACLEAN"), relatives
by first name ("Mum (Kayleigh)"), Welsh, Scottish and Irish names and
addresses, numbers with their label after them. Each identifier is marked
`[[kind:text]]`; the kinds are those of `assistant.anonymise` less the
prefix ("nhs" for nhs_number, "hosp" for hospital_number, "dob"...).

A planted identifier counts as caught when hits cover every letter and digit
of it other than a title or label word ("Mrs", "MRN", "d.o.b"): what matters
is that nothing identifying is left, not where a hit starts. `KNOWN_MISSES`
lists, honestly, what the check still does not catch; the test fails both on
a new miss and on a known miss that is now caught (then take it off the list).

Bare hospital numbers with no label at all ("K 456789") are left unmarked:
`docs/interpretations.md` says why they are not looked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.anonymise import Hit

TEXTS: tuple[str, ...] = (
    "pt Mrs [[name:Rose Bishop]] attended for CXR. DOB [[dob:3/4/51]], NHS no [[nhs:452 601 8155]]. Request was for her husband, the X-ray was done on wrong pt. Discovered by radiographer on PACS check.",
    "72yo male referred by Dr [[name:O'Neill]] for CT KUB ?renal colic. Pt had CT KUB on 12/03/2026 at Ward 7B request, but a repeat CT KUB was done 14/03/2026 as the first request wasn't seen on CRIS. Hosp no [[hosp:RX1234567]].",
    "Patient [[name:Smith-Jones, Mary]] (MRN [[hosp:K123456]]) received Tc-99m MDP 600 MBq for bone scan, intended was 400MBq. Dose to pt approx 3.4 mSv vs 2.3 mSv intended.",
    "Wrong pt scanned. Intended: [[name:JONES, Dafydd]] DOB [[dob:12.07.1949]]. Scanned: [[name:JONES, David]] DOB [[dob:21.07.1953]]. Both on ward 12, both booked for CT head. ID check not completed by agency radiographer.",
    "CHI [[chi:120351 8951]]. Pt [[name:Mhairi MacLeod]] had a CT chest/abdo/pelvis instead of CT chest. Referrer Dr [[name:Fraser]] (ED) requested CT chest only. Extra dose approx 6 mSv.",
    "Patient's H&C number [[hc:320 752 9178]]. Lu-177 PSMA 7.4 GBq given, prescribed 6.0 GBq. Found on check by physicist [[name:Ciaran Doherty]] the next day.",
    "pt ([[name:mrs hope]]) had L knee xr instead of R knee. Request form clearly stated RIGHT. Radiographer did not confirm side with pt. Repeat done same day.",
    "Lives at [[address:14 Acacia Avenue, Little Whinging]], [[postcode:GU12 4XY]]. Daughter [[name:Mark]]... no sorry son [[name:Mark]] rang on [[phone:07700 900123]] to say his mother had been scanned twice.",
    "Fraction 3 of 20 delivered with 2.4 Gy instead of 2 Gy due to wrong plan loaded on Linac 3 (Varian TrueBeam). PTV coverage ok. Pt [[name:Evans, Gwenllian]] informed by Dr [[name:Huw Pritchard]].",
    "Pt DOB [[dob:01/01/1960]] NHS [[nhs:4908301662]] was given 370 MBq F-18 FDG instead of Ga-68 DOTATATE. wrong radiopharmaceutical drawn up in radiopharmacy.",
    "Incident on 05/02/2026: CTPA performed on wrong patient. Patient meant to have CTPA was [[name:Bethan Lloyd-Williams]] (d.o.b [[dob:7th May 1988]]), patient actually scanned [[name:Bethan Williams]] (DOB [[dob:17 May 1986]]). Both in AMU bay 4.",
    "Spoke to pt's daughter [[name:Siân]] on [[phone:01632 960 123]] and apologised. Duty of candour letter sent to [[address:22 Station Road, Penarth]] [[postcode:CF64 1AB]].",
    "Repeat CT head x2 due to motion, then a 3rd due to wrong protocol (CT angio instead of CT head non-con). DLP 2100 mGy.cm. Pt MRN: [[hosp:RX7654321]], 84 yo, from Ward 24 (Care of Elderly).",
    "Mr [[name:Gruffydd ap Rhys]], CHI [[chi:0304515590]], attended Raigmore for PET-CT. 18F-FDG 350MBq administered but pt had already had a PET-CT 2 days before at ARI, duplicate request.",
    "Email from the ward: [[email:j.bloggs@nhs.net]] asked why her patient [[name:Kerry-Ann O'Sullivan]] was taken for a CT when she is 14 weeks pregnant. LMP not checked. Foetal dose est 2 mGy.",
    "Pt name: [[name:john smith]], DOB: [[dob:1955-11-23]]. RIS number [[hosp:RIS00123456]]. CT abdo done instead of US abdo. Referrer requested US, booking clerk booked CT.",
    "[[name:Hussain, Fatima]] K 456789 attended for mammo. Previous mammo 2 weeks ago at breast screening. Duplicate, 4 views, ~0.5 mSv.",
    "IR: Dr [[name:Bishop]] performed TACE. fluoro time 65 min, DAP 850 Gy.cm2. Pt developed skin erythema at 3 weeks, now ulceration. Pt [[name:Grace Hope]] NHS number [[nhs:613 186 0912]].",
    "accession no [[hosp:ACC-2026-004512]] - x-ray lumbar spine performed on pt who was booked for x-ray cervical spine. Pt [[name:Mrs Mark]]... [[name:Mrs Marks]] (72yo). Wrong body part.",
    "ref [[hosp:RX9988776]] (hospital number) pt scanned on CT2 with adult protocol, pt is 9 yrs old. Dr [[name:Patel]] radiologist informed. Pt lives [[postcode:BT9 7AB]].",
    "Brachy HDR cervix: dwell times from previous plan used. Dose to point A 8.8 Gy vs 7 Gy prescribed. Patient [[name:Roisin McAteer]], H&C no [[hc:3503423664]], Belfast City Hospital.",
    "SABR lung 3 x 18 Gy. Fraction 2: 4 CBCTs taken due to set-up error (wrong immobilisation). RTT [[name:Kirsty Ferguson]] and RTT [[name:Amy Brown]] on set. pt ID [[hosp:P0098123]].",
    "The patient is [[name:Mr Ieuan Llewellyn]], [[dob:3-Aug-44]] (DOB). Mobile [[phone:+44 7700 900456]]. Planning CT repeated x3 due to bladder filling.",
    "Nurse [[name:Angharad]] on Ward 9 (Rheumatology) sent pt for CXR which had been cancelled. Pt [[name:Morgan, Rhiannon]], DOB [[dob:29/02/1952]].",
    "I-131 therapy 3.7 GBq given to wrong pt. Intended pt [[name:MacDonald, Euan]] CHI [[chi:2911487974]]; treated pt [[name:McDonald, Ewan]] CHI [[chi:0101607105]]. Both in the same clinic on same day.",
    "NHS No: [[nhs:7082 4628 16]]. Scan performed ok but on wrong side, R hip instead of L hip. Sister [[name:Bernadette]] noticed on ward round.",
    "pt (aged 45) had a repeat CT colonography because the first series was not sent to PACS. PACS helpdesk ref 778812. Phone PACS team ext 4521. Patient [[name:Peter Mark]] (hosp no [[hosp:H1234567]]).",
    "DOB [[dob:23rd March 1962]], postcode [[postcode:EH10 5HF]], Mr [[name:Struan MacKenzie]] was given 800 MBq Tc-99m HDP instead of 600. PA informed.",
    "Interventional cardiology: PCI, cine runs 45, DAP 420 Gy.cm2, skin dose est 5 Gy. Pt [[name:O'Brien, Seamus]] DOB [[dob:10/10/39]] had previous PCI 2/52 ago. Referrer Dr [[name:Aoife Gallagher]].",
    "Spoke with [[name:Eilidh]] (patient's wife) regarding the incident. Mrs [[name:Eilidh Robertson]] wished to make a complaint. Contact [[email:eilidh.robertson@gmail.com]].",
    "CT KUB requested by GP [[name:Dr A Khan]] for pt [[name:Sunita Sharma]] DOB [[dob:13/6/1979]]. Scanned on GE Revolution. NHS [[nhs:4948 219 932]].",
    "Patient [[name:Harry Bishop]] (NHS [[nhs:651-819-0930]]), 60, had DEXA instead of CXR. DEXA dose negligible, CXR not done. No SAUE.",
    "pt identity confirmed as [[name:Mrs Jean Hope]], [[address:7 Rose Hill]], [[postcode:OX3 9DU]]. Previously known to Oncology under Dr [[name:Rose]].",
    "brachytherapy prostate LDR: 80 seeds implanted, 2 seeds found in bladder on post-implant CT. D90 reduced. Patient [[name:Dylan Price]] [[hosp:MRN 00456123]]. Consultant: Dr [[name:Gethin Jenkins]].",
    "Referral for CT TAP from Ward 5A sent to wrong patient: [[name:Patrick O'Neill]] instead of [[name:Patricia O'Neill]]. PAS no [[hosp:A987654]]. The error was picked up after the scan.",
    "NM: MAG3 renogram performed on pt who was 11 weeks pregnant. Pregnancy status recorded as 'N/A' on the form. Foetal dose <1 mGy. Pt D.O.B. [[dob:05.09.1995]], tel [[phone:0161 496 0000]].",
    "pt: [[name:Ms Ffion Hughes-Parry]], hospital number [[hosp:W0012345]], [[address:Flat 3, 22 Heol y Parc]], Cardiff [[postcode:CF5 2RT]]. Wrong side L/R on a CT sinuses.",
    "CBCT taken 5 times in fraction 7 due to set up error (incorrect shift from tattoo). Pt [[name:Alasdair Grant]], CHI [[chi:2507724978]]. Head & neck 70 Gy in 35#.",
    "Paeds: 4 yo had chest x-ray repeated x4 because of movement. Mum ([[name:Kayleigh]]) present throughout. Pt [[name:Alfie Thompson]], DOB [[dob:2/11/2021]], NHS [[nhs:4786579750]].",
    "Datix 123456. Wrong patient CXR. Patient scanned: [[name:WILLIAMS, Bryn]] - [[hosp:K234567]] (K no). Patient requested: [[name:WILLIAMS, Bronwen]] - [[hosp:K234576]] (K no).",
    "During CT urogram, contrast (Omnipaque 350) extravasated. Unrelated to exposure. Pt Mr [[name:Jack Mark]], DOB [[dob:Jan 5, 1970]].",
    "Consultant radiologist Dr [[name:Wyn Thomas]] vetted a CT head for [[name:Megan Rees]] but the scan was performed on [[name:Megan Reese]], born [[dob:14/02/2001]]. Both in ED majors.",
    "HDR brachytherapy Ir-192 source: wrong channel length entered. Pt [[name:Mrs Catriona Mackay]] received 7 Gy to the wrong position. Patient resides at [[address:45 Morningside Drive]], Edinburgh [[postcode:EH10 5LZ]].",
    "ct chest done on pt called [[name:mohammed ali]] instead of [[name:mohammed aly]] - same surname spelling different. NHS no. [[nhs:7432319480]]",
    "Patient was referred by [[name:Dr. Smith]] for a nuclear medicine MPI; Tc-99m tetrofosmin 800 MBq given for rest study but stress study already done with 400 MBq. NHS [[nhs:475 749 1182]]. pt, [[name:Hope Williams]], 67.",
    "Physicist [[name:Dr Eleri Davies]] (MPE) calculated the effective dose as 12 mSv for the extra CT AP. Patient [[name:Carys Bevan]], d.o.b. [[dob:8 Nov 1958]], K345678.",
    "Repeat DXA x2 due to operator error; dose trivial. pt [[name:Prudence Walker]] ([[hosp:RX3344556]] hosp no). No action needed.",
    'Wrong pt. Radiographer called "Mrs [[name:Davies]]" in the waiting room and Mrs [[name:Davis]] answered. 3 checks (name, DOB, address) not completed. Correct pt Mrs [[name:Davies]] DOB [[dob:17/08/1950]].',
    "Radiotherapy: 5 fractions of 8 Gy delivered to wrong vertebral level (T10 instead of T12). Geographical miss. Pt [[name:Lachlan McGregor]] CHI no [[chi:071239 4656]]. Consultant Clinical Oncologist [[name:Dr Morag Campbell]].",
    "pt [[name:Jones]] MRN[[hosp:1234567]] received contrast CT when non-contrast requested. 1x CT abdomen, 5 mSv. nil harm.",
    "Our ref IR-2026-014. Patient details: [[name:Ms Zoë Ng]], [[address:Apartment 12, 3 Quayside Walk, Newcastle upon Tyne]], [[postcode:NE1 3DX]]. Phone [[phone:(0191) 498 0123]].",
    "Patient mobile [[phone:07700900789]]. Pt attended for repeat OPG as first image had motion artefact, but the first image was diagnostic. OPG x2, 0.02 mSv.",
    "Lost to follow up: pt [[name:Wiktoria Kowalczyk]] (DOB [[dob:1/12/83]]) had a CT with contrast performed when eGFR was 25. Not an IR(ME)R incident.",
    "Spoke to [[name:Rhodri]] (pt) on the phone. Explained that the scan he had on 03/03/2026 was meant for another patient with same name. He was upset. Pt DOB [[dob:11-04-1967]].",
    "Incident: Ga-68 PSMA PET: 200 MBq; pt later found to be wrong patient (should have been [[name:Mr Kwame Mensah]], H&C [[hc:3971276849]]). Referrer Mr [[name:Stewart]] (Urology).",
    "Radiotherapy planning CT repeated 3 times. 1st CT: no contrast, 2nd: wrong position, 3rd OK. pt [[name:Gwyneth Hughes]], [[hosp:MRN: RT-445566]]. Total extra dose 2 x 10 mSv.",
    "Dr [[name:Bishop]] and Dr [[name:Ward]] (both registrars) were on call in ED. Pt [[name:Mark Hope]] had CT C-spine repeated as first one deleted by accident by PACS admin.",
    "Unintended exposure: Pt received an extra 2 views on the Siemens Mammomat. Pt [[name:Ellie-May Johnson]] (aged 52), DOB [[dob:16/9/1973]]. Email [[email:ellie.may.j@hotmail.co.uk]].",
    "patient [[name:DAVIES, Sian]] had a repeat CT head 2hrs after the first because the 1st was reported by a locum as 'not performed'. NHS: [[nhs:6625276014]]",
    "Patient [[name:Ms Hope-Bishop]] 35 yo. CT coronary angiography performed on wrong day; had taken beta blockers. Dose 4 mSv. Address: [[address:5 Church Lane]], Llandudno [[postcode:LL30 2PS]].",
    "Bone scan Tc-99m MDP, wrong pt, wrist bands not checked. Pt given 600 MBq. Correct pt: [[name:Naomi Clarke]]; incorrect pt: [[name:Naomi Clark]]. DOB of pt exposed: [[dob:09/09/1949]].",
    "Xray of L ankle performed on pt with R ankle request. pt's NHS No is [[nhs:452 601 8155]] and hosp no is [[hosp:RX1122334]]. Sonographer [[name:Lowri Evans]] noticed the error.",
    "SIRT Y-90 resin microspheres: 1.9 GBq delivered, 1.4 GBq prescribed. Pt [[name:Teresa Walsh]]. [[hosp:Hosp No. X0987654]]. IR consultant Dr [[name:Nkemdirim Okafor]].",
    "Wrong pt in CT: the porter brought [[name:Mr Rose]] from ward 3 instead of [[name:Mr Ross]] from ward 33. Both have DOB in the 1940s ([[dob:04/04/1944]] and [[dob:14/04/1941]]).",
    "patient named [[name:Isla Dewar]] (CHI [[chi:0712394656]]), 15, had a CT head at 16:30 on 10/01/2026 which was requested for an adult with the same surname.",
    "NHS number [[nhs:9434765870]] (typed in datix). Extra lateral view of c-spine x2. Pt [[name:Mrs Lloyd]]. radiographer [[name:Tom Bishop]].",
    "Spoke to the patient's son, [[name:Gareth]], and his wife, [[name:Bronwen]]. Pt: [[name:Mr Iolo Rees-Evans]] (hospital no. [[hosp:N345678]], [[postcode:SA1 8PP]]).",
    "pt had 2 identical CT KUBs 1 hr apart. Radiographers on duty: [[name:Nadia Hussain]], [[name:Oliver Grant]]. Pt [[name:Iqbal, Imran]], 48 yrs, ph [[phone:0113 496 0888]].",
    "Mrs [[name:Jones]] on Ward 7 had a CXR intended for another pt. Dr [[name:Patel]] in Clinic 3 requested it.",
    "mr [[name:thomas]] (bed 4, ward 22) had CT abdo x2. dr [[name:ahmed]] aware. dob [[dob:12031951]].",
    "Pt details: [[name:Owen Bevan]] / [[dob:d.o.b 4/3/51]] / nhs no [[nhs:4526018155]] / hosp no [[hosp:RX1234567]]",
    "NHS#[[nhs:490 830 1662]] DOB:[[dob:01.01.60]] Hosp#[[hosp:RX7654321]]. CXR on wrong pt. Staff nurse [[name:Bernie]] escorted.",
    "pt's mum ([[name:Leanne]]) and dad ([[name:Craig]]) were present. pt [[name:Oliver]] aged 6.",
    "Patient's postcode: [[postcode:cf10 3at]]. Patient's address: [[address:12 Heol Y Felin]], [[postcode:CF14 6NB]].",
    "Mobile: [[phone:07700-900-123]]; landline [[phone:+44 (0)29 2018 0000]]; work [[phone:029 2074 7747]].",
    "pt (initials [[name:J.R.]]) had 2 CT KUB same day. Referrer Dr [[name:J. Singh]].",
    "Pt name: [[name:Ms Niamh Ní Bhriain]], H&C No. [[hc:332 684 6568]], Antrim Area Hospital.",
    "Pt [[name:Mr Dewi ab Iorwerth]] had an unintended CT C-spine. Mob [[phone:07700 900 321]]. E-mail: [[email:dewi.iorwerth@btinternet.com]]",
    "Date of birth - [[dob:12 Mar 51]]. Surname: [[name:MACLEAN]]. Forename: [[name:Kirsteen]]. CHI: [[chi:1203518950]].",
    "DOB [[dob:3/4/51]]; pt [[name:Mrs Mary-Kate O’Hara]] (curly apostrophe). Wrong side L shoulder x-ray.",
    "The referring consultant (Mr [[name:Rhys-Davies]], orthopaedics) requested R hip. pt scanned L hip. Pt is [[name:Mrs Bishop]], [[dob:1st Jan 1950]] dob.",
    "RQ: CT head for pt [[name:ANWAR Hussain]]... pt actually scanned was [[name:HUSSAIN Anwar]]. MRN [[hosp:M1234567]] vs MRN [[hosp:M7654321]].",
    "Pt was [[name:Hope]] [[name:Mark]]... sorry [[name:Mark Hope]], 67, NHS [[nhs:7082462816]]. Treated with Ra-223.",
    "Case note no. [[hosp:CN123456]]. Epic MRN [[hosp:100234567]]. Trust no [[hosp:T1234567]]. Unit No: [[hosp:U998877]].",
    "DOB [[dob:3/4/51]] was also recorded as [[dob:04/03/1951]] on the request (transposed).",
    "pt [[name:Grace]] (surname [[name:Bishop]]) had a bone scan. Rev [[name:Mark Wilson]] (chaplain) was with her.",
    "Ward 7B, Rose Ward, Hope Ward and Bishop Ward all sent requests. Matron [[name:Sarah Ward]] and Sister [[name:Hall]] informed.",
    "The patient, [[name:Mr Seán Ó Murchú]], from [[postcode:BT47 6SB]], received I-131 550 MBq instead of 400 MBq.",
    "Patient [[name:Rhys ap Gwilym]] was given F-18 FDG. MRN [[hosp:RX 1234567]]. Tel [[phone:01248 384000]] ext 2345.",
    "Wrong pt: radiographer called for '[[name:Mr Evans]]' and [[name:Mr Evan]] got up. Both for CXR. DOB [[dob:2nd Feb 1945]] and DOB [[dob:20th Feb 1954]].",
    "Spoke to pt's partner [[name:Chris]] on [[phone:07700 900 999]]; partner ([[name:Jo]]) also emailed [[email:jo_b@yahoo.co.uk]].",
    "Incident reported by radiographer [[name:Mark]] [[name:Bishop]] ([[name:MB]]). pt [[name:Jenny Lamb]] 81y.",
    "Planning CT on pt [[name:Dilys Protheroe]] repeated x2 (bladder), 10 mSv each. Dr [[name:van der Merwe]] approved. Ms [[name:Protheroe]]'s NHS: [[nhs:4948219932]].",
    "Pt identifiers: [[name:SMITH-JONES]] [[name:Mary]], [[dob:d.o.b. 03 04 1951]], [[nhs:465 108 2394]].",
    "Hosp No: [[hosp:RX1234567]]  Surname: [[name:O'NEILL]]  Forename(s): [[name:Patrick Joseph]]  DOB: [[dob:05/06/1944]]  Sex: M",
)

# Clinical notes with no identifier in them: any hit is a false positive.
CLEAN: tuple[str, ...] = (
    "CT KUB performed on 12/03/2026 at 14:30 on CT2 (Siemens Somatom Force). DLP 350 mGy.cm. PTV D95 98%, 2 Gy per fraction.",
    "Tc-99m MDP 600 MBq, Lu-177 PSMA 7.4 GBq, I-131 3.7 GBq, F-18 FDG 370 MBq, Ga-68 DOTATATE 150 MBq. Y-90 SIR-Spheres.",
    "Pt transferred from Ward 7B to Ward 12 (Rose Ward) then to Hope Ward. Seen in Bishop Auckland Hospital. St Mary's Hospital.",
    "Drugs: metformin held 48 hrs, Omnipaque 350 80ml, Buscopan 20mg IV, adenosine, Lexiscan, propranolol. Dotarem.",
    "Linac 3 Varian TrueBeam; Elekta Versa HD; Halcyon; Eclipse TPS v16.1; Aria R&V; Mosaiq; Philips Brilliance 64; GE Discovery NM/CT 670.",
    "SABR 3 x 18 Gy; H&N 70 Gy in 35#; prostate 60 Gy/20#; CTV to PTV margin 5 mm; OAR spinal cord Dmax 45 Gy. Stereotactic.",
    "Incident discovered 14 March 2026; exposure on 12 March 2026. Notify by 28 March 2026. Report by 06/06/2026.",
    "72yo, 84 yo, aged 45, 9 yrs old, 4/12 old infant, 2/52 ago, 3/7 post-op. Pt had a 3/12 follow up.",
    "The Radiation Protection Committee reviewed the incident. MPE advice: effective dose 3.4 mSv. RPA informed. Datix ref 123456.",
    "CTPA, CT TAP, CT C-spine, MRCP, OGD, ERCP, PICC line, NG tube check, CXR PA and LAT, AXR, OPG, DEXA.",
    "Version 2.3 of the protocol dated 01/02/2025 replaced v2.2. Serial number 9434765919 of the DAP meter. Lot 4526018155.",
    "Radiology dept extension 4521; bleep 2345; room CT1; DR room 3; Bay 4 bed 12; theatre 5.",
    "Mark's protocol... no. Mark the site with a marker. Hope to complete by Friday. Grace period of 2 weeks. Will review.",
    "CT head non-con at 02:15; repeat at 02:40 due to motion. eGFR 25, creatinine 180. BP 140/90. HR 55. SpO2 96%.",
    "Glasgow Royal Infirmary, Queen Elizabeth University Hospital, Ninewells, Raigmore, Royal Victoria Hospital Belfast, Ysbyty Gwynedd, Morriston Hospital, Prince Charles Hospital.",
    "Fluoro time 65 min, DAP 850 Gy.cm2, air kerma 5.2 Gy. Transient erythema only. No deterministic effects.",
    "The Ionising Radiation (Medical Exposure) Regulations 2017, regulation 8(3). CQC notification code 2.2. IR(ME)R SAUE.",
    "The referrer (ED SHO) requested CT head. Radiographer (band 6) vetted. Reporting radiographer reported.",
    "Surgeon requested intra-op fluoro in Theatre 4; C-arm (Ziehm Vision RFD) used for 12 min.",
    "Patient walked from AMU to CT; Jones Ward / Mark Ward / Bishop Ward staff informed.",
    "Dose 2 Gy to T10 instead of T12. MU 250 vs 200. Gantry 180. Couch shift 1.2 cm. Isocentre moved 15 mm.",
    "Lung SABR: CBCT x5 in fraction 2. Set up error (incorrect shift from tattoo). Action level 3 mm.",
    "Cardiff and Vale UHB, Betsi Cadwaladr UHB, Aneurin Bevan UHB, NHS Lothian, NHS Greater Glasgow and Clyde, Belfast HSC Trust, Western HSC Trust.",
    "IR(ME)R Employer's Procedures EP3 (patient ID), EP5 (pregnancy), EP9 (carers and comforters).",
    "Staff member was the Superintendent Radiographer; Clinical Lead; Head of Radiotherapy Physics; Principal Clinical Scientist.",
    "The CT was done on 2026-03-05 and 2026-03-07. Incident number 2026/0345. Version 11.2.",
    "Tc99m-MAA lung perfusion 100MBq. In-111 octreotide. Tl-201. Xe-133. Rb-82. N-13 ammonia. C-11 choline. Ra-223 (Xofigo) 55 kBq/kg.",
    "He said 'Mark my words'. Patient's hope was to be discharged. She will go home. May attend next week. Bill paid.",
)

_MARK = re.compile(r"\[\[(\w+):(.*?)\]\]")
# Words inside a planted span that identify no one by themselves.
_LABEL_WORDS = frozenset({"mr", "mrs", "ms", "dr", "miss", "mrn", "hosp", "no", "k", "d.o.b", "dob"})


@dataclass(frozen=True)
class Planted:
    kind: str
    start: int
    end: int
    text: str


def parse(marked: str) -> tuple[str, list[Planted]]:
    """The plain text of a marked sentence, and what was planted in it."""
    plain: list[str] = []
    planted: list[Planted] = []
    at = length = 0
    for mark in _MARK.finditer(marked):
        plain.append(marked[at : mark.start()])
        length += mark.start() - at
        planted.append(Planted(mark.group(1), length, length + len(mark.group(2)), mark.group(2)))
        plain.append(mark.group(2))
        length += len(mark.group(2))
        at = mark.end()
    plain.append(marked[at:])
    return "".join(plain), planted


def _must_cover(planted: Planted) -> set[int]:
    """The offsets of the letters and digits that identify: every word but a title or label."""
    offsets: set[int] = set()
    for word in re.finditer(r"\S+", planted.text):
        if word.group().lower().rstrip(".:,") in _LABEL_WORDS:
            continue
        offsets |= {planted.start + i for i in range(word.start(), word.end()) if planted.text[i].isalnum()}
    return offsets


def misses_and_false_positives(find: Callable[[str], list[Hit]]) -> tuple[list[str], list[str]]:
    """Planted identifiers not wholly covered by hits, and hits on nothing planted (clean notes included)."""
    misses: list[str] = []
    false: list[str] = []
    for marked in TEXTS:
        text, planted = parse(marked)
        hits = find(text)
        for plant in planted:
            covered = {i for h in hits if h.start < plant.end and h.end > plant.start for i in range(h.start, h.end)}
            if not _must_cover(plant) <= covered:
                misses.append(plant.text)
        false += [h.text for h in hits if not any(h.start < q.end and h.end > q.start for q in planted)]
    for text in CLEAN:
        false += [h.text for h in find(text)]
    return misses, false


# What the check does not catch yet, each with why it is hard.
KNOWN_MISSES: tuple[str, ...] = (
    # Before a bare hospital number, which is not looked for; "Surname, First" alone is also a place list.
    "Hussain, Fatima",
    # Lower case after "instead of": only a known given name and surname are read in lower case there.
    "mohammed aly",
    # Initials alone ("J.R.", "MB") are also grades, units and abbreviations.
    "J.R.",
    "MB",
    # After "scanned was" / "Pt was": "was" would make "Pt was Jewish" a name.
    "HUSSAIN Anwar",
    "Hope",
    "Mark",
    "Mark Hope",
)
