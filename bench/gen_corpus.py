#!/usr/bin/env python3
"""Deterministic generator of news-like English prose for numlint's benchmarks.

Writes articles made of varied paragraphs: conversions (some right, some wrong),
percent changes, ratios, shares, sums, ranges, counts, money, dates, years,
times, identifiers ("F-16", "COVID-19"), quotations, abbreviations that trip up
sentence splitters ("Mr.", "U.S.", "No. 10") and plain sentences with no number
at all. The same arguments always give the same bytes (Python 3.11, stdlib only).

    python3 bench/gen_corpus.py --size 10MB --seed 1 > corpus.txt
    python3 bench/gen_corpus.py --size 5MB --format markdown > corpus.md
    python3 bench/gen_corpus.py --size 5MB --format html > corpus.html
    python3 bench/gen_corpus.py --size 100MB --single-line > one-line.txt

Sizes: B, KB, MB, GB are powers of 1000; KiB, MiB, GiB powers of 1024. The
output stops after the first article that reaches the size, so it is at most a
few KB larger.
With --exact the output is cut to exactly the size (at a character boundary,
possibly mid-sentence).
"""

from __future__ import annotations

import argparse
import random
import re
import sys

# --------------------------------------------------------------------------
# Vocabulary. Real place names; people and companies are made up.
# --------------------------------------------------------------------------

CITIES = [
    "London", "Manchester", "Glasgow", "Cardiff", "Belfast", "Dublin", "Paris", "Lyon",
    "Marseille", "Berlin", "Hamburg", "Munich", "Madrid", "Barcelona", "Lisbon", "Rome",
    "Milan", "Naples", "Vienna", "Zurich", "Geneva", "Brussels", "Amsterdam", "Rotterdam",
    "Copenhagen", "Oslo", "Stockholm", "Helsinki", "Warsaw", "Prague", "Budapest",
    "Bucharest", "Athens", "Istanbul", "Ankara", "Kyiv", "Cairo", "Lagos", "Nairobi",
    "Johannesburg", "Cape Town", "Accra", "Addis Ababa", "Dakar", "Casablanca", "Tunis",
    "Dubai", "Doha", "Riyadh", "Tehran", "Baghdad", "Karachi", "Lahore", "Delhi",
    "Mumbai", "Bangalore", "Chennai", "Kolkata", "Dhaka", "Colombo", "Kathmandu",
    "Bangkok", "Hanoi", "Ho Chi Minh City", "Jakarta", "Manila", "Kuala Lumpur",
    "Singapore", "Hong Kong", "Shanghai", "Beijing", "Shenzhen", "Taipei", "Seoul",
    "Busan", "Tokyo", "Osaka", "Sydney", "Melbourne", "Brisbane", "Perth", "Auckland",
    "Wellington", "New York", "Boston", "Chicago", "Houston", "Dallas", "Phoenix",
    "Denver", "Seattle", "San Francisco", "Los Angeles", "Miami", "Atlanta", "Detroit",
    "Toronto", "Montreal", "Vancouver", "Calgary", "Mexico City", "Bogota", "Lima",
    "Santiago", "Buenos Aires", "Sao Paulo", "Rio de Janeiro", "Caracas", "Havana",
]

COUNTRIES = [
    "Britain", "Ireland", "France", "Germany", "Spain", "Portugal", "Italy", "Austria",
    "Switzerland", "Belgium", "the Netherlands", "Denmark", "Norway", "Sweden", "Finland",
    "Poland", "the Czech Republic", "Hungary", "Romania", "Greece", "Turkey", "Ukraine",
    "Egypt", "Nigeria", "Kenya", "South Africa", "Ghana", "Ethiopia", "Senegal", "Morocco",
    "Tunisia", "Saudi Arabia", "Iran", "Iraq", "Pakistan", "India", "Bangladesh",
    "Sri Lanka", "Nepal", "Thailand", "Vietnam", "Indonesia", "the Philippines",
    "Malaysia", "China", "Taiwan", "South Korea", "Japan", "Australia", "New Zealand",
    "the United States", "the US", "the U.S.", "Canada", "Mexico", "Colombia", "Peru",
    "Chile", "Argentina", "Brazil", "Venezuela", "Cuba", "the UK", "the EU",
]

REGIONS = [
    "the north-east", "the south-west", "the Midlands", "the Highlands", "the coast",
    "the capital", "the border region", "the delta", "the northern provinces",
    "the eastern suburbs", "the river valley", "the mountain districts", "the islands",
    "the Gulf", "the Pacific north-west", "the Sahel", "the Balkans", "the Baltic states",
    "the Great Lakes region", "the Outback", "the Rust Belt", "the Alps",
]

COMPANIES = [
    "Norvale Energy", "Brightwater Holdings", "Castlegate Bank", "Orrin Motors",
    "Tidewell Foods", "Kestrel Airways", "Halden Steel", "Pinecrest Pharma", "Quayside Retail",
    "Marrow & Finch", "Ostara Telecom", "Vantor Logistics", "Redfern Mining", "Altavia Group",
    "Calder Water", "Sundial Media", "Ironbridge Rail", "Lumen Grid", "Harrowgate Insurance",
    "Westmoor Homes", "Delphine Shipping", "Corvid Software", "Ambergate Chemicals",
    "Fennick Brewing", "Solway Wind", "Blackthorn Capital", "Meridian Foods",
    "Greyhaven Aerospace", "Northstar Freight", "Copperleaf Pharmaceuticals",
]

BODIES = [
    "the central bank", "the finance ministry", "the health ministry", "the interior ministry",
    "the statistics office", "the Office for National Statistics", "the weather service",
    "the Met Office", "the coastguard", "the fire service", "the police", "the city council",
    "the regional government", "the World Health Organization", "the International Monetary Fund",
    "the World Bank", "the United Nations", "the European Commission", "the transport authority",
    "the energy regulator", "the electoral commission", "the port authority",
    "the Environment Agency", "the National Grid", "the Treasury", "the Federal Reserve",
    "the Bank of England", "the European Central Bank", "the Red Cross", "the coroner's office",
    "the aviation authority", "the education department", "the U.N. refugee agency",
]

PARTIES = [
    "Labour", "the Conservatives", "the Liberal Democrats", "the Greens", "the Social Democrats",
    "the Christian Democrats", "the Democrats", "the Republicans", "the ruling party",
    "the main opposition party", "independents", "the nationalists", "the Reform bloc",
]

FIRST = [
    "Anna", "James", "Priya", "Mohammed", "Chen", "Olga", "Kwame", "Lucia", "Tomasz", "Aiko",
    "Daniel", "Fatima", "Sean", "Ingrid", "Rafael", "Mei", "Oluwaseun", "Hannah", "Arjun",
    "Sofia", "Pieter", "Amara", "Jonas", "Leila", "Mateo", "Yuki", "Niamh", "Ravi", "Elena",
    "Kofi", "Grace", "Dmitri", "Carmen", "Henrik", "Zainab", "Tariq", "Bridget", "Luis",
]

LAST = [
    "Okafor", "Lindqvist", "Moreau", "Hartley", "Nakamura", "Petrov", "Mensah", "Alvarez",
    "Kowalski", "Tanaka", "Brennan", "Haddad", "Novak", "Castillo", "Fischer", "Osei",
    "Whitcombe", "Sharma", "Delacroix", "Byrne", "Ivanova", "Achterberg", "Romero", "Kim",
    "Adeyemi", "Van Dijk", "Rossi", "O'Connell", "Gallagher", "Chowdhury", "Sato", "Mbeki",
    "Lund", "Ferreira", "MacLeod", "Abara", "Quint", "Halloran",
]

TITLES = ["Mr.", "Ms.", "Dr.", "Mrs.", "Prof.", "Mr", "Ms", "Dr", "Sen.", "Gov.", "Rep."]

ROLES = [
    "a spokeswoman for {org}", "a spokesman for {org}", "the chief executive of {org}",
    "the finance director of {org}", "an analyst at {org}", "a senior economist at {org}",
    "the mayor of {city}", "a councillor in {city}", "a resident of {city}",
    "a doctor at a hospital in {city}", "the head of {body}", "a lawyer for the families",
    "a union official", "a local shopkeeper", "a researcher at the University of {city}",
    "the minister for transport", "an engineer who worked on the project",
    "a witness who asked not to be named", "the team's coach", "a farmer near {city}",
]

SAY = ["said", "told reporters", "said in a statement", "told the newspaper", "added",
       "wrote in a blog post", "told a news conference", "said on Tuesday", "said by phone"]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_SHORT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
                "Oct.", "Nov.", "Dec."]
ZONES = ["GMT", "BST", "CET", "EST", "ET", "PT", "UTC", "local time", "IST", "JST", "AEST"]

IDENTIFIERS = [
    "F-16 fighter jets", "COVID-19", "Covid-19", "the A380", "a Boeing 737-800", "the 737 Max",
    "the G7 summit", "the G20", "the M25 motorway", "Highway 401", "Interstate 95",
    "Article 50", "Section 230", "Apollo 11", "the H5N1 strain of bird flu", "SARS-CoV-2",
    "the new 5G network", "Euro 2024", "the 2030 World Cup", "PM2.5 particles", "CO2 emissions",
    "Windows 11", "version 2.3.1 of the app", "the iPhone 15", "a T-72 tank", "the A320neo",
    "the B-52 bombers", "Flight 370", "Route 66", "the U-2 spy plane", "Formula 1",
    "the 4x4 vehicles", "Typhoon No. 9", "No. 10 Downing Street", "the Model 3", "Vitamin D3",
    "the Omicron BA.5 variant", "the ISO 9001 standard", "Gate B42", "Terminal 5", "Platform 9",
    "the Patriot PAC-3 system", "the M4 carbine", "the Class 800 trains", "the Y2K bug",
]

ABBREV_SUBJECTS = [
    "U.S. officials", "the U.K. government", "Mr. {last}", "Dr. {last}", "St. Louis police",
    "Acme Corp.", "the U.N. envoy", "Gen. {last}", "Lt. Col. {last}", "Sgt. {last}",
    "the E.U. delegation", "Ft. Worth residents", "the firm's U.S. arm", "{org} Inc.",
]

# Count nouns: (singular, plural), people and things apart so the verbs fit.
PEOPLE = [
    ("patient", "patients"), ("passenger", "passengers"), ("student", "students"),
    ("worker", "workers"), ("teacher", "teachers"), ("nurse", "nurses"), ("migrant", "migrants"),
    ("visitor", "visitors"), ("child", "children"), ("person", "people"), ("officer", "officers"),
    ("subscriber", "subscribers"), ("customer", "customers"), ("resident", "residents"),
    ("voter", "voters"), ("pupil", "pupils"), ("fan", "fans"), ("refugee", "refugees"),
    ("employee", "employees"), ("tourist", "tourists"), ("driver", "drivers"),
]
THINGS = [
    ("home", "homes"), ("job", "jobs"), ("school", "schools"), ("vehicle", "vehicles"),
    ("tree", "trees"), ("flight", "flights"), ("household", "households"), ("farm", "farms"),
    ("shop", "shops"), ("bed", "beds"), ("seat", "seats"), ("ballot", "ballots"),
    ("container", "containers"), ("turbine", "turbines"), ("bus", "buses"), ("branch", "branches"),
    ("case", "cases"), ("death", "deaths"), ("arrest", "arrests"), ("complaint", "complaints"),
    ("application", "applications"), ("store", "stores"), ("sheep", "sheep"), ("cow", "cows"),
    ("bridge", "bridges"), ("hospital bed", "hospital beds"), ("electric car", "electric cars"),
    ("pub", "pubs"), ("library", "libraries"), ("charging point", "charging points"),
]
NOUNS = PEOPLE + THINGS
WAGONS = ["railcars", "wagons", "carriages", "tank cars", "freight cars", "coaches"]
PEOPLE_DID = ["were evacuated", "were affected", "took part", "were arrested", "were rescued",
              "gathered in the square", "were left without power", "signed the petition",
              "remain unaccounted for", "were taken to hospital", "lost their jobs"]
THINGS_DID = ["were damaged", "were added", "were lost", "have closed", "were inspected",
              "were destroyed", "were approved", "have been built", "were recorded"]

SINGULAR = {
    "kilometres": "kilometre", "kilometers": "kilometer", "miles": "mile", "metres": "metre",
    "meters": "meter", "feet": "foot", "centimetres": "centimetre", "centimeters": "centimeter",
    "inches": "inch", "kilograms": "kilogram", "kilos": "kilo", "pounds": "pound", "lbs": "lb",
    "tonnes": "tonne", "tons": "ton", "metric tons": "metric ton", "short tons": "short ton",
    "hectares": "hectare", "acres": "acre", "litres": "litre", "liters": "liter",
    "gallons": "gallon", "US gallons": "US gallon", "nautical miles": "nautical mile",
    "square kilometres": "square kilometre", "square kilometers": "square kilometer",
    "square miles": "square mile", "sq miles": "sq mile", "kms": "km",
}

COUNTABLE_IDS = [
    "F-16 fighter jets", "Boeing 737-800s", "A320neo jets", "T-72 tanks", "B-52 bombers",
    "Class 800 trains", "M4 carbines", "Patriot PAC-3 launchers", "MQ-9 Reaper drones",
    "Airbus A350-1000s", "Leopard 2A6 tanks", "Model Y cars",
]

METRICS = [
    "revenue", "net profit", "pre-tax profit", "sales", "exports", "imports", "operating income",
    "the budget deficit", "public debt", "spending on defence", "the wage bill", "turnover",
    "the trade surplus", "annual earnings", "ticket sales", "advertising income",
    "the dividend", "capital spending", "the pension deficit", "online sales",
]

COUNT_METRICS = [
    "the number of {p}", "the number of {p} in {place}", "the tally of {p}", "the count of {p}",
]

RATE_METRICS = [
    "Unemployment", "Inflation", "The jobless rate", "Turnout", "The vacancy rate",
    "The interest rate", "The savings rate", "The approval rating", "The default rate",
    "The vaccination rate", "Youth unemployment", "Core inflation",
]

UP = ["rose", "climbed", "increased", "grew", "jumped", "surged", "edged up", "rose by"]
DOWN = ["fell", "dropped", "declined", "slipped", "slumped", "decreased", "fell by", "shrank"]

PERCENT = ["%", "%", "%", " percent", " per cent"]

HEDGE_ABOUT = ["about", "around", "roughly", "approximately", "some", "an estimated", "close to"]
HEDGE_MORE = ["more than", "over", "at least", "upwards of"]
HEDGE_LESS = ["nearly", "almost", "just under", "fewer than", "less than", "up to", "under"]

ADJ = [
    "unprecedented", "disappointing", "long overdue", "a step in the right direction",
    "premature", "regrettable", "encouraging", "deeply worrying", "reckless", "sensible",
    "a victory for common sense", "unworkable", "overdue", "a relief",
]

PLAIN = [
    "Officials in {city} declined to comment.",
    "{org} did not respond to a request for comment.",
    "The company said it would appeal against the ruling.",
    "{name} said the decision was {adj}.",
    "Critics say the plan does little to address the underlying problem.",
    "Residents were advised to stay indoors and keep their windows closed.",
    "The investigation is continuing, {body} said.",
    "It was not immediately clear what caused the fire.",
    "Talks are expected to resume next week in {city}.",
    "Shares in {org} were little changed in early trading.",
    "The announcement came after weeks of speculation.",
    "Opposition leaders called the move {adj}.",
    "{body} said it was monitoring the situation closely.",
    "Rescue teams worked through the night in freezing conditions.",
    "The proposal still needs the approval of parliament.",
    "Analysts had expected a weaker result.",
    "The road remained closed on {day} while engineers inspected the damage.",
    "{name}, who has led the firm since its founding, is expected to step down.",
    "Neither side has said what a deal would look like.",
    "The report did not say how the figures were calculated.",
    "Several flights were cancelled and others were diverted to {city}.",
    "Campaigners welcomed the decision but said more needed to be done.",
    "The government has repeatedly denied the claims.",
    "Local businesses say they have been hit hard by the closures.",
    "The museum will reopen to the public later this year.",
    "Police have appealed for witnesses.",
    "The club confirmed the signing on its website.",
    "It is the first time such a ruling has been made in {country}.",
    "The bill faces a difficult passage through the upper house.",
    "Markets in {city} closed lower as investors weighed the news.",
    "Doctors said his condition was stable.",
    "The agency said the risk to the public remained low.",
    "Voters will have the final say.",
    "Mr. {last} said he had not been consulted.",
    "Details of the settlement were not disclosed.",
    "The festival drew crowds from across {region}.",
    "Forecasters warned of further disruption over the weekend.",
    "The findings have yet to be peer reviewed.",
    "A spokesperson for {org} said the firm was cooperating fully.",
    "The U.S. embassy in {city} issued a travel advisory.",
]

SENT_LEADS = [
    "According to {body},", "Figures released on {day} show that", "{body} said that",
    "In a statement, {org} said", "Official data showed", "A report by {body} found that",
    "Separately,", "Meanwhile,", "Earlier this year,", "By contrast,", "In {city},",
    "Last year,", "Elsewhere,", "At the same time,",
]

TOPIC_WORDS = [
    "Storm", "Flood", "Budget", "Strike", "Election", "Merger", "Drought", "Heatwave",
    "Rail", "Port", "Housing", "Energy", "Transport", "Health", "Schools", "Airline", "Mining",
    "Wildfire", "Trade", "Water", "Tourism", "Steel", "Farming", "Pension", "Fishing",
]

HEADLINE = [
    "{topic} hits {city} as officials count the cost",
    "{org} profit beats forecasts",
    "{topic} talks stall in {city}",
    "{country} unveils plan to tackle {topic_l} crisis",
    "What the {topic_l} figures really tell us",
    "{topic} warning for {region}",
    "{org} to cut jobs in {city}",
    "Inside the race to rebuild after the {topic_l}",
    "{topic} costs soar as {country} braces for winter",
    "Why {city} is betting on {topic_l}",
]

WORDS = {
    0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
    8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen",
    14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen",
    19: "nineteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty",
    70: "seventy", 80: "eighty", 90: "ninety",
}

# --------------------------------------------------------------------------
# Conversions: (metric forms, imperial forms, factor metric->imperial, low, high, contexts)
# Factors are the exact definitions (mile = 1.609344 km, pound = 0.45359237 kg ...).
# --------------------------------------------------------------------------

MILE_KM = 1.609344
CONVERSIONS = [
    # name, metric units, imperial units, factor (imperial per metric), range of metric figure,
    # contexts with {q} for the "A (B)" pair
    ("km-mi", ["km", "kilometres", "kilometers", "kms"], ["miles", "mi"], 1 / MILE_KM, (5, 9000), [
        "The pipeline will run for {q} from the coast to {city}.",
        "The convoy travelled {q} to reach {city}.",
        "The missiles can fly {q}, officials said.",
        "A {q} stretch of the border was closed.",
        "The storm made landfall {q} south of {city}.",
        "The eruption sent ash {q} downwind.",
        "The new line will cut the journey by {q}.",
        "Traffic was backed up for {q} on the motorway.",
    ]),
    ("m-ft", ["m", "metres", "meters", "metre"], ["ft", "feet"], 1 / 0.3048, (2, 9000), [
        "Waves of up to {q} battered the harbour.",
        "The tower, which stands {q} tall, will open in spring.",
        "Climbers reached a height of {q} before turning back.",
        "The wall is {q} high in places.",
        "The ship sank in {q} of water.",
    ]),
    ("cm-in", ["cm", "centimetres", "centimeters"], ["inches", "in"], 1 / 2.54, (1, 120), [
        "{q} of rain fell in 24 hours.",
        "Snow drifts reached {q} in places.",
        "The crack in the dam was {q} wide.",
        "Forecasters expect {q} of snow overnight.",
    ]),
    ("kg-lb", ["kg", "kilograms", "kilos"], ["lb", "pounds", "lbs"], 1 / 0.45359237, (1, 2000), [
        "Customs officers seized {q} of cocaine.",
        "The cub weighed {q} at birth.",
        "Each parcel held {q} of rice.",
        "The record-breaking pumpkin weighed {q}.",
    ]),
    ("t-ton", ["tonnes", "metric tons"], ["tons", "short tons"], 1 / 0.90718474, (10, 900000), [
        "The vessel was carrying {q} of grain.",
        "Farmers harvested {q} of wheat this season.",
        "The bridge can bear {q}.",
    ]),
    ("kmh-mph", ["km/h", "kph", "kilometres per hour"], ["mph", "miles per hour"], 1 / MILE_KM, (20, 400), [
        "Winds gusted at {q} overnight.",
        "The train reached a top speed of {q} during tests.",
        "Police said the car was travelling at {q}.",
        "The typhoon brought sustained winds of {q}.",
    ]),
    ("sqkm-sqmi", ["sq km", "square kilometres", "km²", "square kilometers"], ["sq miles", "square miles", "sq mi"],
     1 / (MILE_KM * MILE_KM), (1, 500000), [
        "The fire has burned through {q} of forest.",
        "The reserve covers {q}.",
        "Floodwater covered {q} of farmland.",
    ]),
    ("ha-acre", ["hectares", "ha"], ["acres"], 1 / 0.40468564224, (2, 90000), [
        "The estate covers {q} of parkland.",
        "Developers want to build on {q} of green belt.",
        "The blaze destroyed {q} of vineyards.",
    ]),
    ("l-gal", ["litres", "liters", "l"], ["gallons", "US gallons"], 1 / 3.785411784, (10, 5000000), [
        "The tanker spilled {q} of diesel into the river.",
        "The reservoir lost {q} a day through leaks.",
        "Firefighters used {q} of water.",
    ]),
    ("km-nmi", ["km", "kilometres"], ["nautical miles", "nm"], 1 / 1.852, (5, 3000), [
        "The fishing boat was found {q} off the coast.",
        "The carrier group sailed {q} east of the islands.",
        "The exclusion zone extends {q} from shore.",
    ]),
]

TEMP_CONTEXTS = [
    "Temperatures reached {q} in {city} on {day}.",
    "The thermometer dropped to {q} overnight.",
    "Forecasters expect highs of {q} this week.",
    "Water in the bay was {q}, well above normal.",
]
TEMP_DIFF_CONTEXTS = [
    "Average temperatures have risen by {q} since pre-industrial times.",
    "The sea was {q} warmer than the long-term average.",
    "Nights were {q} colder than usual.",
]


def parse_size(s: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?\s*", s, re.I)
    if not m:
        raise argparse.ArgumentTypeError(f"bad size {s!r} (try 10MB, 512KiB, 2000B)")
    n = float(m.group(1))
    unit = (m.group(2) or "B").upper()
    mult = {"B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9,
            "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}[unit]
    return int(n * mult)


def sig_round(x: float, sig: int) -> float:
    if x == 0:
        return 0.0
    from math import floor, log10
    d = sig - 1 - int(floor(log10(abs(x))))
    return round(x, d)


def sig_figs(text: str) -> int:
    """Significant figures of a figure as written: "900" -> 1, "1,250" -> 3, "4.50" -> 3."""
    digits = text.replace(",", "")
    if "." in digits:
        return max(1, len(digits.replace(".", "").lstrip("0")))
    return max(1, len(digits.lstrip("0").rstrip("0")))


class Gen:
    """All randomness goes through self.r, a random.Random seeded once: same seed, same bytes."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.article_no = 0

    # ----- small helpers ---------------------------------------------------

    def pick(self, seq):
        return seq[int(self.r.random() * len(seq))]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def name(self) -> str:
        if self.chance(0.3):
            return f"{self.pick(TITLES)} {self.pick(LAST)}"
        return f"{self.pick(FIRST)} {self.pick(LAST)}"

    def fill(self, template: str, **extra) -> str:
        """Fills the usual placeholders lazily (only those the template names)."""
        if "{" not in template:
            return template
        vals = {}
        for key in re.findall(r"{(\w+)}", template):
            if key in extra:
                vals[key] = extra[key]
            elif key == "city":
                vals[key] = self.pick(CITIES)
            elif key == "country":
                vals[key] = self.pick(COUNTRIES)
            elif key == "region":
                vals[key] = self.pick(REGIONS)
            elif key == "org":
                vals[key] = self.pick(COMPANIES)
            elif key == "body":
                vals[key] = self.pick(BODIES)
            elif key == "name":
                vals[key] = self.name()
            elif key == "last":
                vals[key] = self.pick(LAST)
            elif key == "day":
                vals[key] = self.pick(DAYS)
            elif key == "adj":
                vals[key] = self.pick(ADJ)
            elif key == "place":
                vals[key] = self.pick(CITIES) if self.chance(0.6) else self.pick(COUNTRIES)
            else:
                vals[key] = key
        return template.format(**vals)

    def cap(self, s: str) -> str:
        return s[:1].upper() + s[1:]

    def num(self, x: float, decimals: int = 0, commas: bool | None = None) -> str:
        """A figure as a writer types it."""
        if commas is None:
            commas = self.chance(0.85)
        if decimals <= 0:
            n = int(round(x))
            if n >= 1000 and not commas:
                return str(n)
            return f"{n:,}"
        s = f"{x:,.{decimals}f}" if commas else f"{x:.{decimals}f}"
        return s

    def small_count(self, n: int) -> str:
        if n in WORDS and n <= 12 and self.chance(0.6):
            return WORDS[n]
        return str(n)

    def percent(self) -> str:
        return self.pick(PERCENT)

    def currency(self) -> tuple[str, str]:
        """(prefix symbol, suffix word): one of them is empty."""
        if self.r.random() < 0.8:
            return self.pick(["$", "$", "£", "£", "€", "US$", "C$", "A$", "HK$", "¥"]), ""
        return "", self.pick([" euros", " dollars", " pounds", " yen", " rupees", " Swiss francs"])

    def money(self, value_units: float, cur: tuple[str, str] | None = None) -> str:
        """A sum of money as a writer types it: "$4.5bn", "£320m", "1.2 million euros"."""
        pre, post = cur or self.currency()
        v = value_units
        if v >= 1e9:
            scale, div = self.pick([("bn", 1e9), (" billion", 1e9), ("bn", 1e9)])
        elif v >= 1e6:
            scale, div = self.pick([("m", 1e6), (" million", 1e6), ("mn", 1e6)])
        elif v >= 1e4 and self.chance(0.2):
            scale, div = "k", 1e3
        else:
            scale, div = "", 1
        if post and scale in ("m", "mn", "bn", "k"):
            scale = {"m": " million", "mn": " million", "bn": " billion", "k": " thousand"}[scale]
        x = v / div
        decimals = 0 if x >= 100 or div == 1 else 1
        fig = self.num(x, decimals)
        if fig.endswith(".0"):
            fig = fig[:-2]
        return f"{pre}{fig}{scale}{post}"

    def date(self) -> str:
        d = 1 + int(self.r.random() * 28)
        m = self.r.random()
        month = self.pick(MONTHS)
        if m < 0.35:
            return f"on {d} {month}"
        if m < 0.55:
            return f"on {month} {d}"
        if m < 0.65:
            return f"on {self.pick(MONTHS_SHORT)} {d}, {self.year()}"
        if m < 0.75:
            return f"on {d} {month} {self.year()}"
        if m < 0.9:
            return f"on {self.pick(DAYS)}"
        return f"in {month} {self.year()}"

    def year(self) -> str:
        if self.r.random() < 0.7:
            return str(1995 + int(self.r.random() * 31))
        return str(1900 + int(self.r.random() * 95))

    def time(self) -> str:
        h = int(self.r.random() * 24)
        mi = self.pick([0, 5, 10, 15, 20, 30, 40, 45, 50, 55])
        r = self.r.random()
        if r < 0.4:
            return f"{h:02d}:{mi:02d} {self.pick(ZONES)}"
        if r < 0.7:
            hh = h % 12 or 12
            ap = "am" if h < 12 else "pm"
            return f"{hh}.{mi:02d}{ap}" if mi else f"{hh}{ap}"
        if r < 0.85:
            hh = h % 12 or 12
            ap = "a.m." if h < 12 else "p.m."
            return f"{hh}:{mi:02d} {ap}"
        return f"{h:02d}{mi:02d} GMT"

    # ----- sentence makers -------------------------------------------------

    def s_conversion(self) -> str:
        name, metric, imperial, factor, (lo, hi), contexts = self.pick(CONVERSIONS)
        # Log-uniform figure, rounded as a writer would.
        import math
        x = math.exp(math.log(lo) + self.r.random() * (math.log(hi) - math.log(lo)))
        sig = self.pick([1, 2, 2, 2, 3, 3, 4])
        x = sig_round(x, sig)
        decimals = 1 if x < 10 and self.chance(0.4) else 0
        if decimals == 0:
            x = max(1, round(x))
        metric_first = self.chance(0.7)
        a_val = x
        b_true = x * factor if metric_first else x / factor
        a_txt = self.num(a_val, decimals)
        # The converted figure: right (rounded like the original) most of the time.
        kind = self.r.random()
        if kind < 0.68:
            b = sig_round(b_true, max(2, sig_figs(a_txt)))
        elif kind < 0.74:
            b = b_true  # over-precise
        elif kind < 0.80:
            b = b_true * 10 if self.chance(0.5) else b_true / 10
        elif kind < 0.86:
            b = x / factor if metric_first else x * factor  # factor applied the wrong way
        elif kind < 0.92 and name == "km-mi":
            b = x / 1.852 if metric_first else x * 1.852  # nautical for statute
        else:
            b = b_true * self.pick([0.8, 0.85, 1.15, 1.25, 1.4])
            b = sig_round(b, max(2, sig_figs(a_txt)))
        b_dec = 1 if b < 10 and decimals else 0
        b_txt = self.num(b, b_dec)
        if metric_first:
            ua, ub = self.pick(metric), self.pick(imperial)
        else:
            ua, ub = self.pick(imperial), self.pick(metric)
        if a_txt == "1":
            ua = SINGULAR.get(ua, ua)
        if b_txt == "1":
            ub = SINGULAR.get(ub, ub)
        hedge = ""
        if self.chance(0.3):
            hedge = self.pick(HEDGE_ABOUT + HEDGE_MORE + HEDGE_LESS[:3]) + " "
        style = self.r.random()
        if style < 0.75:
            q = f"{hedge}{a_txt} {ua} ({b_txt} {ub})"
        elif style < 0.85:
            q = f"{hedge}{a_txt}{ua if len(ua) <= 3 else ' ' + ua} ({b_txt}{ub if len(ub) <= 3 else ' ' + ub})"
        elif style < 0.93:
            q = f"{hedge}{a_txt} {ua}, or about {b_txt} {ub},"
        else:
            q = f"{hedge}{a_txt} {ua} – roughly {b_txt} {ub} –"
        s = self.fill(self.pick(contexts), q=q)
        s = s.replace(",,", ",").replace(",.", ".").replace("–.", ".").replace("–,", "–")
        return self.cap(s)

    def s_temperature(self) -> str:
        if self.chance(0.7):
            c = self.pick([-30, -12, -5, 0, 4, 12, 18, 21, 25, 28, 30, 32, 35, 38, 40, 41, 45, 48])
            f = c * 9 / 5 + 32
            if self.chance(0.2):
                f = c * 9 / 5  # forgot the offset
            elif self.chance(0.1):
                f += self.pick([-6, 5, 9])
            deg = self.pick(["C", "°C", "ºC", " degrees Celsius", "C"])
            fdeg = self.pick(["F", "°F", " degrees Fahrenheit", "F"])
            q = f"{c}{deg} ({round(f)}{fdeg})"
            if self.chance(0.25):
                q = f"{round(f)}{fdeg} ({c}{deg})"
            return self.fill(self.pick(TEMP_CONTEXTS), q=q)
        d = self.pick([0.5, 1, 1.1, 1.5, 2, 2.5, 3, 4, 5])
        f = d * 9 / 5
        if self.chance(0.3):
            f = d * 9 / 5 + 32  # converted as if absolute
        ds = f"{d:g}"
        q = f"{ds}C ({f:.1f}F)" if self.chance(0.5) else f"{ds} degrees Celsius ({round(f, 1):g} degrees Fahrenheit)"
        return self.fill(self.pick(TEMP_DIFF_CONTEXTS), q=q)

    def s_percent_change(self) -> str:
        import math
        up = self.chance(0.6)
        pct = sig_round(0.5 + self.r.random() * (45 if up else 30), self.pick([1, 2, 2, 3]))
        if pct >= 10:
            pct = round(pct)
        old = math.exp(math.log(2e5) + self.r.random() * (math.log(9e10) - math.log(2e5)))
        old = sig_round(old, self.pick([2, 2, 3]))
        new = old * (1 + pct / 100) if up else old * (1 - pct / 100)
        kind = self.r.random()
        if kind < 0.15:
            # wrong base: percent of the new figure
            pct_stated = abs(new - old) / new * 100
            pct_stated = round(pct_stated) if pct_stated >= 10 else round(pct_stated, 1)
        elif kind < 0.22:
            pct_stated = round(pct * self.pick([0.5, 1.5, 2, 10]), 1)
        else:
            pct_stated = pct
        p_txt = f"{pct_stated:g}"
        metric = self.pick(METRICS)
        is_company = self.chance(0.6)
        org = self.pick(COMPANIES) if is_company else self.pick(COUNTRIES)
        was = "were" if metric.endswith("s") and not metric.endswith("ss") else "was"
        cur = self.currency()
        new_t, old_t = self.money(new, cur), self.money(old, cur)
        verb = self.pick(UP if up else DOWN)
        per = self.percent()
        form = self.r.random()
        if form < 0.3:
            poss = f"{org}'" if org.endswith("s") else f"{org}'s"
            m = metric[4:] if metric.startswith("the ") else metric
            s = f"{poss} {m} {verb} {p_txt}{per} to {new_t} from {old_t}"
        elif form < 0.5:
            s = f"{self.cap(metric)} {verb} {p_txt}{per} to {new_t}, {'up' if up else 'down'} from {old_t} a year earlier"
        elif form < 0.65:
            s = (f"{org} reported {metric[4:] if metric.startswith('the ') else metric} of {new_t}, a {'rise' if up else 'fall'} of {p_txt}{per} "
                 f"on the {old_t} it made in {self.year()}")
        elif form < 0.8:
            s = f"{self.cap(metric)} {'grew' if up else 'shrank'} from {old_t} to {new_t}, {'an increase' if up else 'a decrease'} of {p_txt}{per}"
        elif form < 0.9:
            s = f"{self.cap(metric)} {was} {'up' if up else 'down'} {p_txt}{per} at {new_t}"
        else:
            s = f"{org} said {metric} would {'increase' if up else 'fall'} by {p_txt}{per} next year"
        if is_company:
            return s + self.pick([".", ".", ".", ", the company said.", ", according to the filing."])
        return s + self.pick([".", ".", ", official figures showed.", ", the statistics office said."])

    def s_rate(self) -> str:
        a = round(1 + self.r.random() * 14, 1)
        d = round(self.pick([0.1, 0.2, 0.3, 0.5, 0.7, 1.2, 2.0]), 1)
        up = self.chance(0.5)
        b = round(a + d if up else max(0.1, a - d), 1)
        metric = self.pick(RATE_METRICS)
        per = self.percent()
        r = self.r.random()
        if r < 0.4:
            return (f"{metric} {'rose' if up else 'fell'} to {b:g}{per} in {self.pick(MONTHS)} from {a:g}{per}, "
                    f"{'a rise' if up else 'a fall'} of {abs(b - a):.1f} percentage points.")
        if r < 0.6:
            # the classic slip: points called percent
            return f"{metric} {'rose' if up else 'fell'} from {a:g}{per} to {b:g}{per}, {'an increase' if up else 'a drop'} of {abs(b - a):.1f}{per}."
        if r < 0.8:
            return f"{metric} stood at {b:g}{per} in the three months to {self.pick(MONTHS)}, {self.pick(['the lowest', 'the highest'])} since {self.year()}."
        return f"{metric} is forecast to average {b:g}{per} next year, compared with {a:g}{per} this year."

    def s_ratio(self) -> str:
        import math
        noun = self.pick(NOUNS)[1]
        a = int(sig_round(math.exp(math.log(8) + self.r.random() * math.log(5e5)), self.pick([1, 2, 2, 3])))
        a = max(a, 2)
        mult, word = self.pick([(2, "doubled"), (3, "tripled"), (0.5, "halved"), (4, "quadrupled"),
                                (2.1, "more than doubled"), (1.9, "nearly doubled"), (5, "rose fivefold"),
                                (10, "rose tenfold"), (2 / 3, "fell by a third"), (1.5, "rose by half")])
        b = a * mult
        if self.chance(0.25):
            b *= self.pick([0.7, 0.8, 1.3, 1.6])
        b = int(sig_round(b, 2)) if b >= 100 else max(1, round(b))
        r = self.r.random()
        place = self.pick(CITIES)
        if r < 0.5:
            return f"The number of {noun} in {place} {word}, from {self.num(a)} to {self.num(b)}."
        if r < 0.75:
            return f"{self.cap(noun)} {word} to {self.num(b)} in {self.year()}, from {self.num(a)} a decade earlier."
        if r < 0.9:
            t = self.pick(["twice", "three times", "four times", "half"])
            return f"There are now {self.num(b)} {noun} in {place}, {t} as many as in {self.year()}, when there were {self.num(a)}."
        return f"{self.cap(noun)} {word} over the period, {self.fill('{body}')} said."

    def s_share(self) -> str:
        noun = self.pick(PEOPLE)[1]
        r = self.r.random()
        if r < 0.3:
            k, n = self.pick([(1, 4), (1, 3), (1, 5), (2, 3), (1, 10), (3, 4), (1, 2), (2, 5)])
            words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 10: "ten"}
            return f"{self.cap(words[k])} in {words[n]} {noun} surveyed said they {self.pick(['had been affected', 'backed the plan', 'would move abroad', 'could not afford rent'])}."
        if r < 0.6:
            total = self.pick([120, 250, 400, 650, 1000, 1200, 2000, 2500, 5000, 12000])
            part = int(total * (0.05 + self.r.random() * 0.9))
            pct = part / total * 100
            if self.chance(0.2):
                pct *= self.pick([0.8, 1.2, 0.5])
            return f"Of the {self.num(total)} {noun}, {self.num(part)}, or {round(pct)}{self.percent()}, {self.pick(['were women', 'voted in favour', 'had left', 'are over 65', 'were born abroad'])}."
        if r < 0.8:
            frac = self.pick(["a third", "a quarter", "two-thirds", "half", "three-quarters", "a fifth",
                              "nearly half", "more than a third", "almost a quarter"])
            thing = self.pick(THINGS)[1]
            return f"{self.cap(frac)} of the {thing} in {self.pick(CITIES)} {self.pick(['are more than 30 years old', 'failed inspection', 'were built before 1950', 'lack basic equipment'])}."
        pct = self.pick([12, 18, 23, 37, 41, 52, 64, 71, 88])
        return f"{pct}{self.percent()} of {noun} said {self.pick(['prices were too high', 'they felt safe', 'the service had improved', 'they would vote again'])}, a survey of {self.num(self.pick([800, 1000, 1500, 2000, 2400]))} people found."

    def s_sum(self) -> str:
        r = self.r.random()
        if r < 0.5:
            total = self.pick([80, 120, 150, 200, 300, 450, 650])
            a = int(total * (0.3 + self.r.random() * 0.4))
            b = total - a
            if self.chance(0.25):
                b += self.pick([-10, -3, 2, 5, 12])
            p1 = self.pick(PARTIES)
            p2 = self.pick([p for p in PARTIES if p != p1])
            return f"Of the {total} seats, {a} went to {p1} and {b} to {p2}."
        a, b, c = (int(5 + self.r.random() * 300) for _ in range(3))
        tot = a + b + c
        if self.chance(0.25):
            tot += self.pick([-20, -1, 10, 100])
        who = self.pick([("men", "women", "children"), ("cars", "vans", "lorries"),
                         ("doctors", "nurses", "paramedics"), ("homes", "shops", "offices")])
        return f"The dead included {a} {who[0]}, {b} {who[1]} and {c} {who[2]}, a total of {self.num(tot)}." \
            if who[0] == "men" else f"Inspectors checked {a} {who[0]}, {b} {who[1]} and {c} {who[2]} – {self.num(tot)} in all."

    def s_count(self) -> str:
        people = self.chance(0.5)
        sing, plur = self.pick(PEOPLE if people else THINGS)
        did = self.pick(PEOPLE_DID if people else THINGS_DID)
        r = self.r.random()
        if r < 0.25:
            n = int(2 + self.r.random() ** 3 * 90000)
            hedge = self.pick(HEDGE_ABOUT + HEDGE_MORE + HEDGE_LESS + ["", "", ""])
            h = (hedge + " ") if hedge else ""
            return f"{self.cap(h)}{self.num(n)} {plur} {did} {self.date()}."
        if r < 0.45:
            if people:
                q = self.pick(["tens of thousands of", "hundreds of", "thousands of", "a dozen", "dozens of",
                               "two dozen", "a handful of", "several hundred", "1.5 million", "2.3m",
                               "half a million", "a few hundred", "millions of", "some 40,000"])
            else:
                q = self.pick(["hundreds of", "thousands of", "a dozen", "dozens of", "two dozen",
                               "a handful of", "several hundred", "about 1,200", "a few hundred", "scores of"])
            return f"{self.cap(q)} {plur} {did}, {self.fill('{body}')} said."
        if r < 0.6:
            n = int(3 + self.r.random() * 120)
            m = int(n * (0.05 + self.r.random() * (0.9 if self.chance(0.9) else 1.5)))
            return (f"A freight train of {n} {self.pick(WAGONS)} derailed near {self.pick(CITIES)}, "
                    f"and {m} of them {self.pick(['overturned', 'caught fire', 'were carrying chemicals', 'left the tracks'])}.")
        if r < 0.75:
            n = self.small_count(int(2 + self.r.random() * 11))
            return f"{self.cap(n)} {plur} {did}, {self.fill('{body}')} said."
        if r < 0.9:
            age = int(18 + self.r.random() * 70)
            return f"{self.fill('{name}')}, {age}, {self.pick(['was charged with', 'denies', 'was cleared of'])} {self.pick(['fraud', 'dangerous driving', 'theft', 'assault'])}."
        age = int(8 + self.r.random() * 80)
        return f"The {age}-year-old {self.pick(['driver', 'teacher', 'pilot', 'goalkeeper', 'grandmother'])} was {self.pick(['unhurt', 'taken to hospital', 'praised for her bravery', 'named player of the match'])}."

    def s_range(self) -> str:
        import math
        kind, metric, imperial, factor = self.pick([
            ("speed", ("km/h", "kph"), ("mph",), 1 / MILE_KM),
            ("dist", ("km", "kilometres"), ("miles",), 1 / MILE_KM),
            ("snow", ("cm",), ("inches", "in"), 1 / 2.54),
            ("wave", ("m", "metres"), ("ft", "feet"), 1 / 0.3048),
        ])
        a = int(sig_round(math.exp(math.log(3) + self.r.random() * math.log(60 if kind == "wave" else 300)), 2))
        b = int(a * (1.2 + self.r.random()))
        b = max(a + 1, int(sig_round(b, 2)))
        ca, cb = sig_round(a * factor, 2), sig_round(b * factor, 2)
        if self.chance(0.2):
            cb = sig_round(cb * self.pick([1.5, 0.6, 10]), 2)
        um, ui = self.pick(metric), self.pick(imperial)
        conv = f"({ca:g} to {cb:g} {ui})" if self.chance(0.6) else f"({ca:g}-{cb:g} {ui})"
        r = self.r.random()
        if kind == "speed":
            if r < 0.6:
                return f"Winds of {a} to {b} {um} {conv} are expected {self.pick(['inland', 'on the coast', 'overnight'])}."
            return f"The new limits range from {a} to {b} {um} on most roads."
        if kind == "dist":
            if r < 0.4:
                return f"The {self.pick(['rebels', 'crews', 'search teams'])} advanced between {a} and {b} {um} a day."
            if r < 0.7:
                return f"Officials estimate the queue stretched {a}-{b} {um}."
            return f"Visibility fell to between {a} and {b} {um} {conv} in places."
        if kind == "snow":
            return f"Between {a} and {b} {um} {conv} of snow is forecast for higher ground."
        if r < 0.5:
            return f"Waves of {a}-{b} {um} {conv} are expected along the coast."
        return f"Between {self.num(a * 100)} and {self.num(b * 100)} {self.pick(PEOPLE)[1]} are expected to {self.pick(['attend', 'take part', 'turn up'])}, organisers said."

    def s_money(self) -> str:
        import math
        v = sig_round(math.exp(math.log(1e3) + self.r.random() * (math.log(5e11) - math.log(1e3))), self.pick([1, 2, 2, 3]))
        hedge = self.pick(HEDGE_ABOUT + HEDGE_MORE + ["", "", "", ""])
        h = (hedge + " ") if hedge else ""
        r = self.r.random()
        org = self.pick(COMPANIES)
        if r < 0.3:
            return f"{org} agreed to pay {h}{self.money(v)} to settle the case."
        if r < 0.5:
            return f"The project is expected to cost {h}{self.money(v)}, {self.pick(['double', 'far more than', 'well above'])} the original estimate."
        if r < 0.7:
            return f"{self.fill('{body}')} set aside {h}{self.money(v)} for {self.pick(['flood defences', 'school repairs', 'the new hospital', 'debt relief'])}."
        if r < 0.85:
            cur = self.currency()
            return f"Tickets cost {self.money(self.pick([5, 12, 25, 40, 65, 120, 350]), cur)} each, {self.pick(['up from', 'compared with'])} {self.money(self.pick([4, 10, 20, 30, 50, 95]), cur)} last season."
        cur = self.currency()
        return f"The deal values {org} at {h}{self.money(v, cur)}, or {self.money(self.pick([2, 4, 7, 12, 18, 25, 38, 60, 95, 140, 310]), cur)} a share."

    def s_datetime(self) -> str:
        r = self.r.random()
        if r < 0.3:
            return f"The {self.pick(['explosion', 'earthquake', 'collision', 'power cut', 'strike'])} happened at {self.time()} {self.date()}."
        if r < 0.5:
            y = int(self.year())
            return f"{self.pick(COMPANIES)} was founded in {y} and listed in {self.pick(CITIES)} in {y + 1 + int(self.r.random() * 30)}."
        if r < 0.7:
            return f"The law, passed {self.date()}, comes into force {self.date()}."
        if r < 0.85:
            return f"It was the {self.pick(['wettest', 'hottest', 'driest', 'coldest'])} {self.pick(MONTHS)} since records began in {self.year()}."
        return f"Polls close at {self.time()} and the first results are expected {self.pick(['by midnight', 'after 2am', 'on Friday morning'])}."

    def s_ident(self) -> str:
        ident = self.pick(IDENTIFIERS)
        r = self.r.random()
        if r < 0.3:
            return f"The order includes {self.small_count(int(2 + self.r.random() * 40))} {self.pick(COUNTABLE_IDS)}, {self.fill('{body}')} confirmed."
        if r < 0.55:
            return f"{self.cap(ident)} {self.pick(['was mentioned repeatedly', 'came up again', 'dominated the discussion'])} at the hearing {self.date()}."
        if r < 0.8:
            return f"Officials said {ident} had {self.pick(['been grounded', 'been delayed', 'caused concern', 'been approved'])} since {self.year()}."
        subj = self.fill(self.pick(ABBREV_SUBJECTS), last=self.pick(LAST), org=self.pick(COMPANIES))
        return f"{self.cap(subj)} said {ident} {self.pick(['was safe', 'would be reviewed', 'had performed well'])}."

    def s_quote(self) -> str:
        inner = self.pick([
            "We saw about {n} people at the gate",
            "It's the worst flood we've had in {y} years",
            "We've lost nearly half our customers",
            "Prices have gone up {p}% since {yr} and wages haven't moved",
            "There is no plan B",
            "We need at least {n} more nurses on every shift",
            "I waited {h} hours for an ambulance",
            "Nobody told us anything",
            "This is a once-in-a-generation opportunity",
            "We were told it would take {h} weeks; it took {y} months",
            "The water came up to my knees in minutes",
            "We are not going anywhere",
        ]).format(n=self.num(int(20 + self.r.random() * 4000)), y=int(3 + self.r.random() * 60),
                  p=int(5 + self.r.random() * 60), yr=self.year(), h=int(2 + self.r.random() * 10))
        role = self.fill(self.pick(ROLES))
        who = self.name()
        q1, q2 = ("“", "”") if self.chance(0.5) else ('"', '"')
        r = self.r.random()
        if r < 0.3:
            return f"{q1}{inner},{q2} {self.pick(['said', 'added', 'says'])} {who}, {role}."
        if r < 0.5:
            return f"{q1}{inner},{q2} {who} {self.pick(SAY)}."
        return f"{who}, {role}, {self.pick(SAY)}: {q1}{inner}.{q2}"

    def s_plain(self) -> str:
        s = self.fill(self.pick(PLAIN))
        if self.chance(0.15):
            lead = self.fill(self.pick(SENT_LEADS))
            s = f"{lead} {s[0].lower()}{s[1:]}" if not s.startswith(("Mr.", "U.S.", "The U.S.")) else f"{lead} {s}"
        return s

    def s_misc(self) -> str:
        r = self.r.random()
        if r < 0.2:
            return f"{self.pick(['City', 'United', 'Rovers', 'Athletic'])} won {int(self.r.random() * 5)}-{int(self.r.random() * 3)} at home on {self.pick(DAYS)}."
        if r < 0.35:
            return f"The {self.pick(['measure', 'motion', 'amendment'])} passed by {int(200 + self.r.random() * 200)} votes to {int(50 + self.r.random() * 200)}."
        if r < 0.5:
            return f"The average household spends {self.money(self.pick([35, 48, 60, 85, 120]))} a week on {self.pick(['food', 'energy', 'transport', 'childcare'])}, the survey found."
        if r < 0.65:
            return f"The company, based at {int(1 + self.r.random() * 200)} {self.pick(['High Street', 'Market Road', 'Fifth Avenue', 'Rue de Rivoli'])}, employs {self.num(int(30 + self.r.random() * 20000))} people."
        if r < 0.8:
            return f"Mr. {self.pick(LAST)} was {self.pick(['3rd', '2nd', '5th', '11th', '21st'])} in the race, {self.pick(['1.5', '2.3', '0.4', '12'])} seconds behind the winner."
        return f"The {self.pick(['rocket', 'satellite', 'probe'])} travelled {self.num(int(1e5 + self.r.random() * 4e8))} km in {int(2 + self.r.random() * 300)} days, an average of about {self.num(int(5e3 + self.r.random() * 9e4))} km/h."

    MAKERS = [
        ("s_plain", 22), ("s_conversion", 12), ("s_percent_change", 8), ("s_rate", 4),
        ("s_ratio", 5), ("s_share", 5), ("s_sum", 3), ("s_count", 9), ("s_range", 4),
        ("s_money", 6), ("s_datetime", 6), ("s_ident", 5), ("s_quote", 7), ("s_misc", 4),
        ("s_temperature", 4),
    ]

    def sentence(self) -> str:
        if not hasattr(self, "_cum"):
            total = 0
            self._cum = []
            for name, w in self.MAKERS:
                total += w
                self._cum.append((total, getattr(self, name)))
            self._total = total
        x = self.r.random() * self._total
        for c, f in self._cum:
            if x < c:
                return self.cap(f())
        return self.cap(self._cum[-1][1]())

    def paragraph(self) -> str:
        n = self.pick([1, 2, 2, 3, 3, 3, 4, 4, 5, 6])
        return " ".join(self.sentence() for _ in range(n))

    def headline(self) -> str:
        topic = self.pick(TOPIC_WORDS)
        return self.cap(self.fill(self.pick(HEADLINE), topic=topic, topic_l=topic.lower()))

    def dateline(self) -> str:
        city = self.pick(CITIES).upper()
        return f"{city}, {self.date()[3:]} ({self.pick(['Newswire', 'Staff', 'Wire Services'])}) - "

    # ----- articles per format ---------------------------------------------

    def article_paragraphs(self) -> list[str]:
        n = 3 + int(self.r.random() * 10)
        paras = [self.paragraph() for _ in range(n)]
        if self.chance(0.5):
            paras[0] = self.dateline() + paras[0]
        return paras

    def article_text(self) -> list[str]:
        return [self.headline()] + self.article_paragraphs()

    def md_inline(self, p: str) -> str:
        """Adds emphasis, links and code spans to a paragraph, at word boundaries."""
        words = p.split(" ")
        if len(words) < 6:
            return p
        for _ in range(int(self.r.random() * 3)):
            i = int(self.r.random() * (len(words) - 1))
            w = words[i]
            if not w or not w[0].isalpha() or not w[-1].isalpha():
                continue
            k = self.r.random()
            if k < 0.4:
                words[i] = f"*{w}*"
            elif k < 0.65:
                words[i] = f"**{w}**"
            elif k < 0.9:
                slug = re.sub(r"[^a-z0-9]+", "-", w.lower())
                words[i] = f"[{w}](https://example.com/news/{self.year()}/{slug}-{int(self.r.random() * 99999)})"
            else:
                words[i] = f"`{w}`"
        if self.chance(0.08):
            words.append(f"(See `config-v{int(self.r.random() * 9)}.{int(self.r.random() * 20)}` or <https://example.org/data/{int(self.r.random() * 1e6)}.csv>.)")
        return " ".join(words)

    def article_markdown(self) -> list[str]:
        blocks = [f"# {self.headline()}", f"*By {self.name()}, {self.pick(CITIES)} correspondent*"]
        for i, p in enumerate(self.article_paragraphs()):
            if i and self.chance(0.12):
                blocks.append(f"## {self.headline()}")
            r = self.r.random()
            if r < 0.06:
                blocks.append("\n".join(f"- {self.sentence()}" for _ in range(2 + int(self.r.random() * 3))))
            elif r < 0.09:
                blocks.append("\n".join(f"{k + 1}. {self.sentence()}" for k in range(2 + int(self.r.random() * 3))))
            elif r < 0.12:
                blocks.append("> " + self.s_quote())
            elif r < 0.14:
                blocks.append("```json\n{\"id\": %d, \"distance_km\": %d, \"miles\": %d, \"ratio\": 2.5}\n```"
                              % (int(self.r.random() * 1e6), int(self.r.random() * 900), int(self.r.random() * 900)))
            elif r < 0.16:
                blocks.append("| Year | Value |\n|------|-------|\n| %s | %s |\n| %s | %s |"
                              % (self.year(), self.num(self.r.random() * 1e5), self.year(), self.num(self.r.random() * 1e5)))
            blocks.append(self.md_inline(p))
        return blocks

    def html_inline(self, p: str) -> str:
        p = p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        words = p.split(" ")
        if len(words) >= 6:
            for _ in range(int(self.r.random() * 3)):
                i = int(self.r.random() * (len(words) - 1))
                w = words[i]
                if not w or not w[0].isalpha() or not w[-1].isalpha():
                    continue
                k = self.r.random()
                if k < 0.4:
                    words[i] = f"<b>{w}</b>"
                elif k < 0.6:
                    words[i] = f"<em>{w}</em>"
                else:
                    words[i] = f'<a href="https://example.com/story/{int(self.r.random() * 1e7)}?ref=home&amp;pos={int(self.r.random() * 30)}">{w}</a>'
            if self.chance(0.1):
                i = int(self.r.random() * (len(words) - 1))
                words[i] = words[i] + "&nbsp;"
        return " ".join(words)

    def article_html(self) -> list[str]:
        self.article_no += 1
        out = [f'<article id="a{self.article_no}">', f"<h1>{self.headline().replace('&', '&amp;')}</h1>",
               f'<p class="byline">By {self.name()} &middot; {self.date()[3:]}</p>']
        for i, p in enumerate(self.article_paragraphs()):
            if i and self.chance(0.1):
                out.append(f"<h2>{self.headline().replace('&', '&amp;')}</h2>")
            if self.chance(0.05):
                out.append('<script>window.dataLayer=window.dataLayer||[];dataLayer.push({"event":"view","id":%d,"w":300,"h":250,"ratio":1.2});</script>'
                           % int(self.r.random() * 1e8))
            if self.chance(0.03):
                out.append('<style>.ad-slot{width:300px;height:250px;margin:12px 0}</style>')
            if self.chance(0.04):
                out.append("<ul>" + "".join(f"<li>{self.html_inline(self.sentence())}</li>" for _ in range(3)) + "</ul>")
            if self.chance(0.03):
                out.append(f"<!-- slot {int(self.r.random() * 100)}: 728x90 -->")
            out.append(f"<p>{self.html_inline(p)}</p>")
        out.append("</article>")
        return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, default=parse_size("1MB"),
                    help="how much to write, e.g. 100MB, 512KiB (default 1MB)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--format", choices=["text", "markdown", "html"], default="text")
    layout = ap.add_mutually_exclusive_group()
    layout.add_argument("--paragraph-lines", action="store_true",
                        help="one paragraph per line, no blank line between them")
    layout.add_argument("--single-line", action="store_true",
                        help="everything on one line (paragraphs joined by a space, no newline at all)")
    ap.add_argument("--exact", action="store_true", help="cut the output to exactly --size bytes")
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    args = ap.parse_args(argv)

    g = Gen(args.seed)
    if args.single_line:
        sep = " "
    elif args.paragraph_lines:
        sep = "\n"
    else:
        sep = "\n\n"
    out = open(args.output, "wb") if args.output else sys.stdout.buffer
    written = 0
    target = args.size
    first = True

    def emit(s: str) -> bool:
        """Writes s; returns False once the target is reached."""
        nonlocal written
        b = s.encode("utf-8")
        if args.exact and written + len(b) > target:
            b = b[: target - written]
            # don't cut a UTF-8 sequence in half
            while b and (b[-1] & 0xC0) == 0x80:
                b = b[:-1]
            if b and b[-1] >= 0xC0:
                b = b[:-1]
            out.write(b)
            written += len(b)
            return False
        out.write(b)
        written += len(b)
        return written < target

    if args.format == "markdown" and not args.single_line:
        emit(f"---\ntitle: Generated news corpus\nseed: {args.seed}\nwords: 1200\n---\n\n")
    if args.format == "html":
        emit('<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>News</title>'
             '<script>var ads={"slots":3,"refresh":30000};</script></head>\n<body>\n')
    going = written < target
    while going:
        if args.format == "text":
            blocks = g.article_text()
        elif args.format == "markdown":
            blocks = g.article_markdown()
        else:
            blocks = g.article_html()
        if args.single_line:
            blocks = [b.replace("\n", " ") for b in blocks]
        chunk = (sep if not first else "") + sep.join(blocks)
        first = False
        going = emit(chunk)
    if args.format == "html" and not args.exact:
        out.write(b"\n</body>\n</html>\n")
    elif not args.single_line and not args.exact:
        out.write(b"\n")
    out.flush()
    if args.output:
        out.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.exit(0)
