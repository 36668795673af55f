#!/usr/bin/env python3
"""The batch benchmark's distinct workload: N units that differ throughout, as real batches do.

usage: make-distinct.py OUT_DIR N [SEED] [--typst K]

Writes OUT_DIR/distinct.yaml (the hinlekfai example with its memo fields, body, signature,
comments, attachment title, introduction and table rows as Mustache tags) and OUT_DIR/distinct.json
(N units, a list of objects). Each unit is built from the hinlekfai example's own shape (so its
size is the example's: memo, introduction and a five-row measure table) with text drawn from
every example text: Templates/examples (hinlekfai, long-memo, measures-6-months) and
../shared/examples. In every phrase (text between spaces) the Thai words (libthai's breaks, read
through ctypes) are shuffled and one in five is replaced by a word drawn from all the texts;
digits are redrawn (a list item's leading number kept); the unit's place name and every person's
name are drawn anew. Headings, column titles and the closing are all that repeat.
Deterministic: the same N and SEED give the same files (each unit from its own seeded RNG).
With --typst K it also writes OUT_DIR/typst/unit-00001.typ … for the first K units: the same
content as a Typst source (the memo, then the table on landscape pages), for bench/typst-distinct.py."""
import ctypes, csv, json, pathlib, random, re, sys, yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "Templates" / "examples"
SHARED = ROOT.parent / "shared" / "examples"
if not SHARED.is_dir():
    SHARED = pathlib.Path("/work/shared/examples")
PLACES = ("หินเหล็กไฟ", "กองก้อย")
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
SYLLABLES = ["หนอง", "บัว", "ทอง", "โคก", "สูง", "ดอน", "ไผ่", "นา", "คำ", "ใหญ่", "หิน", "ลาด", "ท่า", "ช้าง",
             "ใหม่", "กลาง", "เหนือ", "ศรี", "แก้ว", "วัง", "น้ำ", "เย็น", "เขา", "ขาม", "ป่า", "แดง", "สระ",
             "ม่วง", "งาม", "เจริญ", "สุข", "โพธิ์", "ไทร", "บึง", "กุด", "ห้วย", "แสง", "จันทร์", "เมือง", "พระ"]
GIVEN = ["สม", "ศักดิ์", "ชัย", "วรรณ", "พร", "สุ", "ภา", "ประ", "เสริฐ", "วิ", "ไล", "กิตติ", "ธนา", "รัตน์",
         "พิมล", "จิรา", "อนันต์", "ทวี", "มณี", "อรุณ", "นิภา", "สมบัติ", "วีระ", "ยุทธ", "กาญ", "จนา", "ปรีชา"]
FAMILY = ["ใจ", "ดี", "ซื่อ", "ตรง", "สุข", "ศรี", "พัฒน์", "รอด", "ภัย", "จิตร", "โกติน", "คุ่ม", "ครอง",
          "ทอง", "มา", "แก้ว", "วงศ์", "สกุล", "เพชร", "รุ่ง", "เรือง", "บุญ", "มี", "ทรัพย์", "กิจ"]
TITLES = ("นางสาว", "นาย", "นาง")
THAI = re.compile(r"[\u0E00-\u0E7F]")
PERSON = re.compile(r"(นางสาว|นาย|นาง)(?!ก)([\u0E00-\u0E7F]{2,}) ([\u0E00-\u0E7F]{2,})")


class Breaker:
    """Thai word breaks from libthai (the dictionary Saraban itself uses)."""

    def __init__(self):
        self.lib = ctypes.CDLL("libthai.so.0")
        self.lib.th_brk_new.restype = ctypes.c_void_p
        self.lib.th_brk_new.argtypes = [ctypes.c_char_p]
        self.lib.th_brk_wc_find_breaks.restype = ctypes.c_int
        self.lib.th_brk_wc_find_breaks.argtypes = [ctypes.c_void_p, ctypes.c_wchar_p,
                                                   ctypes.POINTER(ctypes.c_int), ctypes.c_size_t]
        self.brk = self.lib.th_brk_new(None)
        if not self.brk:
            sys.exit("make-distinct.py: libthai's dictionary is missing (apt-get install libthai-data)")
        self.cache = {}

    def words(self, phrase):
        """The phrase cut at libthai's word breaks."""
        if phrase in self.cache:
            return self.cache[phrase]
        n = len(phrase) + 1
        pos = (ctypes.c_int * n)()
        count = self.lib.th_brk_wc_find_breaks(self.brk, phrase, pos, n)
        cuts = [0] + [pos[i] for i in range(count)] + [len(phrase)]
        words = [phrase[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]
        self.cache[phrase] = words
        return words


def strings(value):
    """Every string in a YAML value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)


def corpus_texts():
    """The text of every example: the YAML examples' strings, the CSV's cells, the shared texts' lines."""
    texts = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        texts += list(strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for path in sorted(EXAMPLES.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                texts += [re.sub(r"</?p>", " ", c) for c in row]
    for path in sorted(SHARED.glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    return [t for t in texts if THAI.search(t)]


class Unit:
    """One unit's drawing: its RNG, place name and the people it names."""

    def __init__(self, index, seed, breaker, pool):
        self.rng = random.Random(f"{seed}:{index}")
        self.breaker = breaker
        self.pool = pool
        self.place = "".join(self.rng.sample(SYLLABLES, self.rng.choice((2, 2, 3))))
        self.people = {}

    def person(self, title, given, family):
        key = (given, family)
        if key not in self.people:
            self.people[key] = ("".join(self.rng.sample(GIVEN, 2)), "".join(self.rng.sample(FAMILY, 2)))
        g, f = self.people[key]
        return f"{title}{g} {f}"

    def names(self, text):
        """The unit's place name and people in place of the example's."""
        for p in PLACES:
            text = text.replace(p, self.place)
        return PERSON.sub(lambda m: self.person(m.group(1), m.group(2), m.group(3)), text)

    def digits(self, text):
        """Every digit redrawn in its own script, except a list item's leading number."""
        lead = re.match(r"^\s*[0-9๐-๙]+\.\s", text)
        keep = lead.end() if lead else 0

        def draw(ch):
            if "0" <= ch <= "9":
                return str(self.rng.randrange(10))
            if ch in THAI_DIGITS:
                return THAI_DIGITS[self.rng.randrange(10)]
            return ch
        return text[:keep] + "".join(draw(c) for c in text[keep:])

    def phrase(self, phrase):
        """The phrase's Thai words shuffled, one in five replaced from the pool."""
        if not THAI.search(phrase):
            return phrase
        words = list(self.breaker.words(phrase))
        self.rng.shuffle(words)
        return "".join(self.rng.choice(self.pool) if THAI.match(w) and self.rng.random() < 0.2 else w
                       for w in words)

    def text(self, text):
        """A paragraph of the unit's own: names, then shuffled phrases, then digits."""
        text = self.names(text)
        lead = re.match(r"^\s*[0-9๐-๙]+\.\s", text)
        keep = lead.end() if lead else 0
        body = " ".join(self.phrase(p) for p in text[keep:].split(" "))
        return self.digits(text[:keep] + body)

    def value(self, v):
        """A body, cell or list with every text its own; headings kept."""
        if isinstance(v, str):
            return self.text(v) if v else v
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if isinstance(v, dict):
            return {k: (x if k == "heading" else self.value(x)) for k, x in v.items()}
        return v


def word_pool(texts, breaker):
    """Every Thai word of two or more characters in the texts (sorted, so the pool is deterministic)."""
    words = set()
    for t in texts:
        for p in t.split():
            words.update(w for w in breaker.words(p) if len(w) > 1 and THAI.match(w))
    return sorted(words)


def template(doc):
    """The example as a template: what a unit has of its own becomes a tag."""
    t = json.loads(json.dumps(doc, default=str))
    m = t["memo"]
    for key in ("agency", "ref", "date", "subject", "to", "body", "comments"):
        if key in m:
            m[key] = "{{" + key + "}}"
    m["signature"] = {"name": "{{signer}}", "position": "{{signer_position}}"}
    a = t["attachments"][0]
    a["title"] = "{{title}}"
    a["content"] = ["{{intro}}" if isinstance(c, str) else {"table": dict(c["table"], rows="{{rows}}")}
                    for c in a["content"]]
    return t


def unit_data(doc, unit, index):
    """One unit's values: the example's shape, its text drawn anew."""
    m = doc["memo"]
    a = doc["attachments"][0]
    rows = next(c["table"]["rows"] for c in a["content"] if isinstance(c, dict))
    rng = unit.rng
    year = rng.randrange(2024, 2030)
    return {
        "file": f"unit-{index:05d}",
        "agency": unit.names(m["agency"]),
        "ref": unit.digits(m["ref"]),
        "date": f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        "subject": unit.text(m["subject"]),
        "to": unit.names(m["to"]),
        "body": unit.value(m["body"]),
        "signer": unit.names(m["signature"]["name"]),
        "signer_position": unit.names(m["signature"]["position"]),
        "comments": [dict(c, title=unit.names(c["title"]), name=unit.names(c["name"]),
                          position=unit.names(c["position"])) for c in m.get("comments", [])],
        "title": "\n".join(unit.text(line) for line in a["title"].split("\n")),
        "intro": unit.text(next(c for c in a["content"] if isinstance(c, str))),
        "rows": [unit.value(rng.choice(rows)) for _ in rows],
    }


def typ(s):
    """Text for Typst markup: every markup character escaped."""
    return re.sub(r'([\\#*_`$<>@\[\]~/"=+-])', r"\\\1", s)


def typst_cell(c):
    return "\\ ".join(typ(x) for x in c) if isinstance(c, list) else typ(c)


def typst_source(doc, u):
    """The unit as a Typst document: the memo's page geometry (../shared/bench/build.py), its table."""
    columns = next(c["table"]["columns"] for c in doc["attachments"][0]["content"] if isinstance(c, dict))
    o = ['#set page(paper: "a4", margin: (left: 3cm, right: 2cm, top: 1.5cm, bottom: 2cm))',
         '#set text(font: "Laksaman", size: 16pt, lang: "th")', "#set par(justify: true, leading: 0.4em)",
         '#align(center, text(size: 29pt, weight: "bold")[บันทึกข้อความ])',
         f'#text(size: 20pt, weight: "bold")[ส่วนราชการ] {typ(u["agency"])}\\',
         f'#grid(columns: (1fr, 1fr), [#text(size: 20pt, weight: "bold")[ที่] {typ(u["ref"])}], '
         f'[#text(size: 20pt, weight: "bold")[วันที่] {typ(u["date"])}])',
         f'#text(size: 20pt, weight: "bold")[เรื่อง] {typ(u["subject"])}', "", f'เรียน {typ(u["to"])}', ""]
    for b in u["body"]:
        if isinstance(b, dict) and "heading" in b:
            o.append(f'#h(2.5cm)#strong[{typ(b["heading"])}]')
        elif isinstance(b, dict) and "list" in b:
            o += [f"+ {typ(x)}" for x in b["list"]]
        elif isinstance(b, str):
            o.append(f"#h(2.5cm){typ(b)}")
        o.append("")
    o.append(f'#v(2em)\n#align(center)[\\({typ(u["signer"])}\\)\\ {typ(u["signer_position"])}]')
    o.append("#set page(flipped: true)")
    o.append("#set text(size: 14pt)")
    o.append("#show table.cell: set par(justify: false)")
    o.append("#align(center)[" + "\\ ".join(f"*{typ(t)}*" for t in u["title"].split("\n")) + "]")
    o.append(f'#h(2.5cm){typ(u["intro"])}')
    widths = ", ".join(f'{c.get("width", 1)}fr' for c in columns)
    header = ", ".join(f'[*{typ(c["title"])}*]' for c in columns)
    cells = ", ".join(f"[{typst_cell(c)}]" for r in u["rows"] for c in r)
    o.append(f"#table(columns: ({widths}), table.header({header}), {cells})")
    return "\n".join(o) + "\n"


def main():
    args = sys.argv[1:]
    typst = 0
    if "--typst" in args:
        i = args.index("--typst")
        typst = int(args[i + 1])
        del args[i:i + 2]
    out = pathlib.Path(args[0])
    n = int(args[1])
    seed = args[2] if len(args) > 2 else "17"
    doc = yaml.safe_load((EXAMPLES / "hinlekfai.yaml").read_text(encoding="utf-8"))
    breaker = Breaker()
    pool = word_pool(corpus_texts(), breaker)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "distinct.yaml", "w", encoding="utf-8") as f:
        yaml.safe_dump(template(doc), f, allow_unicode=True, sort_keys=False, width=10000)
    if typst:
        (out / "typst").mkdir(exist_ok=True)
    with open(out / "distinct.json", "w", encoding="utf-8") as f:
        f.write("[\n")
        for i in range(1, n + 1):
            u = unit_data(doc, Unit(i, seed, breaker, pool), i)
            f.write(json.dumps(u, ensure_ascii=False) + (",\n" if i < n else "\n"))
            if i <= typst:
                (out / "typst" / f"unit-{i:05d}.typ").write_text(typst_source(doc, u), encoding="utf-8")
        f.write("]\n")
    print(f"{n} distinct units (seed {seed}, {len(pool)} words in the pool)", file=sys.stderr)


main()
