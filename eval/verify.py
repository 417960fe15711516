#!/usr/bin/env python3
"""Check that every label in eval/corpus.jsonl follows from its arithmetic.

Usage: python3 eval/verify.py [--corpus FILE] [--quiet]

For each id this file holds the claim the sentence makes, as a call to one of the helpers below
(conv, pct, ratio, share, ...), with the figures exactly as the sentence writes them. The script
recomputes each claim with exact NIST factors, applies the rounding rule of eval/README.md, and
exits non-zero when

  * a row's label is not the one the arithmetic gives,
  * a row's `truth` is not the recomputation printed here,
  * a figure named here does not occur in the sentence (so the arithmetic cannot drift from the
    text),
  * a verdict hangs on how trailing zeros are read (strict vs lenient) without saying so, or an
    `inconsistent` percent/ratio/share/total verdict would flip if the figures written with a scale
    word ("4.5bn", "1.3 million") were taken as the intervals they were rounded from,
  * ids are duplicated, missing here, or unknown in the corpus; a kind or label is invalid.

Standard library only.
"""

import argparse
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------------------------
# Units: factor to the SI unit of the dimension (exact values, NIST SP 811 / SP 330).
# --------------------------------------------------------------------------------------------
MI = 1609.344  # m
FT = 0.3048  # m
IN = 0.0254  # m
YD = 0.9144  # m
NMI = 1852.0  # m
LB = 0.45359237  # kg
US_GAL = 3.785411784e-3  # m3
IMP_GAL = 4.54609e-3  # m3

UNITS = {
    # length (m)
    "km": ("length", 1000.0, "km"),
    "m": ("length", 1.0, "m"),
    "cm": ("length", 0.01, "cm"),
    "mm": ("length", 0.001, "mm"),
    "mi": ("length", MI, "mi"),
    "ft": ("length", FT, "ft"),
    "in": ("length", IN, "in"),
    "yd": ("length", YD, "yd"),
    "nmi": ("length", NMI, "nmi"),
    # area (m2)
    "km2": ("area", 1e6, "km²"),
    "m2": ("area", 1.0, "m²"),
    "ha": ("area", 1e4, "ha"),
    "acre": ("area", 4046.8564224, "acres"),
    "mi2": ("area", MI * MI, "sq mi"),
    "ft2": ("area", FT * FT, "sq ft"),
    "yd2": ("area", YD * YD, "sq yd"),
    # mass (kg)
    "kg": ("mass", 1.0, "kg"),
    "g": ("mass", 0.001, "g"),
    "t": ("mass", 1000.0, "tonnes"),
    "lb": ("mass", LB, "lb"),
    "oz": ("mass", LB / 16, "oz"),
    "st": ("mass", 14 * LB, "st"),
    "shton": ("mass", 2000 * LB, "short tons"),  # 907.18474 kg
    "lton": ("mass", 2240 * LB, "long tons"),  # 1016.0469088 kg
    # volume (m3)
    "L": ("volume", 1e-3, "L"),
    "mL": ("volume", 1e-6, "mL"),
    "m3": ("volume", 1.0, "m³"),
    "ft3": ("volume", FT**3, "cu ft"),
    "usgal": ("volume", US_GAL, "US gal"),
    "impgal": ("volume", IMP_GAL, "imp gal"),
    "bbl": ("volume", 42 * US_GAL, "bbl"),  # oil barrel, 158.987294928 L
    # speed (m/s)
    "kmh": ("speed", 1000.0 / 3600, "km/h"),
    "mph": ("speed", MI / 3600, "mph"),
    "kn": ("speed", NMI / 3600, "kn"),
    "ms": ("speed", 1.0, "m/s"),
    # temperature (absolute, K) and temperature difference (K)
    "C": ("temperature", None, "°C"),
    "F": ("temperature", None, "°F"),
    "dC": ("temperature-difference", 1.0, "°C (change)"),
    "dF": ("temperature-difference", 5.0 / 9.0, "°F (change)"),
}

# Sanity: the factors the brief names.
assert UNITS["shton"][1] == 907.18474 or abs(UNITS["shton"][1] - 907.18474) < 1e-9
assert abs(UNITS["lton"][1] - 1016.0469088) < 1e-9
assert abs(UNITS["acre"][1] - 4046.8564224) < 1e-9


def to_si(x, u):
    dim, f, _ = UNITS[u]
    if u == "C":
        return x + 273.15
    if u == "F":
        return (x - 32) * 5 / 9 + 273.15
    return x * f


def from_si(x, u):
    dim, f, _ = UNITS[u]
    if u == "C":
        return x - 273.15
    if u == "F":
        return (x - 273.15) * 9 / 5 + 32
    return x / f


def convert(x, ua, ub):
    return from_si(to_si(x, ua), ub)


def uname(u):
    return UNITS[u][2]


# --------------------------------------------------------------------------------------------
# Figures as written and the intervals they stand for.
# --------------------------------------------------------------------------------------------
WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
}
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "bn": 1e9,
    "billion": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
}
NUM_RE = re.compile(r"^(minus\s+|-)?(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([a-z]+)?$", re.I)


class Fig:
    """A figure as written: `text` must occur in the sentence.

    value: what it says. strict_step: a unit of its last written digit (trailing zeros count).
    lenient_step: a unit of its last significant digit (900 -> 100, 5,200 -> 100, 550 -> 10).
    scaled: written with a scale word ("4.5bn", "1.3 million"), i.e. itself a rounded figure.
    """

    def __init__(self, text, value, strict_step, lenient_step, scaled, shown=None):
        self.text = text
        self.value = value
        self.strict_step = strict_step
        self.lenient_step = lenient_step
        self.scaled = scaled
        self.shown = shown or text
        self.with_unit = False  # shown already names its unit (feet and inches)

    def interval(self, lenient=True):
        h = (self.lenient_step if lenient else self.strict_step) / 2
        return (self.value - h, self.value + h)

    def orig_interval(self):
        """How an original (non-derived) figure is read when checking robustness: a figure
        with a scale word as the interval it was rounded from, a plain figure as written."""
        if self.scaled:
            return self.interval(lenient=False)
        return (self.value, self.value)

    def texts(self):
        return [self.text]


def F(text):
    """Parse a figure as written: '5,200', '3.6', '4.5bn', '1.3 million', 'minus 20', 'six'."""
    t = text.strip()
    low = t.lower()
    if low in WORDS:
        v = WORDS[low]
        return Fig(t, float(v), 1.0, 1.0, False)
    if "-" in low and all(p in WORDS for p in low.split("-")):
        v = sum(WORDS[p] for p in low.split("-"))
        return Fig(t, float(v), 1.0, 1.0, False)
    m = NUM_RE.match(t)
    if not m:
        raise ValueError(f"cannot parse figure {text!r}")
    neg, digits, scale = m.group(1), m.group(2), m.group(3)
    mult = 1.0
    if scale:
        if scale.lower() not in SCALES:
            raise ValueError(f"unknown scale word in {text!r}")
        mult = SCALES[scale.lower()]
    d = digits.replace(",", "")
    v = float(d)
    if "." in d:
        step = 10.0 ** -len(d.split(".")[1])
        lstep = step
    else:
        step = 1.0
        stripped = d.rstrip("0")
        tz = len(d) - len(stripped) if stripped else 0
        lstep = 10.0**tz
    sign = -1.0 if neg else 1.0
    return Fig(t, sign * v * mult, step * mult, lstep * mult, bool(scale))


def ftin(feet, inches):
    """Feet and inches as one figure, in inches: ftin('5', '10') = 70 in, read to the inch."""
    f, i = F(feet), F(inches)
    fig = Fig(feet, f.value * 12 + i.value, i.strict_step, i.strict_step, False,
              shown=f"{feet} ft {inches} in")
    fig.texts = lambda: [feet, inches]
    fig.with_unit = True
    return fig


def fig(x):
    return x if isinstance(x, Fig) else F(x)


def widen(lo, hi, v, hedge):
    """Apply a hedge to an interval around figure v.

    about (about, some, roughly, around, approximately): at least 10% either way.
    nearly (nearly, almost, just under): down to 90% of the figure, up to its own rounding.
    more (more than, over, at least, just over): the figure and up.   less: up to the figure."""
    if hedge is None:
        return lo, hi
    if hedge == "about":
        return min(lo, v - abs(v) * 0.1), max(hi, v + abs(v) * 0.1)
    if hedge == "nearly":
        return min(lo, v - abs(v) * 0.1), hi
    if hedge == "more":
        return v, math.inf
    if hedge == "less":
        return -math.inf, v
    raise ValueError(f"unknown hedge {hedge}")


def inside(x, iv):
    return iv[0] - 1e-12 <= x <= iv[1] + 1e-12


def meets(a, b):
    return a[0] <= b[1] + 1e-12 and b[0] <= a[1] + 1e-12


def fmt(x):
    """Five significant figures, no exponent: 24.855, 559.23, 8,207.3, 0.99419, 1.1888 billion."""
    if x == 0:
        return "0"
    if math.isinf(x):
        return "inf"
    for big, word in ((1e9, "billion"), (1e6, "million")):
        if abs(x) >= big:
            return f"{fmt(x / big)} {word}"
    dec = max(0, 4 - int(math.floor(math.log10(abs(x)))))
    s = f"{x:,.{dec}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def pc(x):
    return f"{x:+.4g}%" if abs(x) < 1000 else f"{x:+,.0f}%"


class Verdict:
    def __init__(self, label, truth, figs, strict_label=None, robust=True, lenient_ok=False,
                 miss=None, extra_errors=()):
        self.label = label
        self.truth = truth
        self.figs = figs
        self.strict_label = strict_label if strict_label is not None else label
        self.robust = robust
        self.lenient_ok = lenient_ok
        self.miss = miss  # relative miss of the stated derived figure, for the summary
        self.extra_errors = list(extra_errors)


def lab(ok):
    return "consistent" if ok else "inconsistent"


# --------------------------------------------------------------------------------------------
# Claims.
# --------------------------------------------------------------------------------------------
def conv(a, ua, b, ub, hedge=None, lenient_ok=False, fits=None, fits_from=None):
    """A stated conversion "a ua (b ub)". Holds when a converted exactly falls in b's interval
    (lenient: b is the converted figure), or, the other way round, b converted falls in a's
    strict interval. A hedge on the measurement widens the match to 10%: "about" for any hedge.
    fits / fits_from: the slip that explains a wrong b: b holds when it is read in unit `fits`
    (or a is read in unit `fits_from`, e.g. imperial for US gallons, or an absolute temperature
    for a change). Asserted, and shown in truth."""
    A, B = fig(a), fig(b)
    figs = A.texts() + B.texts()
    shown = A.shown if A.with_unit else f"{A.shown} {uname(ua)}"
    if UNITS[ua][0] != UNITS[ub][0]:
        truth = f"{shown} vs {B.shown} {uname(ub)}: {UNITS[ua][0]} vs {UNITS[ub][0]}, not a conversion"
        return Verdict("inconsistent", truth, figs, miss=math.inf)
    h = "about" if hedge else None
    exact_b = convert(A.value, ua, ub)
    exact_a = convert(B.value, ub, ua)

    def holds(lenient):
        ib = widen(*B.interval(lenient), B.value, h)
        ia = widen(*A.interval(False), A.value, h)
        return inside(exact_b, ib) or inside(exact_a, ia)

    if B.with_unit:  # feet and inches
        feet, inches = divmod(exact_b, 12)
        truth = f"{shown} = {feet:.0f} ft {fmt(inches)} in"
    else:
        truth = f"{shown} = {fmt(exact_b)} {uname(ub)}"
    errors = []
    if fits or fits_from:
        fu, tu = fits_from or ua, fits or ub
        fb = convert(A.value, fu, tu)
        fits_ok = inside(fb, widen(*B.interval(True), B.value, h))
        truth += f" (fits {A.shown} {uname(fu)} = {fmt(fb)} {uname(tu)})"
        if not fits_ok:
            errors.append(f"the stated {B.text} does not fit {fu} -> {tu} either ({fmt(fb)})")
    miss = (B.value - exact_b) / exact_b if exact_b else math.inf
    return Verdict(lab(holds(True)), truth, figs, lab(holds(False)), lenient_ok=lenient_ok,
                   miss=miss, extra_errors=errors)


def conv_range(a1, a2, ua, b1, b2, ub, hedge=None, lenient_ok=False):
    """A stated range conversion "a1 to a2 ua (b1 to b2 ub)": both ends must hold."""
    v1 = conv(a1, ua, b1, ub, hedge)
    v2 = conv(a2, ua, b2, ub, hedge)
    A1, A2, B1, B2 = F(a1), F(a2), F(b1), F(b2)
    e1, e2 = convert(A1.value, ua, ub), convert(A2.value, ua, ub)
    truth = f"{a1}..{a2} {uname(ua)} = {fmt(e1)}..{fmt(e2)} {uname(ub)}"
    ok = v1.label == "consistent" and v2.label == "consistent"
    ok_s = v1.strict_label == "consistent" and v2.strict_label == "consistent"
    miss = max([v1.miss, v2.miss], key=abs)
    return Verdict(lab(ok), truth, v1.figs + v2.figs, lab(ok_s), lenient_ok=lenient_ok, miss=miss)


def derived_interval(P, hedge, lenient, word_value=None):
    """The interval a stated derived figure (a percent, a multiple, a share) stands for."""
    if word_value is not None:
        v = word_value
        lo, hi = v * 0.95, v * 1.05  # a multiple or fraction word: within 5%
    else:
        v = P.value
        lo, hi = P.interval(lenient)
    return widen(lo, hi, v, hedge)


def _robust(fn, figs, target):
    """Range of fn over the original figures read as intervals (scale words) or as written,
    and whether that range still misses the target interval."""
    ivs = [f.orig_interval() for f in figs]
    vals = []
    for corner in range(1 << len(ivs)):
        args = [iv[(corner >> i) & 1] for i, iv in enumerate(ivs)]
        try:
            vals.append(fn(*args))
        except ZeroDivisionError:
            vals.append(math.inf)
    rng = (min(vals), max(vals))
    return rng, not meets(rng, target)


def _derived(label_fn_value, stated_text, figs_objs, fn, P, hedge, lenient_ok, truth,
             word_value=None, sign=1.0, texts=()):
    exact = label_fn_value
    il = derived_interval(P, hedge, True, word_value)
    is_ = derived_interval(P, hedge, False, word_value)
    if sign < 0:
        il = (-il[1], -il[0])
        is_ = (-is_[1], -is_[0])
    ok = inside(exact, il)
    ok_s = inside(exact, is_)
    robust = True
    if not ok:
        _, robust = _robust(fn, figs_objs, il)
    stated = sign * (word_value if word_value is not None else P.value)
    miss = (stated - exact) / exact if exact else math.inf
    figs = [t for f in figs_objs for t in f.texts()] + list(texts)
    return Verdict(lab(ok), truth, figs, lab(ok_s), robust=robust, lenient_ok=lenient_ok,
                   miss=miss)


def pct(frm, to, p, down=False, hedge=None, lenient_ok=False):
    """A stated percent change "from frm to to, up/down p%": (to - frm) / frm."""
    A, B, P = F(frm), F(to), F(p)
    fn = lambda a, b: (b - a) / a * 100
    exact = fn(A.value, B.value)
    truth = f"({B.shown} - {A.shown}) / {A.shown} = {pc(exact)}"
    return _derived(exact, p, [A, B], fn, P, hedge, lenient_ok, truth,
                    sign=-1.0 if down else 1.0, texts=[P.text])


def pct_at(change, final, p, down=False, hedge=None, lenient_ok=False, change_scale=1.0):
    """Share-price style "up change, or p%, at final": the base is final - change (final +
    change for a fall), so the change is change / base. change_scale converts the change to the
    unit of final ("12 cents" at "$4.92": 0.01)."""
    C, Z, P = F(change), F(final), F(p)
    C.value *= change_scale
    C.strict_step *= change_scale
    C.lenient_step *= change_scale
    C.shown = fmt(C.value)
    if down:
        fn = lambda c, z: -c / (z + c) * 100
        base = Z.value + C.value
    else:
        fn = lambda c, z: c / (z - c) * 100
        base = Z.value - C.value
    exact = fn(C.value, Z.value)
    truth = f"{'-' if down else '+'}{C.shown} / {fmt(base)} (= {Z.shown} {'+' if down else '-'} {C.shown}) = {pc(exact)}"
    return _derived(exact, p, [C, Z], fn, P, hedge, lenient_ok, truth,
                    sign=-1.0 if down else 1.0, texts=[P.text])


def points(frm, to, p, reading, down=False, lenient_ok=False):
    """A change between two percentages stated either as a percent ("a 10% rise": relative
    change) or in percentage points ("10 points": difference). Labelled by the reading the
    sentence states; the other reading is shown in truth."""
    A, B, P = F(frm), F(to), F(p)
    rel = lambda a, b: (b - a) / a * 100
    dif = lambda a, b: b - a
    r, d = rel(A.value, B.value), dif(A.value, B.value)
    truth = f"{A.shown}% -> {B.shown}%: {pc(r)} relative, {d:+.4g} points"
    fn = rel if reading == "percent" else dif
    exact = fn(A.value, B.value)
    return _derived(exact, p, [A, B], fn, P, None, lenient_ok, truth,
                    sign=-1.0 if down else 1.0, texts=[P.text])


def ratio(base, new, mult, word=None, hedge=None, lenient_ok=False):
    """A stated multiple: new / base against mult. mult is a figure as written ("2.5") or, with
    word (the words in the sentence: "doubled", "three times"), the number the word means."""
    A, B = F(base), F(new)
    fn = lambda a, b: b / a
    exact = fn(A.value, B.value)
    if word is not None:
        P, wv, texts = None, float(mult), [word]
        shown = word
    else:
        P, wv, texts = F(mult), None, [mult]
        shown = f"{mult}x"
    truth = f"{B.shown} / {A.shown} = {exact:.4g}x (stated: {shown})"
    return _derived(exact, mult, [A, B], fn, P, hedge, lenient_ok, truth,
                    word_value=wv, texts=texts)


def share(part, whole, p, hedge=None, lenient_ok=False):
    """A stated share "part of whole, or p%": part / whole."""
    A, W, P = F(part), F(whole), F(p)
    fn = lambda a, w: a / w * 100
    exact = fn(A.value, W.value)
    truth = f"{A.shown} / {W.shown} = {exact:.4g}%"
    return _derived(exact, p, [A, W], fn, P, hedge, lenient_ok, truth, texts=[P.text])


FRACTIONS = {
    "half": 1 / 2, "a half": 1 / 2, "one in two": 1 / 2,
    "a third": 1 / 3, "one-third": 1 / 3, "one in three": 1 / 3, "two-thirds": 2 / 3,
    "two in three": 2 / 3, "a quarter": 1 / 4, "one in four": 1 / 4, "one-quarter": 1 / 4,
    "three-quarters": 3 / 4, "three in four": 3 / 4, "a fifth": 1 / 5, "one in five": 1 / 5,
    "two-fifths": 2 / 5, "one in 10": 1 / 10, "1 in 10": 1 / 10, "one in ten": 1 / 10,
    "a tenth": 1 / 10, "one in six": 1 / 6, "a sixth": 1 / 6, "nine in 10": 9 / 10,
}


def share_frac(part, whole, word, hedge=None):
    """A stated fraction word for part / whole: "a fifth of the 50 missiles, 10"."""
    A, W = F(part), F(whole)
    fv = FRACTIONS[word.lower()]
    fn = lambda a, w: a / w
    exact = fn(A.value, W.value)
    truth = f"{A.shown} / {W.shown} = {exact * 100:.4g}% (stated: {word} = {fv * 100:.4g}%)"
    return _derived(exact, word, [A, W], fn, None, hedge, False, truth, word_value=fv,
                    texts=[word])


def frac_pct(word, p):
    """A fraction word restated as a percent: "one in four (25%)". Either side may be the
    rounding of the other: holds when the fraction falls in the percent's interval or the
    percent within 5% of the fraction."""
    fv = FRACTIONS[word.lower()] * 100
    P = F(p)
    ok = inside(fv, P.interval(True)) or inside(P.value, (fv * 0.95, fv * 1.05))
    ok_s = inside(fv, P.interval(False)) or inside(P.value, (fv * 0.95, fv * 1.05))
    truth = f"{word} = {fv:.4g}% (stated: {p}%)"
    return Verdict(lab(ok), truth, [word, P.text], lab(ok_s), miss=(P.value - fv) / fv)


def direction(frm, to, up):
    """A change word against the figures: up needs to > frm, down needs to < frm."""
    A, B = F(frm), F(to)
    goes_up = B.value > A.value
    ch = (B.value - A.value) / A.value * 100
    truth = f"{A.shown} -> {B.shown}: {'up' if goes_up else 'down'} {pc(ch)}; the text says {'up' if up else 'down'}"
    return Verdict(lab(goes_up == up), truth, [A.text, B.text], miss=None)


def diff(base, other, d, more=True, hedge=None, lenient_ok=False):
    """A stated difference: other is d more (or fewer) than base. Counts and measures are taken
    as written, so d stands for its strict interval (unless hedged)."""
    A, B, D = F(base), F(other), F(d)
    fn = lambda a, b: b - a
    exact = fn(A.value, B.value)
    truth = f"{B.shown} - {A.shown} = {fmt(exact) if exact >= 0 else '-' + fmt(-exact)}"
    sign = 1.0 if more else -1.0
    iv = widen(*D.interval(False), D.value, hedge)
    if sign < 0:
        iv = (-iv[1], -iv[0])
    ok = inside(exact, iv)
    robust = True
    if not ok:
        _, robust = _robust(fn, [A, B], iv)
    return Verdict(lab(ok), truth, [A.text, B.text, D.text], robust=robust,
                   miss=(sign * D.value - exact) / exact if exact else math.inf)


def total(parts, t, hedge=None):
    """A stated total against its listed parts (or parts against an explicit whole). The total
    stands for its strict interval: counts are exact."""
    Ps = [F(p) for p in parts]
    T = F(t)
    fn = lambda *xs: sum(xs)
    exact = fn(*[p.value for p in Ps])
    truth = " + ".join(p.shown for p in Ps) + f" = {fmt(exact)} (stated: {T.shown})"
    iv = widen(*T.interval(False), T.value, hedge)
    ok = inside(exact, iv)
    robust = True
    if not ok:
        _, robust = _robust(fn, Ps, iv)
    return Verdict(lab(ok), truth, [p.text for p in Ps] + [T.text], robust=robust,
                   miss=(T.value - exact) / exact)


def none(why, figs=()):
    """Numbers but no checkable claim."""
    return Verdict("none", f"no claim: {why}", list(figs))


# --------------------------------------------------------------------------------------------
# The arithmetic of every sentence, by id. Figures are quoted as the sentence writes them.
# --------------------------------------------------------------------------------------------
# BEGIN CASES
CASES = {
    "conv-001": lambda: conv("900","km","559","mi"),
    "conv-002": lambda: conv("16","km","10","mi",hedge=True),
    "conv-003": lambda: conv("84","m","276","ft"),
    "conv-004": lambda: conv("20","mi","32","km"),
    "conv-005": lambda: conv("55","km","34","mi"),
    "conv-006": lambda: conv("6","ft","1.8","m"),
    "conv-007": lambda: conv("100","mi","161","km"),
    "conv-008": lambda: conv("18","C","64.4","F"),
    "conv-009": lambda: conv("900","km","550","mi",hedge=True),
    "conv-010": lambda: conv_range("30","55","kmh","19","34","mph"),
    "conv-011": lambda: conv("29,032","ft","8,849","m"),
    "conv-012": lambda: conv("2 million","bbl","318,000","m3"),
    "conv-013": lambda: conv("3,200","m","10,500","ft"),
    "conv-014": lambda: conv("10","km","6.2","mi"),
    "conv-015": lambda: conv("30","cm","12","in"),
    "conv-016": lambda: conv("1,084","km2","419","mi2"),
    "conv-017": lambda: conv("10,000","acre","4,047","ha"),
    "conv-018": lambda: conv("500","acre","200","ha",hedge=True),
    "conv-019": lambda: conv("2,000","km2","772","mi2"),
    "conv-020": lambda: conv("1,200","kg","2,646","lb"),
    "conv-021": lambda: conv("5","t","11,000","lb"),
    "conv-022": lambda: conv("11","st","70","kg"),
    "conv-023": lambda: conv("40","t","44","shton",hedge=True),
    "conv-024": lambda: conv("35,000","ft","10,668","m"),
    "conv-025": lambda: conv("1.5","m","4.9","ft"),
    "conv-026": lambda: conv("3,800","m","12,500","ft",lenient_ok=True),
    "conv-027": lambda: conv("2","km","1.2","mi",hedge=True),
    "conv-028": lambda: conv(ftin("5","11"),"in","1.80","m"),
    "conv-029": lambda: conv(ftin("6","2"),"in","1.88","m"),
    "conv-030": lambda: conv("112","mph","180","kmh"),
    "conv-031": lambda: conv("20","mph","32","kmh"),
    "conv-032": lambda: conv("30","kn","56","kmh"),
    "conv-033": lambda: conv("70","kn","81","mph"),
    "conv-034": lambda: conv("26","usgal","98","L"),
    "conv-035": lambda: conv("150","L","33","impgal",hedge=True),
    "conv-036": lambda: conv("4.5 billion","L","1.2 billion","usgal"),
    "conv-037": lambda: conv("minus 20","C","minus 4","F"),
    "conv-038": lambda: conv("1.1","dC","2","dF",hedge=True),
    "conv-039": lambda: conv("40.3","C","104.5","F"),
    "conv-040": lambda: conv("5","C","41","F"),
    "conv-041": lambda: conv("12","mi","19","km"),
    "conv-042": lambda: conv("26.2","mi","42.2","km"),
    "conv-043": lambda: conv("1.2","km","0.75","mi",hedge=True),
    "conv-044": lambda: conv("12","nmi","22","km"),
    "conv-045": lambda: conv("200","nmi","370","km"),
    "conv-046": lambda: conv("12","nmi","14","mi"),
    "conv-047": lambda: conv("1.7","mi","2.7","km"),
    "conv-048": lambda: conv("2,240","m","7,350","ft"),
    "conv-049": lambda: conv("2.5","ha","6.2","acre"),
    "conv-050": lambda: conv("24","m","79","ft"),
    "conv-051": lambda: conv("3","km","1.9","mi"),
    "conv-052": lambda: conv("2","kg","4.4","lb",hedge=True),
    "conv-053": lambda: conv("1.6","km","1","mi"),
    "conv-054": lambda: conv("5","km","3","mi"),
    "conv-055": lambda: conv("15","km","9","mi"),
    "conv-056": lambda: conv("30","ft","9","m"),
    "conv-057": lambda: conv("5","cm","2","in",hedge=True),
    "conv-058": lambda: conv("480","kn","890","kmh",lenient_ok=True),
    "conv-059": lambda: conv("4","m","13","ft"),
    "conv-060": lambda: conv("28","mi","45","km"),
    "conv-061": lambda: conv("4,000","km2","1,500","mi2",hedge=True),
    "conv-062": lambda: conv("1.2 million","t","1.32 million","shton"),
    "conv-063": lambda: conv("60","kg","132","lb"),
    "conv-064": lambda: conv("1,000","L","264","usgal"),
    "conv-065": lambda: conv("42","usgal","159","L"),
    "conv-066": lambda: conv("250","mm","10","in"),
    "conv-067": lambda: conv("763","mph","1,228","kmh"),
    "conv-068": lambda: conv("100","kmh","62","mph"),
    "conv-069": lambda: conv("3","m","10","ft"),
    "conv-070": lambda: conv("eight","km","five","mi"),
    "conv-071": lambda: conv("six","mi","10","km"),
    "conv-072": lambda: conv("nine","mi","15","km"),
    "conv-073": lambda: conv("35","mi","52","km",hedge=True),
    "conv-074": lambda: conv("1,000","mi","1,600","km",hedge=True),
    "conv-075": lambda: conv("3","m","10","ft",hedge=True),
    "conv-076": lambda: conv("8","dC","14","dF"),
    "conv-077": lambda: conv("0.5","dC","0.9","dF"),
    "conv-078": lambda: conv_range("25","28","C","77","82","F"),
    "conv-079": lambda: conv_range("10","15","cm","4","6","in"),
    "conv-080": lambda: conv_range("1,500","2,000","ft","457","610","m"),
    "conv-081": lambda: conv("65","m2","700","ft2"),
    "conv-082": lambda: conv("3,000","ft2","279","m2"),
    "conv-083": lambda: conv("2.5 million","L","88,000","ft3"),
    "conv-084": lambda: conv("150","g","5.3","oz"),
    "conv-085": lambda: conv("1,500","lb","680","kg"),
    "conv-086": lambda: conv("120","kn","138","mph"),
    "conv-087": lambda: conv("70","mph","113","kmh"),
    "conv-088": lambda: conv("150","mph","240","kmh",lenient_ok=True),
    "conv-089": lambda: conv("35","mi","60","km",lenient_ok=True),
    "conv-090": lambda: conv("1.88","m",ftin("6","2"),"in"),
    "conv-091": lambda: conv("1,100","m","3,600","ft",lenient_ok=True),
    "conv-092": lambda: conv("57","km","35","mi"),
    "conv-093": lambda: conv("70","kg","154","lb"),
    "conv-094": lambda: conv("128","F","53.3","C"),
    "conv-095": lambda: conv("16","oz","454","g"),
    "conv-096": lambda: conv("800","kmh","500","mph",hedge=True),
    "conv-097": lambda: conv("40","km","15","mi"),
    "conv-098": lambda: conv("15,200","km","8,200","mi",fits="nmi"),
    "conv-099": lambda: conv("2","dC","35.6","dF",fits_from="C",fits="F"),
    "conv-100": lambda: conv("20","impgal","76","L",fits_from="usgal"),
    "conv-101": lambda: conv("20","kn","37","mph",fits="kmh"),
    "conv-102": lambda: conv("100","km","50","mi"),
    "conv-103": lambda: conv("5","kg","11","mi"),
    "conv-104": lambda: conv("3,000","m2","3,300","yd2"),
    "conv-105": lambda: conv("65","m2","213","ft2"),
    "conv-106": lambda: conv("50","mi","31","km"),
    "conv-107": lambda: conv("12","m","3.7","ft"),
    "conv-108": lambda: conv("3","m","98","ft"),
    "conv-109": lambda: conv("30","C","96","F"),
    "conv-110": lambda: conv("minus 5","C","5","F"),
    "conv-111": lambda: conv("1.5","dC","34.7","dF",fits_from="C",fits="F"),
    "conv-112": lambda: conv("minus 40","C","minus 50","F"),
    "conv-113": lambda: conv("18","m","49","ft"),
    "conv-114": lambda: conv("250","kmh","180","mph"),
    "conv-115": lambda: conv("4,000","ha","4,000","acre"),
    "conv-116": lambda: conv("1,100","kg","1,100","lb"),
    "conv-117": lambda: conv("5","st","22","kg"),
    "conv-118": lambda: conv("50","L","11","usgal",fits="impgal"),
    "conv-119": lambda: conv("100","usgal","455","L",fits_from="impgal"),
    "conv-120": lambda: conv("8","kn","15","mph",fits="kmh"),
    "conv-121": lambda: conv("12","nmi","12","mi"),
    "conv-122": lambda: conv("300","nmi","345","km"),
    "conv-123": lambda: conv("400","km","250","nmi",fits="mi"),
    "conv-124": lambda: conv_range("50","80","kmh","30","60","mph"),
    "conv-125": lambda: conv_range("10","20","m","30","80","ft"),
    "conv-126": lambda: conv("three","mi","8","km"),
    "conv-127": lambda: conv(ftin("6","4"),"in","1.85","m"),
    "conv-128": lambda: conv(ftin("5","10"),"in","1.75","m"),
    "conv-129": lambda: conv("42","km","27","mi"),
    "conv-130": lambda: conv("84","m","272","ft"),
    "conv-131": lambda: conv("100","mi","165","km"),
    "conv-132": lambda: conv("18","C","66","F"),
    "conv-133": lambda: conv("185","m","617","ft"),
    "conv-134": lambda: conv("1.2","mi","2.1","km"),
    "conv-135": lambda: conv("10","km","6.6","mi"),
    "conv-136": lambda: conv("26.2","mi","42.6","km"),
    "conv-137": lambda: conv("35,000","ft","10,800","m"),
    "conv-138": lambda: conv("170","km2","75","mi2",hedge=True),
    "conv-139": lambda: conv("1,500","acre","650","ha"),
    "conv-140": lambda: conv("95","kg","205","lb"),
    "conv-141": lambda: conv("2,000","kg","4,500","lb"),
    "conv-142": lambda: conv("130","kmh","84","mph"),
    "conv-143": lambda: conv("32","kn","62","kmh"),
    "conv-144": lambda: conv("25","kn","31","mph"),
    "conv-145": lambda: conv("60","mph","105","kmh"),
    "conv-146": lambda: conv("70","C","162","F"),
    "conv-147": lambda: conv("1.5","dC","3.2","dF"),
    "conv-148": lambda: conv("2.5","L","0.6","usgal"),
    "conv-149": lambda: conv("1.6","km","1.1","mi"),
    "conv-150": lambda: conv("12","mi","21","km"),
    "conv-151": lambda: conv("11","km","7.5","mi"),
    "conv-152": lambda: conv("2,240","m","7,400","ft"),
    "conv-153": lambda: conv("38","m","130","ft"),
    "conv-154": lambda: conv("300","mm","11","in"),
    "conv-155": lambda: conv("45","kg","95","lb"),
    "conv-156": lambda: conv("800","ha","2,100","acre"),
    "conv-157": lambda: conv("0.45","ha","1.2","acre"),
    "conv-158": lambda: conv("25","mi2","68","km2"),
    "conv-159": lambda: conv("12","C","52","F"),
    "conv-160": lambda: conv("5.2","m","18","ft"),
    "conv-161": lambda: conv("4.2 million","mi","7.2 million","km"),
    "conv-162": lambda: conv("3.5","mi","5","km"),
    "conv-163": lambda: conv("2","m","4","ft"),
    "conv-164": lambda: conv("30","t","30,000","lb"),
    "conv-165": lambda: conv("40,000","bbl","4,000","m3"),
    "conv-166": lambda: conv("100","mph","120","kmh"),
    "conv-167": lambda: conv("30","kmh","25","mph"),
    "conv-168": lambda: conv("45","kmh","32","mph"),
    "conv-169": lambda: conv("3,500","ft2","450","m2"),
    "conv-170": lambda: conv("4","ft","2","m"),
    "conv-171": lambda: conv("3","C","27","F"),
    "pct-001": lambda: pct("4bn","4.5bn","12.5"),
    "pct-002": lambda: pct("54.6 mln","62.4 mln","14.3"),
    "pct-003": lambda: pct("2.5 million","2.3 million","8",down=True),
    "pct-004": lambda: pct("18,000","14,040","22",down=True),
    "pct-005": lambda: pct("58.8 million","61.2 million","4.1"),
    "pct-006": lambda: pct("1.294 billion","1.334 billion","3.1"),
    "pct-007": lambda: pct("7,594","7,412","2.4",down=True),
    "pct-008": lambda: pct_at("12","4.92","2.5",change_scale=0.01),
    "pct-009": lambda: pct_at("30","270","10",down=True),
    "pct-010": lambda: pct_at("1.85","82.40","2.3"),
    "pct-011": lambda: pct_at("0.9","1.2650","0.7",down=True,change_scale=0.01),
    "pct-012": lambda: points("5","6","20","percent"),
    "pct-013": lambda: points("4.5","4.2","0.3","points",down=True),
    "pct-014": lambda: points("62.1","67.3","5.2","points"),
    "pct-015": lambda: pct("20,000","73,000","265"),
    "pct-016": lambda: pct("268,700","285,000","6.1"),
    "pct-017": lambda: pct("1.95bn","2.9bn","50",hedge="nearly"),
    "pct-018": lambda: pct("1.9bn","1.1bn","40",down=True,hedge="more"),
    "pct-019": lambda: pct("1.70 million","1.82 million","7",hedge="about"),
    "pct-020": lambda: pct("4.8 billion","5.23 billion","9"),
    "pct-021": lambda: pct("1.05","1.22","16"),
    "pct-022": lambda: pct("288.9 mln","312.6 mln","8.2"),
    "pct-023": lambda: pct("377m","418m","11"),
    "pct-024": lambda: pct("4","5","50"),
    "pct-025": lambda: pct("38.4 mln","31.2 mln","12",down=True),
    "pct-026": lambda: pct("4.03bn","4.52bn","14"),
    "pct-027": lambda: pct("1.1 million","1.3 million","40"),
    "pct-028": lambda: pct("2.5 million","2.1 million","8",down=True),
    "pct-029": lambda: pct("18,000","15,210","22",down=True),
    "pct-030": lambda: pct_at("12","4.92","3.5",change_scale=0.01),
    "pct-031": lambda: pct_at("30","270","12",down=True),
    "pct-032": lambda: pct_at("1.85","82.40","2.5"),
    "pct-033": lambda: points("5","6","1","percent"),
    "pct-034": lambda: points("20","30","10","percent"),
    "pct-035": lambda: points("67.3","62.1","5.2","percent",down=True),
    "pct-036": lambda: points("4","5","25","points"),
    "pct-037": lambda: pct("20,000","73,000","165"),
    "pct-038": lambda: pct("268,700","285,000","6.8"),
    "pct-039": lambda: pct("1.294 billion","1.334 billion","3.6"),
    "pct-040": lambda: pct("7,594","7,412","3.4",down=True),
    "pct-041": lambda: pct("1.95bn","2.9bn","60",hedge="more"),
    "pct-042": lambda: pct("4.8 billion","5.23 billion","9",down=True),
    "pct-043": lambda: pct("58.8 million","64.2 million","4.1"),
    "pct-044": lambda: pct("4,200","3,360","15",down=True),
    "pct-045": lambda: pct("13,000","12,480","4.5",down=True),
    "pct-046": lambda: pct("12.5 mln","14.1 mln","23"),
    "pct-047": lambda: pct("90.2 mln","88.3 mln","4.7",down=True),
    "pct-048": lambda: pct("377m","418m","18"),
    "cmp-001": lambda: ratio("20","73","3","three times",hedge="more"),
    "cmp-002": lambda: ratio("140bn","310bn","2","doubled",hedge="more"),
    "cmp-003": lambda: ratio("4,100","11,900","3","tripled",hedge="nearly"),
    "cmp-004": lambda: ratio("2,480","1,240","0.5","halved"),
    "cmp-005": lambda: ratio("24,000","48,000","2","doubled"),
    "cmp-006": lambda: ratio("800","2,000","2.5"),
    "cmp-007": lambda: ratio("2.0 billion","8.1 billion","4","quadrupled"),
    "cmp-008": lambda: ratio("312","157","0.5","by half"),
    "cmp-009": lambda: ratio("104 million","1.02 billion","10","ten times",hedge="about"),
    "cmp-010": lambda: ratio("5.1 million","9.6 million","2","doubled",hedge="nearly"),
    "cmp-011": lambda: ratio("15","45","3","tripled"),
    "cmp-012": lambda: ratio("500,000","1.5 million","3","trebled"),
    "cmp-013": lambda: ratio("152","310","2","twice"),
    "cmp-014": lambda: ratio("30 million","90 million","3","three times"),
    "cmp-015": lambda: ratio("12,400","4,150","0.3333333333333333","a third"),
    "cmp-016": lambda: ratio("20","73","2","doubled"),
    "cmp-017": lambda: ratio("140bn","310bn","3","tripled",hedge="more"),
    "cmp-018": lambda: ratio("4,100","9,800","3","tripled"),
    "cmp-019": lambda: ratio("2,480","1,640","0.5","halved"),
    "cmp-020": lambda: ratio("24,000","41,000","2","doubled"),
    "cmp-021": lambda: ratio("900","2,000","2.5"),
    "cmp-022": lambda: ratio("2.0 billion","6.1 billion","4","quadrupled"),
    "cmp-023": lambda: ratio("312","201","0.5","by half"),
    "cmp-024": lambda: ratio("5.1 million","12.4 million","2","doubled",hedge="nearly"),
    "cmp-025": lambda: ratio("15","35","3","tripled"),
    "cmp-026": lambda: ratio("148 million","1.02 billion","10","ten times",hedge="about"),
    "cmp-027": lambda: ratio("500,000","1.2 million","3","trebled"),
    "cmp-028": lambda: ratio("1.0bn","2.3bn","2","doubled"),
    "cmp-029": lambda: ratio("1,240","1,810","2","twice",hedge="nearly"),
    "cmp-030": lambda: ratio("30 million","90 million","4","four times"),
    "cmp-031": lambda: ratio("3,000","4,000","1.3333333333333333","a third more than"),
    "cmp-032": lambda: ratio("3,000","4,600","1.3333333333333333","a third more than"),
    "share-001": lambda: share("30","120","25"),
    "share-002": lambda: frac_pct("one in four","25"),
    "share-003": lambda: frac_pct("three-quarters","75"),
    "share-004": lambda: share_frac("10","50","a fifth"),
    "share-005": lambda: share("412","1,250","33"),
    "share-006": lambda: share_frac("322","680","half",hedge="nearly"),
    "share-007": lambda: share_frac("790","2,400","a third",hedge="about"),
    "share-008": lambda: share("87","650","13.4"),
    "share-009": lambda: frac_pct("two-thirds","67"),
    "share-010": lambda: share_frac("2,300","23,100","one in 10"),
    "share-011": lambda: share("437","1,900","23"),
    "share-012": lambda: share("30","120","35"),
    "share-013": lambda: frac_pct("one in three","25"),
    "share-014": lambda: frac_pct("three-quarters","57"),
    "share-015": lambda: share_frac("15","50","a fifth"),
    "share-016": lambda: share("412","1,250","36"),
    "share-017": lambda: share_frac("220","680","half",hedge="nearly"),
    "share-018": lambda: share("87","650","14.2"),
    "share-019": lambda: frac_pct("two-thirds","60"),
    "share-020": lambda: share_frac("520","1,600","a quarter"),
    "share-021": lambda: share("437","1,900","32"),
    "share-022": lambda: share_frac("141","300","half",hedge="more"),
    "dir-001": lambda: direction("73","20",up=False),
    "dir-002": lambda: direction("3.2","3.4",up=True),
    "dir-003": lambda: direction("31","45",up=True),
    "dir-004": lambda: direction("4.6","4.1",up=False),
    "dir-005": lambda: direction("1,150","1,240",up=True),
    "dir-006": lambda: direction("1.9 million","1.7 million",up=False),
    "dir-007": lambda: direction("48,500","52,000",up=True),
    "dir-008": lambda: direction("73","20",up=True),
    "dir-009": lambda: direction("3.2","3.4",up=False),
    "dir-010": lambda: direction("45","31",up=True),
    "dir-011": lambda: direction("4.6","4.1",up=True),
    "dir-012": lambda: direction("1,150","1,240",up=False),
    "dir-013": lambda: direction("1.9 million","1.7 million",up=True),
    "dir-014": lambda: direction("48,500","52,000",up=False),
    "diff-001": lambda: diff("20","73","53"),
    "diff-002": lambda: diff("1,700","1,991","291"),
    "diff-003": lambda: diff("16,314","18,432","2,118"),
    "diff-004": lambda: diff("19","31","12"),
    "diff-005": lambda: diff("4,950","4,300","650",more=False),
    "diff-006": lambda: diff("1,300","1,204","96",more=False),
    "diff-007": lambda: diff("20","73","63"),
    "diff-008": lambda: diff("1,700","1,991","391"),
    "diff-009": lambda: diff("16,314","18,432","2,318"),
    "diff-010": lambda: diff("19","31","15"),
    "diff-011": lambda: diff("4,950","4,300","550",more=False),
    "diff-012": lambda: diff("1,300","1,204","96"),
    "diff-013": lambda: diff("12","25","13"),
    "diff-014": lambda: diff("12","25","15"),
    "diff-015": lambda: diff("62","71","9"),
    "diff-016": lambda: diff("62","71","6"),
    "diff-017": lambda: diff("30","45","15"),
    "diff-018": lambda: diff("30","45","12"),
    "pct-049": lambda: pct("3,000","4,500","50"),
    "pct-050": lambda: pct("3,000","4,500","20"),
    "pct-051": lambda: pct("95,500","84,000","12",down=True),
    "pct-052": lambda: pct("95,500","84,000","18",down=True),
    "pct-053": lambda: pct("3.20","3.50","9"),
    "pct-054": lambda: pct("3.20","3.50","15"),
    "pct-055": lambda: pct("9,250","9,535","3.1"),
    "pct-056": lambda: pct("9,250","9,535","5.1"),
    "pct-057": lambda: pct("64,000","80,000","25"),
    "pct-058": lambda: pct("64,000","80,000","18"),
    "share-023": lambda: share_frac("400","1,600","a quarter"),
    "share-024": lambda: share_frac("600","1,600","a quarter"),
    "share-025": lambda: share("50","250","20"),
    "share-026": lambda: share("50","250","25"),
    "conv-172": lambda: conv("31","C","88","F"),
    "conv-173": lambda: conv("31","C","55","F"),
    "total-001": lambda: total(["5","3","4"],"12"),
    "total-002": lambda: total(["15","8","4"],"27"),
    "total-003": lambda: total(["14","12","14"],"40"),
    "total-004": lambda: total(["700","450"],"1,150"),
    "total-005": lambda: total(["1.8bn","0.9bn","0.5bn"],"3.2bn"),
    "total-006": lambda: total(["6","4"],"10"),
    "total-007": lambda: total(["6","3","4"],"12"),
    "total-008": lambda: total(["15","9","5"],"27"),
    "total-009": lambda: total(["14","12","11"],"40"),
    "total-010": lambda: total(["800","450"],"1,150"),
    "total-011": lambda: total(["1.8bn","1.1bn","0.6bn"],"3.2bn"),
    "total-012": lambda: total(["6","5"],"10"),
    "none-001": lambda: none('an aircraft type and a year'),
    "none-002": lambda: none('a section number and a year'),
    "none-003": lambda: none('a score'),
    "none-004": lambda: none('a score'),
    "none-005": lambda: none('a list of specifications, not a conversion'),
    "none-006": lambda: none('dimensions, not a conversion'),
    "none-007": lambda: none('an age and a length'),
    "none-008": lambda: none('a percent with no base'),
    "none-009": lambda: none('a percent with no base'),
    "none-010": lambda: none('an aircraft type and a duration'),
    "none-011": lambda: none('a road number and one length'),
    "none-012": lambda: none('a decade'),
    "none-013": lambda: none('a flight number and a date'),
    "none-014": lambda: none('a name and a date'),
    "none-015": lambda: none('a mission name and a date'),
    "none-016": lambda: none('an article number and a date'),
    "none-017": lambda: none('a resolution number and a vote'),
    "none-018": lambda: none('a time and a date'),
    "none-019": lambda: none('phone numbers'),
    "none-020": lambda: none('two unrelated distances'),
    "none-021": lambda: none('unrelated length and area'),
    "none-022": lambda: none('a spread of readings'),
    "none-023": lambda: none('a model number and specifications'),
    "none-024": lambda: none('a disease name and a count'),
    "none-025": lambda: none('a percent with no base'),
    "none-026": lambda: none('a change with no figures to check it against'),
    "none-027": lambda: none('a magnitude and a depth'),
    "none-028": lambda: none('a year'),
    "none-029": lambda: none('a road number, junction numbers and a duration'),
    "none-030": lambda: none('a road number and a duration'),
    "none-031": lambda: none('dimensions'),
    "none-032": lambda: none('a version number and specifications'),
    "none-033": lambda: none('a vote'),
    "none-034": lambda: none('an event name and a time'),
    "none-035": lambda: none('a sentence and a date'),
    "none-036": lambda: none('a century and a cost'),
    "none-037": lambda: none('a date and an age'),
    "none-038": lambda: none('a rate and a year'),
    "none-039": lambda: none('a vote'),
    "none-040": lambda: none('an aircraft type and a year'),
    "none-041": lambda: none('an address and a time'),
    "none-042": lambda: none('a phrase and a count'),
    "none-043": lambda: none('a name and a percent with no base'),
    "none-044": lambda: none('a price, a count and a length'),
    "none-045": lambda: none('a formation'),
    "none-046": lambda: none('an age, a road and a time'),
    "none-047": lambda: none('a bracket of specifications'),
    "none-048": lambda: none('an aircraft type and a capacity'),
    "none-049": lambda: none('a connector size'),
    "none-050": lambda: none('a rate'),
    "none-051": lambda: none('an index name and a level'),
    "none-052": lambda: none('one speed'),
    "none-053": lambda: none('a route number and an interval'),
    "none-054": lambda: none('a date and a count'),
    "none-055": lambda: none('specifications in brackets, different quantities'),
    "none-056": lambda: none('a bracket of specifications'),
    "none-057": lambda: none('a duration and a count'),
    "none-058": lambda: none('dimensions'),
    "none-059": lambda: none('specifications'),
    "none-060": lambda: none('years, not figures of the change'),
    "none-061": lambda: none('years, not figures of the change'),
    "none-062": lambda: none('years'),
    "none-063": lambda: none('a score and a gap with no figures to check'),
    "none-064": lambda: none('a threshold'),
    "none-065": lambda: none('two forecasts'),
    "none-066": lambda: none('a date'),
    "none-067": lambda: none('a maturity and a level with no earlier figure'),
    "none-068": lambda: none('a rocket name and a time'),
    "none-069": lambda: none('a transponder code'),
    "none-070": lambda: none('a shirt number and a count'),
    "none-071": lambda: none('a chapter number and a year'),
    "none-072": lambda: none('two counts, no total stated'),
    "none-073": lambda: none('a count, no share stated'),
    "none-074": lambda: none('a length and a count'),
    "none-075": lambda: none('two unrelated counts'),
    "none-076": lambda: none('two statistics'),
    "none-077": lambda: none('a score'),
    "none-078": lambda: none('a percent with no base'),
    "none-079": lambda: none('a version number and a date'),
    "none-080": lambda: none('identifiers'),
    "none-081": lambda: none('two unrelated rates'),
    "none-082": lambda: none('an acceleration figure'),
    "none-083": lambda: none('a bracket of specifications'),
    "none-084": lambda: none('one height'),
    "none-085": lambda: none('an aircraft type, an altitude and a duration'),
    "none-086": lambda: none('two shares, no claim relating them'),
    "none-087": lambda: none('a year and a capacity'),
    "none-088": lambda: none('counts and a year'),
    "none-089": lambda: none('a regnal number and a year'),
    "none-090": lambda: none('an age and a count'),
    "none-091": lambda: none('a dose and a vitamin name'),
    "none-092": lambda: none('a pollutant name and a level'),
    "none-093": lambda: none('a model year and a speed'),
    "none-094": lambda: none('a height and a mass'),
    "none-095": lambda: none('two dimensions'),
    "none-096": lambda: none('two race distances and a count'),
    "none-097": lambda: none('two prices'),
    "none-098": lambda: none('two prices'),
    "none-099": lambda: none('a speed and a limit'),
    "none-100": lambda: none('a flight number and a time'),
    "none-101": lambda: none('a mass and a year in brackets'),
    "none-102": lambda: none('a distance and a time in brackets'),
    "none-103": lambda: none('a range of times'),
    "none-104": lambda: none('two prices in brackets'),
    "none-105": lambda: none('two changes with no figures to check them against'),
    "none-106": lambda: none('a unit name and a count'),
    "none-107": lambda: none('a score and a points total'),
    "none-108": lambda: none('a floor and a height in storeys'),
    "none-109": lambda: none('one sum'),
    "none-110": lambda: none('an altitude and a mass'),
    "none-111": lambda: none('a name and a sum'),
    "none-112": lambda: none('one price'),
    "none-113": lambda: none('a time and a temperature'),
    "none-114": lambda: none('identifiers'),
    "none-115": lambda: none('a height and an ordinal'),
    "none-116": lambda: none('specifications'),
    "none-117": lambda: none('a road number and a count'),
    "none-118": lambda: none('a count, a mass and a road'),
    "none-119": lambda: none('a year and a count'),
    "none-120": lambda: none('two durations, no claim relating them'),
    "none-121": lambda: none('results side by side, no change stated'),
    "none-122": lambda: none('one sum and a year'),
    "none-123": lambda: none('two share counts, no claim relating them'),
    "none-124": lambda: none('profit against loss, no change stated'),
    "none-125": lambda: none('a move and a range with no earlier level given'),
    "none-126": lambda: none('one count'),
    "none-127": lambda: none('an age and a duration'),
    "none-128": lambda: none('two capacities, no claim relating them'),
    "none-129": lambda: none('a year, a toll and a count'),
    "none-130": lambda: none('a period and a rate'),
    "none-131": lambda: none('a rate and an ordinal'),
    "none-132": lambda: none('a cost, a name and a date'),
    "none-133": lambda: none('two ages'),
    "none-134": lambda: none('one hedged count'),
    "none-135": lambda: none('an aircraft type and a capacity'),
    "none-136": lambda: none('a percent with no base'),
    "none-137": lambda: none('a rent, a count and a zone'),
}
# END CASES


KINDS = {"conversion", "percent", "comparison", "share", "direction", "difference", "total",
         "other"}
LABELS = {"consistent", "inconsistent", "none"}


def figure_in_text(f, text):
    pat = r"(?<![\w.])" + re.escape(f) + r"(?![\w])" if re.match(r"^[\w]", f) else re.escape(f)
    if re.search(pat, text, re.I):
        return True
    # "12-foot", "5ft", "4.5bn": a figure glued to its unit or scale word.
    return re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])", text, re.I) is not None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus.jsonl"))
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    errors = []
    rows = []
    with open(a.corpus, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f"{a.corpus}:{n}: bad JSON: {e}")
    seen = {}
    counts = {}
    misses = {"near": 0, "clear": 0, "other": 0}
    for n, r in rows:
        rid = r.get("id")
        where = f"{os.path.basename(a.corpus)}:{n} [{rid}]"
        for key in ("id", "text", "kind", "label", "truth"):
            if not isinstance(r.get(key), str) or not r.get(key):
                errors.append(f"{where}: missing or empty `{key}`")
        if rid in seen:
            errors.append(f"{where}: duplicate id (first on line {seen[rid]})")
        seen[rid] = n
        if r.get("kind") not in KINDS:
            errors.append(f"{where}: bad kind {r.get('kind')!r}")
        if r.get("label") not in LABELS:
            errors.append(f"{where}: bad label {r.get('label')!r}")
        if (r.get("label") == "none") != (r.get("kind") == "other"):
            errors.append(f"{where}: `none` rows have kind `other`, and only they do")
        if rid not in CASES:
            errors.append(f"{where}: no arithmetic for this id in verify.py")
            continue
        try:
            v = CASES[rid]()
        except Exception as e:  # a typo in a figure
            errors.append(f"{where}: arithmetic failed: {e!r}")
            continue
        text = r.get("text", "")
        if v.label != r.get("label"):
            errors.append(f"{where}: labelled {r.get('label')}, arithmetic says {v.label}: {v.truth}")
        if v.truth != r.get("truth"):
            errors.append(f"{where}: truth is {r.get('truth')!r}, arithmetic gives {v.truth!r}")
        for f in v.figs:
            if not figure_in_text(f, text):
                errors.append(f"{where}: figure {f!r} does not occur in the text")
        if v.strict_label != v.label and not v.lenient_ok:
            errors.append(f"{where}: verdict hangs on reading trailing zeros ({v.label} lenient, "
                          f"{v.strict_label} strict); mark lenient_ok=True if intended")
        if v.lenient_ok and v.strict_label == v.label:
            errors.append(f"{where}: lenient_ok set but the verdict does not depend on it")
        if not v.robust:
            errors.append(f"{where}: inconsistent only if the scale-word figures are exact; "
                          "write them more precisely")
        for e in v.extra_errors:
            errors.append(f"{where}: {e}")
        k = (r.get("kind"), r.get("label"))
        counts[k] = counts.get(k, 0) + 1
        if r.get("label") == "inconsistent":
            if v.miss is None or math.isinf(v.miss) or abs(v.miss) > 0.15:
                misses["clear" if v.miss is not None else "other"] += 1
            else:
                misses["near"] += 1
    for cid in CASES:
        if cid not in seen:
            errors.append(f"verify.py: id {cid} has arithmetic but no row in the corpus")
    if not a.quiet:
        kinds = sorted({k for k, _ in counts})
        print(f"{'kind':12} {'consistent':>11} {'inconsistent':>13} {'none':>6}")
        for k in kinds:
            print(f"{k:12} {counts.get((k, 'consistent'), 0):>11} "
                  f"{counts.get((k, 'inconsistent'), 0):>13} {counts.get((k, 'none'), 0):>6}")
        tot = {lb: sum(c for (_, l2), c in counts.items() if l2 == lb) for lb in LABELS}
        print(f"{'total':12} {tot['consistent']:>11} {tot['inconsistent']:>13} {tot['none']:>6}"
              f"   ({len(rows)} rows)")
        print(f"inconsistent: {misses['clear']} off by more than 15% (or a unit/dimension "
              f"error), {misses['near']} within 15%, {misses['other']} direction errors")
    for e in errors:
        print("error:", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    if not a.quiet:
        print("every label follows from its arithmetic")
    return 0


if __name__ == "__main__":
    sys.exit(main())
