#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Build ``src/mock_interview/data/skills/taxonomy.json`` from the curated core.

Usage (from the repository root)::

    python tools/build_skills_taxonomy.py --bench-data ../shared/bench-data/skills \
        --out src/mock_interview/data/skills/taxonomy.json

Inputs
  * ``curated.json`` (hand-written core, next to the output) -- always used.
  * ``--bench-data DIR`` (optional) containing
      - ``skill-extractor-gazetteer.json`` (MIT, Copyright (c) 2026 Qarera) and
      - ``onet-29.2-technology-skills.txt`` (O*NET 29.2, CC BY 4.0, USDOL/ETA).
    From these an *extended* tier is derived (filtered, renamed, de-duplicated);
    neither source is copied wholesale.  Without ``--bench-data`` only the core
    tier is written.

The script uses the standard library only and is deterministic: running it twice
on the same inputs produces byte-identical output.  See SOURCES.md for licences.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "src" / "mock_interview" / "data" / "skills"
CURATED = DATA_DIR / "curated.json"
DEFAULT_OUT = DATA_DIR / "taxonomy.json"
GAZ_FILE = "skill-extractor-gazetteer.json"
ONET_FILE = "onet-29.2-technology-skills.txt"

SRC_CURATED = "curated"
SRC_GAZ = "skill-extractor"
SRC_ONET = "onet-29.2"
SOURCES = {
    SRC_CURATED: {"name": SRC_CURATED, "licence": "AGPL-3.0-or-later",
                  "origin": "src/mock_interview/data/skills/curated.json (hand-written for mock-interview)"},
    SRC_GAZ: {"name": SRC_GAZ, "licence": "MIT (Copyright (c) 2026 Qarera)",
              "origin": "PyPI skill-extractor 0.2.0, skill_extractor/data/skills.json (filtered)"},
    SRC_ONET: {"name": SRC_ONET, "licence": "CC BY 4.0 (O*NET 29.2 Database, USDOL/ETA)",
               "origin": "O*NET 29.2 Database, Technology Skills.txt (Example, Commodity Title; vendor prefixes removed)"},
}

# Canonical names the rest of the product relies on; the build fails without them.
REQUIRED = """
Python|Java|JavaScript|TypeScript|Go|Rust|C++|C#|SQL|PostgreSQL|MySQL|MongoDB|Redis|Docker|Kubernetes|AWS|Azure|
Google Cloud|Terraform|Linux|Git|REST APIs|GraphQL|React|Angular|Vue.js|Node.js|Django|Flask|FastAPI|Spring Boot|
Kafka|Apache Spark|Pandas|Machine Learning|Deep Learning|PyTorch|TensorFlow|Data Structures|Algorithms|System Design|
CI/CD|Microservices|Unit Testing|Application Security|HTML|CSS|Swift|Kotlin|Excel|Tableau|Statistics|Data Analysis|
Agile|Product Management|UX Design|Figma|SEO|Digital Marketing|Financial Modeling|Project Management|Customer Support|
Networking|Snowflake|dbt|Airflow|Salesforce|HubSpot|Jira|Epic EHR|HIPAA|Zendesk|Power BI|Looker|GitHub Actions|
Prometheus|Grafana|Elasticsearch|RabbitMQ|gRPC|Next.js|Tailwind CSS|Jetpack Compose|SwiftUI|Selenium|Playwright|
Cypress|scikit-learn|NumPy|LLMs|MLOps|Ansible|Jenkins|Penetration Testing|SIEM|Google Analytics|Content Marketing|
Copywriting|Accounting|IFRS|GAAP|Budgeting|Forecasting|Supply Chain Management|Lean|Six Sigma|Clinical Documentation|
Patient Care|CRM|Negotiation|Communication|Leadership|Stakeholder Management|SAP|SAP ABAP|SAP HANA|SAP FICO|SAP MM|
SAP SD|Oracle Database|PL/SQL|Informatica|QlikView|Hadoop|Hive|MS SQL Server|SSIS|SSRS|.NET|ASP.NET|ASP.NET MVC|
ADO.NET|WCF|jQuery|AngularJS|Bootstrap|J2EE|Hibernate|Struts|Servlets|JSP|Web Services|SOAP|XML|JSON|UNIX|
Shell Scripting|Perl|Selenium WebDriver|TestNG|JUnit|Maven|Manual Testing|Automation Testing|Mainframe|COBOL|JCL|DB2|
ServiceNow|ITIL|Active Directory|VMware|Citrix|Cisco|TCP/IP|MS Office|Microsoft Word|PowerPoint|Outlook|Photoshop|
Illustrator|AutoCAD|MATLAB|Teradata|Splunk|Time Management|Problem Solving|Teamwork
"""
REQUIRED_NAMES = tuple(n.strip() for n in REQUIRED.replace("\n", "").split("|") if n.strip())

# --- word lists used by the filters ------------------------------------------------------------
STOPWORDS = frozenset("a an and or of for in on to with the by at as from via into over under vs & / -".split())

# Words that carry no skill meaning by themselves.  A gazetteer phrase made only of these (and of
# stop words) is dropped ("digital execution", "quality records", "business processes").
GENERIC_WORDS = frozenset("""
ability abilities access accuracy action actions activities activity administration advanced agile analysis analyses
analytical analytics analyze analyzing application applications applied approach approaches architecture
architectures area areas assessment assessments asset assets assurance audit audits automation awareness basic basics
best build building business capabilities capability care case cases center centre change changes client clients
code coding collaboration commercial communication communications company complex compliance component components
computer computing concept concepts configuration consulting content continuous control controls coordination core
corporate cost costs creation critical cross culture current custom customer customers cycle daily data decision
delivery department deployment design designs detail detailed develop developing development digital direct
document documentation documents domain domains driven dynamic effective efficiency end engineering enterprise
environment environments equipment evaluation event events excellence execution experience expert expertise external
field file files financial flow flows focus framework frameworks function functional functions fundamentals general
global good governance growth guidelines handling health high implementation improvement improvements industry
information infrastructure initiatives innovation insights integration intelligence interface internal international
key knowledge large latest lead level levels life lifecycle line local logic long maintenance make management manager
managing market materials measurement method methodologies methodology methods metrics model modeling modelling models
modern monitoring multi multiple national network networks new office online operation operational operations
optimization organization organizational overall oversight own people performance personal plan planning plans
platform platforms policies policy practice practices principles problem procedures process processes processing
product production products professional program programme programming programs project projects quality rapid
real record records related relations relationship relationships release reporting reports request requirements
research resource resources response review reviews risk risks role roles safety scale science sector security
service services set setting settings site skills small software solution solutions specific staff standard
standards strategic strategies strategy structure structures studies study support supporting system systems task
tasks team teams technical technique techniques technologies technology test testing tests theory time tool tools
total tracking training transformation understanding usage use user users using value various vendor vision web
work workflow workflows working
""".split())

# Phrases ending in one of these are descriptions, not skills ("linux environments", "ai concepts").
NOISE_HEADS = frozenset("""
abilities ability activities approach approaches area areas aspects awareness background basics capabilities
capability concepts considerations context domains environment environments experience exposure expertise
ecosystem ecosystems familiarity fundamentals functions ideas issues knowledge landscape matters mindset needs
options orientation perspective practices principles proficiency settings skills stuff tasks topics understanding
""".split())
# Phrases starting with one of these are qualified descriptions ("modern backend system design").
NOISE_LEADS = frozenset("""
advanced basic basics better complex current different effective efficient excellent experienced expert extensive
general good great high-level in-depth large latest modern multiple new other overall proven related relevant
robust solid specific strong various working
""".split())

# Tokens rendered upper-case in display names.
ACRONYMS = frozenset("""
ai aml api ar aws b2b b2c bi bim cad cam cd ci cli cms cnc cpu crm css csv db dba dns edi ehr emr erp etl faa
fda gis gps gpu gst hipaa hmi hr hris html http https iam ibm ide iot ip it itil itsm jvm kpi kyc lan llm ml
mlops mrp nlp ocr oop orm os pcb php plc pos ppc qa rpa rtos sap scada sdk seo sem sla sop sox sql ssl tcp tls
uat ui uml ux vm vpc vpn waf wan xml xss
""".split())

# Plural acronyms and other fixed spellings used in display names.
SPELLINGS = {"apis": "APIs", "llms": "LLMs", "kpis": "KPIs", "ides": "IDEs", "sdks": "SDKs", "erps": "ERPs",
             "ios": "iOS", "macos": "macOS", "devops": "DevOps", "saas": "SaaS", "paas": "PaaS", "iaas": "IaaS"}

# Vendor prefixes of O*NET "Example" names (in addition to those detected from the data).
KNOWN_VENDORS = (
    "Adobe Systems", "Adobe", "Amazon Web Services AWS", "Amazon Web Services", "Amazon", "Apache", "Apple",
    "Atlassian", "Autodesk", "Bentley Systems", "Bentley", "Cisco Systems", "Cisco", "Citrix", "Corel",
    "Dassault Systemes", "Elastic", "ESRI", "Esri", "Facebook", "GitHub", "Google", "Hewlett-Packard HP",
    "Hewlett Packard Enterprise", "Hewlett-Packard", "HP", "IBM", "Intuit", "JetBrains", "McAfee", "Meta",
    "Microsoft", "MongoDB Inc.", "Oracle", "Red Hat", "Salesforce", "SAP", "Siemens", "Symantec",
    "The MathWorks", "MathWorks", "Trimble", "VMware", "Wolfram Research", "Epic Systems", "Cerner",
    "Infor", "Sage", "Atlassian Software", "Progress Software", "Micro Focus", "Broadcom", "Unity Technologies",
    "Epic Games", "Tableau Software", "Qlik", "Informatica", "Teradata", "Splunk", "ServiceNow", "Workday",
)
KNOWN_VENDOR_SET = frozenset(KNOWN_VENDORS)
# Capitalised first words of O*NET examples that are descriptions, not vendors.
NOT_VENDORS = frozenset("""
3D Advanced American Applied Automated Automatic Business Client Computer Computerized Customer Data Database Dental
Digital Dynamic Electronic Enterprise Financial Image Integrated Medical National Network Online Open Patient Real
Remote Scientific Software The Time Video Virtual Visual Web Structured Extensible Practical Object
""".split())

# O*NET Commodity Title keyword -> family for extended entries (first match wins).
COMMODITY_FAMILY = (
    ("web platform", "web-frontend"), ("web page", "web-frontend"), ("internet browser", "tools"),
    ("database", "database"), ("data base", "database"), ("development environment", "tools"),
    ("object or component oriented", "programming-language"), ("compiler", "programming-language"),
    ("program testing", "testing"), ("configuration management", "devops"), ("network security", "security"),
    ("virus", "security"), ("security", "security"), ("network", "networking"), ("operating system", "os"),
    ("business intelligence", "data-science"), ("analytical or scientific", "data-science"),
    ("graphics", "design"), ("computer aided design", "design"), ("video creation", "design"),
    ("accounting", "accounting"), ("financial", "finance"), ("enterprise resource planning", "erp"),
    ("customer relationship", "sales"), ("sales and marketing", "marketing"), ("medical", "healthcare"),
    ("project management", "operations"), ("inventory", "operations"), ("procurement", "operations"),
    ("human resources", "operations"), ("spreadsheet", "office"), ("word processing", "office"),
    ("presentation", "office"), ("electronic mail", "office"), ("office suite", "office"),
    ("cloud", "cloud"), ("platform interconnectivity", "web-backend"), ("transaction server", "web-backend"),
    ("industrial control", "other"), ("help desk", "support"),
)


# --- helpers -----------------------------------------------------------------------------------
_TERM_OK = re.compile(r"^[a-z0-9.][a-z0-9 .+#/&'-]*[a-z0-9+#.]$|^[a-z0-9]$")
_VERSIONISH = re.compile(r"^(v|version\s*)?[\d.x\-/ ]+$")
_BAD_PUNCT = re.compile(r"(\.\.|--|//|&&|''|\s[./+#'-]|[./'-]\s|-\.|\.-)")


def norm(text: str) -> str:
    """Lower-case, collapse white space."""
    return " ".join(text.lower().split())


def looks_like_term(term: str, deny: set[str]) -> bool:
    """Surface checks shared by both sources (length, words, characters, versions)."""
    if not 2 <= len(term) <= 40 or term in deny:
        return False
    words = term.split()
    if len(words) > 4 or not term.isascii() or not _TERM_OK.match(term):
        return False
    if _VERSIONISH.match(term) or _BAD_PUNCT.search(term):
        return False
    if term.endswith(".") and not term.startswith("."):
        return False
    if not re.search(r"[a-z]", term):
        return False
    return True


def is_generic(term: str, deny: set[str]) -> bool:
    words = [w for w in re.split(r"[ /-]+", term) if w and w not in STOPWORDS]
    if not words:
        return True
    if all(w in GENERIC_WORDS or w in deny for w in words):
        return True
    return False


def display_name(term: str, casemap: dict[str, str]) -> str:
    """Readable name: known spellings, acronyms upper-case, otherwise title case."""
    if term in casemap:
        return casemap[term]
    if re.fullmatch(r"[a-z]{2,3}|[b-df-hj-np-tv-z]{4,5}", term):
        return term.upper()  # short single tokens are abbreviations ("tpi", "gnss")
    out = []
    for i, tok in enumerate(term.split()):
        if tok in casemap:
            out.append(casemap[tok])
        elif tok in ACRONYMS:
            out.append(tok.upper())
        elif tok in STOPWORDS and i:
            out.append(tok)
        elif "/" in tok and tok.strip("/") == tok:
            out.append("/".join(display_name(p, casemap) if p else p for p in tok.split("/")))
        elif re.fullmatch(r"(?=.*\d)[a-z0-9]{2,4}", tok):
            out.append(tok.upper())  # "b2c", "ec2", "3d"
        elif re.fullmatch(r"[a-z]+(-[a-z]+)*", tok):
            out.append("-".join(p[:1].upper() + p[1:] for p in tok.split("-")))
        else:
            out.append(tok)  # digits or symbols: keep as written
    return " ".join(out)


def is_product_like(token: str) -> bool:
    """CamelCase, ALLCAPS (>= 2 letters), digits or symbols: a name, not an English word."""
    core = token.strip("()")
    if re.search(r"[0-9+#.]", core):
        return bool(re.search(r"[A-Za-z]", core))
    if len(core) >= 2 and core.isupper():
        return True
    return bool(re.search(r"[a-z][A-Z]", core))


def family_for(titles: set[str]) -> str:
    for title in sorted(titles):
        low = title.lower()
        for key, fam in COMMODITY_FAMILY:
            if key in low:
                return fam
    return "other"


def load_json(path: Path):
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


# --- core --------------------------------------------------------------------------------------
class Build:
    def __init__(self, curated: dict) -> None:
        self.families: list[str] = list(curated["families"])
        self.deny: set[str] = {norm(d) for d in curated.get("denylist", [])}
        self.errors: list[str] = []
        self.conflicts: list[str] = []
        self.core: dict[str, dict] = {}
        self.index: dict[str, str] = {}  # alias or ambiguous form -> core name
        self.stats: Counter = Counter()
        for raw in curated["skills"]:
            self._add_core(raw)
        self.ext: dict[str, dict] = {}  # key -> extended entry
        self.ext_index: dict[str, str] = {}  # alias -> key

    def _add_core(self, raw: dict) -> None:
        name = raw["name"]
        if name in self.core:
            self.errors.append(f"duplicate core skill {name!r}")
            return
        if raw.get("family") not in self.families:
            self.errors.append(f"{name}: unknown family {raw.get('family')!r}")
        entry = {
            "name": name, "family": raw["family"],
            "aliases": {norm(a) for a in raw.get("aliases", [])},
            "ambiguous": {norm(a) for a in raw.get("ambiguous", [])},
            "context": {norm(a) for a in raw.get("context", [])},
            # forms another skill owns that may mean this one, by context ("emr")
            "senses": {norm(a) for a in raw.get("senses", [])},
            "related": list(raw.get("related", [])),
            "categories": set(), "sources": {SRC_CURATED},
        }
        if name.lower() not in entry["aliases"] | entry["ambiguous"]:
            entry["aliases"].add(name.lower())
        if entry["aliases"] & entry["ambiguous"]:
            self.errors.append(f"{name}: forms both alias and ambiguous: {sorted(entry['aliases'] & entry['ambiguous'])}")
        for form in sorted(entry["aliases"] | entry["ambiguous"]):
            other = self.index.get(form)
            if other and other != name:
                self.conflicts.append(f"core alias {form!r}: {other} / {name} (kept {other})")
                entry["aliases"].discard(form)
                entry["ambiguous"].discard(form)
                continue
            self.index[form] = name
        self.core[name] = entry

    def core_alias_free(self, form: str) -> bool:
        return form not in self.index and form not in self.ext_index and form not in self.deny

    # --- extended helpers ---
    def add_ext(self, key: str, name: str, family: str, aliases: set[str], source: str,
                categories: set[str] = frozenset()) -> None:
        """Add or merge an extended entry whose primary alias is *key* (never a core alias)."""
        owner = self.ext_index.get(key)
        if owner is None:
            owner = key
            self.ext[key] = {"name": name, "family": family, "aliases": set(),
                             "categories": set(), "sources": set()}
            self.ext_index[key] = key
        entry = self.ext[owner]
        entry["sources"].add(source)
        entry["categories"].update(categories)
        if entry["family"] == "other" and family != "other":
            entry["family"] = family
        for alias in sorted(set(aliases) | {key}):
            if alias in self.index or alias in self.deny:
                continue  # core wins; the form is already covered by a core skill
            holder = self.ext_index.setdefault(alias, owner)
            if holder == owner:
                entry["aliases"].add(alias)
            else:
                self.conflicts.append(
                    f"extended alias {alias!r}: {self.ext[holder]['name']} / {entry['name']} (kept first)")

    # --- O*NET -------------------------------------------------------------------------------
    def onet_form_ok(self, form: str) -> bool:
        """A vendor-qualified O*NET form may be longer than a gazetteer term (up to 6 words)."""
        if not 2 <= len(form) <= 60 or len(form.split()) > 6 or form in self.deny:
            return False
        if not form.isascii() or not _TERM_OK.match(form) or _BAD_PUNCT.search(form):
            return False
        return not _VERSIONISH.match(form) and not is_generic(form, self.deny)

    def add_onet(self, path: Path, known: set[str] = frozenset()) -> None:
        """Map O*NET examples onto core skills; keep other products as extended entries when they
        are used in >= 2 occupations, flagged Hot/In Demand, or also listed in *known* (gazetteer)."""
        examples: dict[str, set[str]] = defaultdict(set)
        occupations: dict[str, set[str]] = defaultdict(set)
        flagged: set[str] = set()
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                ex = " ".join(row["Example"].split())
                if ex:
                    examples[ex].add(row["Commodity Title"].strip())
                    occupations[ex].add(row["O*NET-SOC Code"])
                    if "Y" in (row.get("Hot Technology"), row.get("In Demand")):
                        flagged.add(ex)
        vendors = detect_vendors(examples)
        self.stats["onet examples"] = len(examples)
        for ex in sorted(examples):
            titles = examples[ex]
            full = strip_software(ex)
            vendor, rest = split_vendor(full, vendors)
            # candidate spellings, most literal first; each with the condition it must meet
            forms: list[tuple[str, str]] = [(ex, "exact"), (full, "exact")]
            if rest:
                trusted = vendor in KNOWN_VENDOR_SET or is_distinctive(rest)
                forms.append((rest, "exact" if trusted else "none"))
            for text in (full, rest):
                acr = acronym_forms(text) if text else []
                if acr and strict_acronym(acr[0], acr[1]):
                    forms.append((acr[0], "acronym:" + acr[1]))
            skill = self._onet_core_match(forms, vendor)
            if skill:
                entry = self.core[skill]
                entry["categories"].update(titles)
                entry["sources"].add(SRC_ONET)
                self.stats["onet -> core"] += 1
                rest_ok = rest and any(is_product_like(t) for t in rest.split()) and len(rest) > 3
                for form in sorted({norm(full), norm(rest) if rest_ok else ""}):
                    if form in self.index and self.index[form] != skill:
                        self.conflicts.append(f"O*NET {ex!r}: {form!r} is {self.index[form]}, not {skill}")
                    if form and self.core_alias_free(form) and self.onet_form_ok(form):
                        entry["aliases"].add(form)
                        self.index[form] = skill
                        self.stats["onet aliases added to core"] += 1
                continue
            if is_category(ex):
                self.stats["onet category names skipped"] += 1
                continue
            acr = acronym_forms(full)
            name = rest if rest and is_distinctive(rest) else (acr[0] if acr else full)
            if not is_distinctive(name):
                self.stats["onet not distinctive"] += 1
                continue
            key = norm(name)
            if key in self.index or not self.onet_form_ok(key):
                self.stats["onet rejected"] += 1
                continue
            aliases = {norm(f) for f in (full, name, *acr[1:]) if self.onet_form_ok(norm(f))}
            if len(occupations[ex]) < 2 and ex not in flagged and not aliases & known:
                self.stats["onet rare product skipped"] += 1
                continue
            self.add_ext(key, name, family_for(titles), aliases, SRC_ONET, titles)
            self.stats["onet -> extended"] += 1

    def _onet_core_match(self, forms: list[tuple[str, str]], vendor: str) -> str | None:
        for form, cond in forms:
            low = norm(form)
            skill = self.index.get(low)
            if not skill or cond == "none":
                continue
            entry = self.core[skill]
            if cond.startswith("acronym:"):
                # "Structured query language SQL" -> SQL; but not "Electronic design automation EDA"
                words = set(re.split(r"[ -]+", norm(cond.split(":", 1)[1]))) - STOPWORDS
                alias_toks = {t for a in entry["aliases"] for t in re.split(r"[ -]+", a)}
                if low != skill.lower() and not words <= alias_toks:
                    continue
            if low in entry["aliases"]:
                return skill
            # ambiguous short form ("Word", "Spark"): require the vendor to corroborate it
            vtoks = set(norm(vendor).split()) - STOPWORDS
            alias_toks = {t for a in entry["aliases"] for t in a.split()}
            if vtoks and vtoks & (alias_toks | entry["context"]):
                return skill
        return None


def strip_software(example: str) -> str:
    out = re.sub(r"\s+software$", "", example, flags=re.I).strip()
    return out or example


def is_category(example: str) -> bool:
    """'Image editing software', 'Database application software': descriptions, not products."""
    toks = example.split()
    return all(re.fullmatch(r"[a-z][a-z-]*", t) for t in toks[1:]) and not is_product_like(toks[0])


def is_distinctive(name: str) -> bool:
    toks = name.split()
    if not toks:
        return False
    if len(toks) >= 2:
        return True
    return is_product_like(toks[0])


def acronym_forms(text: str) -> list[str]:
    """'Structured query language SQL' -> ['SQL', 'Structured query language'].

    O*NET writes generic technologies as "<lower-case description> <NAME>"."""
    toks = text.split()
    if len(toks) < 3 or not is_product_like(toks[-1]):
        return []
    if not all(re.fullmatch(r"[a-z][a-z-]*", t) for t in toks[1:-1]) or not toks[0][:1].isupper():
        return []
    return [toks[-1], " ".join(toks[:-1])]


def strict_acronym(acr: str, phrase: str) -> bool:
    words = [w for w in re.split(r"[ -]+", phrase) if w and w.lower() not in STOPWORDS]
    return "".join(w[0] for w in words).upper() == acr.upper()


def detect_vendors(examples) -> list[tuple[str, ...]]:
    counts: Counter = Counter()
    for ex in examples:
        toks = ex.split()
        if toks[0] in NOT_VENDORS:
            continue
        for n in (1, 2, 3):
            if len(toks) <= n:
                break
            head = toks[:n]
            if not all(re.match(r"[A-Z0-9]", t) for t in head) or not re.match(r"[A-Z0-9]", toks[n]):
                break
            counts[tuple(head)] += 1
    found = {k for k, c in counts.items() if c >= 3}
    found.update(tuple(v.split()) for v in KNOWN_VENDORS)
    return sorted(found, key=lambda v: (-len(v), v))


def split_vendor(example: str, vendors) -> tuple[str, str]:
    toks = example.split()
    for vendor in vendors:
        n = len(vendor)
        if len(toks) > n and tuple(toks[:n]) == vendor:
            return " ".join(vendor), " ".join(toks[n:])
    return "", ""


def singular_of(term: str, build: Build) -> str | None:
    """The singular form already known for a plural term ("laptops" -> "laptop"), if any."""
    if not term.endswith("s") or term.endswith("ss") or len(term) < 4:
        return None
    for cand in (term[:-3] + "y" if term.endswith("ies") else "", term[:-2] if term.endswith("es") else "",
                 term[:-1]):
        # singular of >= 4 letters only: "bpcs", "cmms", "hrms" are names, not plurals
        if len(cand) >= 4 and (cand in build.index or cand in build.ext_index):
            return cand
    return None


_ABSTRACT = re.compile(r"[a-z]+(ness|ity|ance|ence|ment|sion|tion|ive|able|ible|ous|ful|ship|ies|ary)")


def gazetteer_rejection(term: str, deny: set[str], casemap: dict[str, str] | None = None) -> str | None:
    """Why a gazetteer string is not taken as an extended skill (None = keep)."""
    if not looks_like_term(term, deny):
        return "shape"
    if _ABSTRACT.fullmatch(term) and term not in (casemap or {}):
        return "abstract single word"  # "independence", "relevance", "supervision"
    words = term.split()
    if words[-1] in NOISE_HEADS or words[0] in NOISE_LEADS:
        return "descriptive phrase"
    if is_generic(term, deny):
        return "generic words"
    if len(words) >= 3 and ("and" in words or "&" in words):
        return "coordinated phrase"  # "data analysis and interpretation": two skills in one string
    return None


def add_gazetteer(build: Build, path: Path) -> None:
    terms = sorted({norm(t) for t in load_json(path) if isinstance(t, str) and t.strip()})
    build.stats["gazetteer terms"] = len(terms)
    casemap = build_casemap(build)
    # Multi-word phrases are kept only when anchored by a known skill or product name
    # ("tableau server", "arcgis pro", "soap/rest apis"); unanchored ones are mostly
    # descriptions ("digital execution", "department of defense").
    anchors = {a for a, n in build.index.items()
               if len(a) >= 3 or a in build.core[n]["aliases"] and len(a) >= 2}
    anchors.update(build.ext_index)
    for term in terms:
        if term in build.index:
            build.core[build.index[term]]["sources"].add(SRC_GAZ)
            build.stats["gazetteer -> core"] += 1
            continue
        why = gazetteer_rejection(term, build.deny, casemap)
        if why:
            build.stats[f"gazetteer rejected: {why}"] += 1
            continue
        base = singular_of(term, build)
        if base and base in build.index and term not in build.ext_index:
            skill = build.index[base]
            if base in build.core[skill]["aliases"] and term not in build.deny:
                build.core[skill]["aliases"].add(term)  # plural of a core alias ("plcs")
                build.index[term] = skill
                build.core[skill]["sources"].add(SRC_GAZ)
                build.stats["gazetteer plural -> core alias"] += 1
                continue
        if base and base in build.ext_index and term not in build.ext_index:
            build.add_ext(base, "", "other", {term}, SRC_GAZ)
            build.stats["gazetteer plural merged"] += 1
            continue
        if term not in build.ext_index and re.search(r"[ /]", term) and not is_anchored(term, anchors):
            build.stats["gazetteer rejected: unanchored phrase"] += 1
            continue
        if term in build.ext_index:
            build.add_ext(term, "", "other", set(), SRC_GAZ)
            build.stats["gazetteer merged with O*NET"] += 1
            continue
        build.add_ext(term, display_name(term, casemap), "other", {term}, SRC_GAZ)
        build.stats["gazetteer -> extended"] += 1


def is_anchored(term: str, anchors: set[str]) -> bool:
    toks = [t for t in re.split(r"[ /]+", term) if t]
    if any(re.search(r"[0-9+#.]", t) for t in toks):
        return True  # version or symbol: a product name ("iso 18001", "r12.2 ebs")
    for size in range(len(toks) - 1, 0, -1):
        for i in range(len(toks) - size + 1):
            if " ".join(toks[i:i + size]) in anchors:
                return True
    return False


def build_casemap(build: Build) -> dict[str, str]:
    """Known spellings of tokens ("postgresql" -> "PostgreSQL") from core names and O*NET names."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for low, spelled in SPELLINGS.items():
        votes[low][spelled] += 1000
    names = [e["name"] for e in build.core.values()] + [e["name"] for e in build.ext.values()]
    for name in names:
        for tok in name.split():
            low = tok.lower()
            if tok != low and tok != tok.capitalize() and low not in STOPWORDS and re.search(r"[a-z]", low):
                votes[low][tok] += 1
    return {low: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for low, c in votes.items()}


def link_extended(build: Build) -> None:
    """Extended entries containing a core alias ("tableau server") relate to that core skill."""
    forms = {a: n for n, e in build.core.items() for a in e["aliases"] if len(a) >= 2}
    for entry in build.ext.values():
        toks = entry["name"].lower().split()
        best = None
        for size in range(min(4, len(toks)), 0, -1):
            for i in range(len(toks) - size + 1):
                cand = " ".join(toks[i:i + size])
                if cand in forms:
                    best = forms[cand]
                    break
            if best:
                break
        if best:
            entry["related"] = [best]


# --- checks and output -------------------------------------------------------------------------
def check(build: Build) -> None:
    names = set(build.core)
    for req in REQUIRED_NAMES:
        if req not in names:
            build.errors.append(f"required canonical skill missing: {req!r}")
    owner: dict[str, str] = {}
    all_entries = list(build.core.values()) + list(build.ext.values())
    all_names = names | {e["name"] for e in build.ext.values()}
    for entry in all_entries:
        for form in sorted(entry["aliases"] | entry.get("ambiguous", set())):
            if form in build.deny:
                build.errors.append(f"{entry['name']}: alias {form!r} is in the denylist")
            prev = owner.setdefault(form, entry["name"])
            if prev != entry["name"]:
                build.errors.append(f"alias {form!r} maps to {prev!r} and {entry['name']!r}")
        for form in sorted(entry.get("senses", set())):
            other = build.index.get(form)
            if other is None or other == entry["name"]:
                build.errors.append(f"{entry['name']}: sense {form!r} is no other core skill's form")
        for rel in entry.get("related", []):
            if rel not in names:
                build.errors.append(f"{entry['name']}: related target {rel!r} is not a core skill")
    ext_names = Counter(e["name"] for e in build.ext.values())
    dup = sorted(set(ext_names) & names) + sorted(n for n, c in ext_names.items() if c > 1)
    if dup:
        build.conflicts.append(f"{len(dup)} extended display names collide; disambiguated: {dup[:5]}")
        # keep names unique: suffix the colliding extended names with their primary alias
        seen = set(names)
        for key in sorted(build.ext):
            e = build.ext[key]
            if e["name"] in seen:
                e["name"] = f"{e['name']} ({key})"
            seen.add(e["name"])
    del all_names


def to_records(build: Build) -> list[dict]:
    out = []
    for name in sorted(build.core, key=lambda n: (n.lower(), n)):
        e = build.core[name]
        rec = {"name": name, "family": e["family"], "aliases": sorted(e["aliases"])}
        if e["ambiguous"]:
            rec["ambiguous"] = sorted(e["ambiguous"])
        if e["context"]:
            rec["context"] = sorted(e["context"])
        if e["senses"]:
            rec["senses"] = sorted(e["senses"])
        if e["related"]:
            rec["related"] = sorted(set(e["related"]))
        if e["categories"]:
            rec["categories"] = sorted(e["categories"])
        rec["tier"] = "core"
        rec["sources"] = sorted(e["sources"])
        out.append(rec)
    for key in sorted(build.ext, key=lambda k: (build.ext[k]["name"].lower(), k)):
        e = build.ext[key]
        if not e["aliases"]:
            continue
        rec = {"name": e["name"], "family": e["family"], "aliases": sorted(e["aliases"])}
        if e.get("related"):
            rec["related"] = e["related"]
        if e["categories"]:
            rec["categories"] = sorted(e["categories"])
        rec["tier"] = "extended"
        rec["sources"] = sorted(e["sources"])
        out.append(rec)
    return out


def dump(doc_head: dict, skills: list[dict], denylist: list[str]) -> str:
    """JSON with one skill per line so that diffs stay readable."""
    def j(obj) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    lines = ["{"]
    for key, value in doc_head.items():
        if key == "sources":
            lines.append(' "sources": [\n' + ",\n".join("  " + j(s) for s in value) + "\n ],")
        else:
            lines.append(f" {j(key)}: {j(value)},")
    lines.append(' "skills": [')
    lines.append(",\n".join("  " + j(s) for s in skills))
    lines.append(" ],")
    lines.append(f' "denylist": {j(denylist)}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-data", type=Path, help="folder with the gazetteer and the O*NET file")
    ap.add_argument("--curated", type=Path, default=CURATED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every conflict")
    args = ap.parse_args(argv)

    build = Build(load_json(args.curated))
    used = [SRC_CURATED]
    if args.bench_data:
        onet, gaz = args.bench_data / ONET_FILE, args.bench_data / GAZ_FILE
        for p in (onet, gaz):
            if not p.is_file():
                print(f"error: {p} not found", file=sys.stderr)
                return 2
        build.add_onet(onet, {norm(t) for t in load_json(gaz) if isinstance(t, str)})  # first: its names carry the vendors' own capitalisation
        add_gazetteer(build, gaz)
        link_extended(build)
        used += [SRC_GAZ, SRC_ONET]
    else:
        print("note: no --bench-data given; building the core tier only (no extended entries)")
    check(build)

    skills = to_records(build)
    head = {"version": 1, "generated_by": "tools/build_skills_taxonomy.py",
            "sources": [SOURCES[s] for s in used], "families": build.families}
    text = dump(head, skills, sorted(build.deny))
    json.loads(text)  # must round-trip

    for key in sorted(build.stats):
        print(f"  {key}: {build.stats[key]}")
    print(f"conflicts resolved: {len(build.conflicts)}")
    for c in build.conflicts if args.verbose else build.conflicts[:10]:
        print(f"  {c}")
    if build.errors:
        for e in build.errors:
            print(f"ERROR: {e}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    n_core = sum(s["tier"] == "core" for s in skills)
    n_alias = sum(len(s["aliases"]) for s in skills)
    print(f"wrote {args.out}: {n_core} core + {len(skills) - n_core} extended skills, "
          f"{n_alias} aliases, {len(text.encode()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
