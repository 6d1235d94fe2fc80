#!/usr/bin/env python3
"""Writes the GEDCOM fixtures of tests/core/genogram/test_gedcom*.cpp.

One small, fictional three-generation family saved in every encoding and line
ending the importer must read, plus files for the error paths. Run from any
folder: python3 make_fixtures.py. The output is committed; this script says how
it was made (and makes the ANSEL bytes, which no editor writes).
"""
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

FAMILY = """0 HEAD
1 SOUR KARTBOK_FIXTURE
1 GEDC
2 VERS 5.5.1
2 FORM LINEAGE-LINKED
1 CHAR {charset}
0 @I1@ INDI
1 NAME Karl /Lindström/
1 SEX M
1 BIRT
2 DATE 3 FEB 1920
2 PLAC Göteborg
1 DEAT
2 DATE ABT 1985
1 OCCU Sjöman
1 NOTE Född i Bjørnø, Łódź-släkt
1 FAMS @F1@
0 @I2@ INDI
1 NAME Åsa /Lindström/
1 SEX F
1 BIRT
2 DATE 12 MAR 1924
1 DEAT
2 DATE 2001
1 FAMS @F1@
0 @I3@ INDI
1 NAME Erik /Öberg/
1 SEX M
1 BIRT
2 DATE 1925
1 FAMS @F2@
0 @I4@ INDI
1 NAME Märta /Öberg/
1 SEX F
1 BIRT
2 DATE BET 1926 AND 1928
1 FAMS @F2@
0 @I5@ INDI
1 NAME Johan /Lindström/
1 SEX M
1 BIRT
2 DATE 1950
1 FAMC @F1@
1 FAMS @F3@
0 @I6@ INDI
1 NAME Eva /Öberg/
1 SEX F
1 BIRT
2 DATE 1952
1 FAMC @F2@
1 FAMS @F3@
1 FAMS @F4@
0 @I7@ INDI
1 NAME Anna /Lindström/
1 SEX F
1 BIRT
2 DATE 1978
1 FAMC @F3@
1 FAMS @F5@
0 @I8@ INDI
1 NAME Jörgen /Lindström/
1 SEX M
1 BIRT
2 DATE 1980
1 FAMC @F3@
2 PEDI adopted
0 @I9@ INDI
1 NAME René /Müller/
1 SEX M
1 BIRT
2 DATE 1955
1 FAMS @F4@
0 @I10@ INDI
1 NAME José /Núñez/
1 SEX M
1 BIRT
2 DATE 1976
1 FAMS @F5@
0 @I11@ INDI
1 NAME Kim /Núñez/
1 SEX U
1 BIRT
2 DATE 2010
1 FAMC @F5@
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 MARR
2 DATE 1948
1 CHIL @I5@
0 @F2@ FAM
1 HUSB @I3@
1 WIFE @I4@
1 MARR
2 DATE 1950
1 CHIL @I6@
0 @F3@ FAM
1 HUSB @I5@
1 WIFE @I6@
1 MARR
2 DATE 1976
1 DIV
2 DATE 1985
1 CHIL @I7@
1 CHIL @I8@
0 @F4@ FAM
1 HUSB @I9@
1 WIFE @I6@
1 MARR
2 DATE 1990
0 @F5@ FAM
1 HUSB @I10@
1 WIFE @I7@
1 CHIL @I11@
0 TRLR
"""

# The same family in GEDCOM 7.0: shared note, GIVN/SURN, PEDI ADOPTED,
# @VOID@ pointers with PHRASE, no CHAR line.
FAMILY_70 = """0 HEAD
1 GEDC
2 VERS 7.0
1 SOUR KARTBOK_FIXTURE
2 VERS 1.0
0 @N1@ SNOTE Född i Bjørnø, Łódź-släkt
0 @I1@ INDI
1 NAME Karl /Lindström/
2 GIVN Karl
2 SURN Lindström
1 SEX M
1 BIRT
2 DATE 3 FEB 1920
2 PLAC Göteborg
1 DEAT
2 DATE ABT 1985
1 OCCU Sjöman
1 SNOTE @N1@
1 FAMS @F1@
0 @I2@ INDI
1 NAME Åsa /Lindström/
1 SEX F
1 BIRT
2 DATE GREGORIAN 12 MAR 1924
1 DEAT
2 DATE 2001
1 FAMS @F1@
0 @I3@ INDI
1 NAME Erik /Öberg/
1 SEX M
1 BIRT
2 DATE 1925
1 FAMS @F2@
1 FAMS @F6@
0 @I4@ INDI
1 NAME Märta /Öberg/
1 SEX F
1 BIRT
2 DATE BET 1926 AND 1928
1 FAMS @F2@
0 @I5@ INDI
1 NAME Johan /Lindström/
1 SEX M
1 BIRT
2 DATE 1950
1 FAMC @F1@
2 PEDI BIRTH
1 FAMS @F3@
0 @I6@ INDI
1 NAME Eva /Öberg/
1 SEX F
1 BIRT
2 DATE 1952
1 FAMC @F2@
1 FAMS @F3@
1 FAMS @F4@
0 @I7@ INDI
1 NAME Anna /Lindström/
1 SEX F
1 BIRT
2 DATE 1978
1 FAMC @F3@
1 FAMS @F5@
0 @I8@ INDI
1 NAME Jörgen /Lindström/
1 SEX M
1 BIRT
2 DATE 1980
1 FAMC @F3@
2 PEDI ADOPTED
3 PHRASE Adopted as a baby
0 @I9@ INDI
1 NAME René /Müller/
1 SEX M
1 BIRT
2 DATE 1955
1 FAMS @F4@
0 @I10@ INDI
1 NAME José /Núñez/
1 SEX M
1 BIRT
2 DATE 1976
1 FAMS @F5@
0 @I11@ INDI
1 NAME Kim /Núñez/
1 SEX U
1 BIRT
2 DATE 2010
1 FAMC @F5@
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 MARR
2 DATE 1948
1 CHIL @I5@
0 @F2@ FAM
1 HUSB @I3@
1 WIFE @I4@
1 MARR
2 DATE 1950
1 CHIL @I6@
0 @F3@ FAM
1 HUSB @I5@
1 WIFE @I6@
1 MARR
2 DATE 1976
1 DIV
2 DATE 1985
1 CHIL @I7@
1 CHIL @I8@
0 @F4@ FAM
1 HUSB @I9@
1 WIFE @I6@
1 MARR
2 DATE 1990
0 @F5@ FAM
1 HUSB @I10@
1 WIFE @I7@
1 CHIL @I11@
1 CHIL @VOID@
2 PHRASE A child not named here
0 @F6@ FAM
1 HUSB @I3@
1 WIFE @VOID@
2 PHRASE First wife, unknown
0 TRLR
"""

# ANSEL special (spacing) characters and combining marks, as the importer maps them.
ANSEL_SPACING = {"Ł": 0xA1, "Ø": 0xA2, "Æ": 0xA5, "ł": 0xB1, "ø": 0xB2, "æ": 0xB5, "ß": 0xCF}
ANSEL_MARKS = {0x300: 0xE1, 0x301: 0xE2, 0x302: 0xE3, 0x303: 0xE4, 0x308: 0xE8, 0x30A: 0xEA,
               0x30C: 0xE9, 0x327: 0xF0}


def to_ansel(text):
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in ANSEL_SPACING:
            out.append(ANSEL_SPACING[ch])
        else:
            base, *marks = unicodedata.normalize("NFD", ch)
            for m in marks:  # ANSEL: the mark comes BEFORE its letter
                out.append(ANSEL_MARKS[ord(m)])
            out.append(ord(base))
    return bytes(out)


def lines(text):
    return text.splitlines()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    utf8 = FAMILY.format(charset="UTF-8")
    write("family_lf.ged", utf8.encode("utf-8"))
    write("family_crlf.ged", utf8.replace("\n", "\r\n").encode("utf-8"))
    write("family_cr.ged", utf8.replace("\n", "\r").encode("utf-8"))
    ends = ["\n", "\r\n", "\r"]
    mixed = "".join(l + ends[i % 3] for i, l in enumerate(lines(utf8)))
    write("family_mixed.ged", mixed.encode("utf-8"))
    write("family_utf8_bom.ged", b"\xef\xbb\xbf" + utf8.replace("\n", "\r\n").encode("utf-8"))
    uni = FAMILY.format(charset="UNICODE").replace("\n", "\r\n")
    write("family_utf16le.ged", b"\xff\xfe" + uni.encode("utf-16-le"))
    write("family_utf16be.ged", b"\xfe\xff" + uni.encode("utf-16-be"))
    ansel = to_ansel(FAMILY.format(charset="ANSEL").replace("\n", "\r\n"))
    assert b"Lindstr\xe8om" in ansel and b"\xeaAsa" in ansel
    write("family_ansel.ged", ansel)
    write("family_70.ged", FAMILY_70.encode("utf-8"))

    write("messy.ged", (
        "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"
        "0 @I1@ INDI\n1 NAME Nils /Berg/\n1 SEX M\n1 BIRT\n2 DATE 1940\n"
        "1 _MILT Swedish army\n2 DATE 1960\n"
        "1 NOTE This is a long note that conti\n2 CONC nues here\n2 CONT and has a second line\n"
        "1 FAMS @F1@\n"
        "this line has no level number\n"                       # line 16
        "0 @I2@ INDI\n1 NAME Greta /Berg/\n1 SEX F\n"
        "3 DATE 1999\n"                                         # line 20: level jump
        "1 BIRT\n2 DATE ABT 1942\n1 FAMS @F1@\n"
        "1 FAMC @F99@\n"                                        # line 24: dangling family
        "0 @I3@ INDI\n1 NAME Lars /Berg/\n1 SEX M\n1 BIRT\n2 DATE 1965\n2 _HOSP Sahlgrenska\n"
        "1 FAMC @F1@\n"
        "\x01\x02\x00 binary\n"                                 # line 32: binary garbage
        "1 OCCU Snickare\x07\n"                                 # line 33: control character
        "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I3@\n"
        "1 CHIL @I404@\n"                                       # line 38: dangling person
        "1 _STAT Married in church\n"
        "0 @X1@ _CUSTOMREC\n1 FOO bar\n"
        "0 TRLR\n").encode("utf-8"))

    write("cycle.ged", (
        "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"
        "0 @I1@ INDI\n1 NAME A /Cycle/\n1 SEX M\n1 FAMS @F1@\n1 FAMC @F2@\n"
        "0 @I2@ INDI\n1 NAME B /Cycle/\n1 SEX F\n1 FAMS @F1@\n"
        "0 @I3@ INDI\n1 NAME C /Cycle/\n1 SEX M\n1 FAMC @F1@\n1 FAMS @F2@\n"
        "0 @I4@ INDI\n1 NAME D /Cycle/\n1 SEX F\n1 FAMS @F2@\n"
        "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I3@\n"
        "0 @F2@ FAM\n1 HUSB @I3@\n1 WIFE @I4@\n1 CHIL @I1@\n"
        "0 TRLR\n").encode("utf-8"))

    out = ["0 HEAD", "1 GEDC", "2 VERS 5.5.1", "1 CHAR UTF-8",
           "0 @I1@ INDI", "1 NAME Many /Partners/", "1 SEX M"]
    out += ["1 FAMS @F%d@" % f for f in range(1, 41)]
    for w in range(2, 42):
        out += ["0 @I%d@ INDI" % w, "1 NAME Partner%d /Test/" % w, "1 SEX F",
                "1 FAMS @F%d@" % (w - 1)]
    for c in range(1, 41):
        out += ["0 @C%d@ INDI" % c, "1 NAME Child%d /Test/" % c, "1 FAMC @F%d@" % c]
    for f in range(1, 41):
        out += ["0 @F%d@ FAM" % f, "1 HUSB @I1@", "1 WIFE @I%d@" % (f + 1),
                "1 MARR", "2 DATE %d" % (1960 + f), "1 CHIL @C%d@" % f]
    out.append("0 TRLR")
    write("forty_partners.ged", ("\n".join(out) + "\n").encode("utf-8"))

    write("features.ged", FEATURES.encode("utf-8"))

    write("two_families.ged", (
        "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"
        "0 @I1@ INDI\n1 SEX M\n1 FAMS @F1@\n"
        "0 @I2@ INDI\n1 SEX F\n1 FAMS @F1@\n"
        "0 @I3@ INDI\n1 SEX M\n1 FAMS @F2@\n"
        "0 @I4@ INDI\n1 SEX F\n1 FAMS @F2@\n"
        "0 @I5@ INDI\n1 NAME Both /Families/\n1 FAMC @F1@\n1 FAMC @F2@\n2 PEDI foster\n"
        "0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I2@\n1 CHIL @I5@\n"
        "0 @F2@ FAM\n1 HUSB @I3@\n1 WIFE @I4@\n1 CHIL @I5@\n"   # line 29: second family
        "0 TRLR\n").encode("utf-8"))


# What the family map draws beyond the basics: twins named by ASSO, siblings
# born the same day (offered as twins), an adopted child with both families,
# a couple married twice in two FAM records, MARR/DIV/MARR in one record, a
# divorce without a date, a cause of death, BEF/AFT dates, cousins who marry,
# someone born in 1880 with no death, and CHIL lines youngest first.
FEATURES = """0 HEAD
1 GEDC
2 VERS 5.5.1
1 CHAR UTF-8
0 @I1@ INDI
1 NAME Gustav /Holm/
1 SEX M
1 BIRT
2 DATE 1880
1 FAMS @F1@
0 @I2@ INDI
1 NAME Hedvig /Holm/
1 SEX F
1 BIRT
2 DATE BEF 1885
1 DEAT
2 DATE AFT 1950
2 CAUS Lunginflammation
1 FAMS @F1@
0 @I3@ INDI
1 NAME Nils /Holm/
1 SEX M
1 BIRT
2 DATE 1910
1 DEAT
2 DATE 1972
2 CAUS Cancer
1 FAMC @F1@
1 FAMS @F2@
0 @I4@ INDI
1 NAME Stina /Holm/
1 SEX F
1 BIRT
2 DATE 1913
1 FAMC @F1@
1 FAMS @F3@
0 @I5@ INDI
1 NAME Märta /Holm/
1 SEX F
1 BIRT
2 DATE 1912
1 FAMS @F2@
0 @I6@ INDI
1 NAME Olof /Lind/
1 SEX M
1 BIRT
2 DATE 1909
1 FAMS @F3@
1 FAMS @F4@
0 @I7@ INDI
1 NAME Per /Holm/
1 SEX M
1 BIRT
2 DATE 3 MAY 1940
1 FAMC @F2@
1 FAMS @F5@
1 ASSO @I8@
2 RELA Identical twin
0 @I8@ INDI
1 NAME Pål /Holm/
1 SEX M
1 BIRT
2 DATE 3 MAY 1940
1 FAMC @F2@
0 @I9@ INDI
1 NAME Ann /Holm/
1 SEX F
1 BIRT
2 DATE 1937
1 FAMC @F2@
0 @I10@ INDI
1 NAME Eva /Lind/
1 SEX F
1 BIRT
2 DATE 1942
1 FAMC @F3@
1 FAMS @F5@
1 FAMS @F6@
0 @I11@ INDI
1 NAME Bo /Lind/
1 SEX M
1 BIRT
2 DATE 1945
1 FAMC @F3@
0 @I12@ INDI
1 NAME Greta /Ek/
1 SEX F
1 BIRT
2 DATE 1915
1 FAMS @F4@
0 @I13@ INDI
1 NAME Karin /Holm/
1 SEX F
1 BIRT
2 DATE 12 JUN 1966
1 FAMC @F5@
0 @I14@ INDI
1 NAME Lena /Holm/
1 SEX F
1 BIRT
2 DATE 12 JUN 1966
1 FAMC @F5@
0 @I15@ INDI
1 NAME Jonas /Holm/
1 SEX M
1 BIRT
2 DATE 1970
1 FAMC @F7@
1 FAMC @F6@
2 PEDI adopted
0 @I16@ INDI
1 NAME Sara /Strand/
1 SEX F
1 BIRT
2 DATE 1950
1 FAMS @F7@
0 @I17@ INDI
1 NAME Leif /Strand/
1 SEX M
1 BIRT
2 DATE ABT 1948
1 FAMS @F7@
0 @I18@ INDI
1 NAME Mats /Holm/
1 SEX M
1 BIRT
2 DATE 1975
1 FAMC @F6@
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 MARR
2 DATE 1908
1 CHIL @I4@
1 CHIL @I3@
0 @F2@ FAM
1 HUSB @I3@
1 WIFE @I5@
1 MARR
2 DATE 1935
1 DIV Y
1 CHIL @I8@
1 CHIL @I7@
1 CHIL @I9@
0 @F3@ FAM
1 HUSB @I6@
1 WIFE @I4@
1 MARR
2 DATE 1939
1 DIV
2 DATE 1950
1 MARR
2 DATE 1955
1 CHIL @I11@
1 CHIL @I10@
0 @F4@ FAM
1 HUSB @I6@
1 WIFE @I12@
1 MARR
2 DATE 1951
0 @F5@ FAM
1 HUSB @I7@
1 WIFE @I10@
1 MARR
2 DATE 1964
1 DIV
2 DATE 1968
1 CHIL @I14@
1 CHIL @I13@
0 @F6@ FAM
1 HUSB @I7@
1 WIFE @I10@
1 MARR
2 DATE 1972
1 CHIL @I18@
1 CHIL @I15@
0 @F7@ FAM
1 HUSB @I17@
1 WIFE @I16@
1 CHIL @I15@
0 TRLR
"""


if __name__ == "__main__":
    main()
