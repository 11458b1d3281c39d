"""Word lists that tell job titles, employers, schools and places apart (lower case)."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Head words of job titles in many trades, not only software.
TITLE_WORDS = _words(
    """
    engineer engineers developer developers manager analyst consultant intern internship
    lead architect designer specialist associate executive officer director scientist
    administrator admin tester trainee programmer technician nurse accountant assistant
    coordinator supervisor representative researcher fellow professor lecturer teacher
    instructor tutor advisor adviser auditor clerk partner owner founder co-founder
    cofounder president vice vp cto ceo cfo coo cio ciso cmo head sde sdet qa devops
    operator agent planner strategist writer editor buyer recruiter trader banker
    underwriter pharmacist physician therapist mechanic electrician controller secretary
    receptionist cashier chef driver volunteer apprentice freelancer contractor marketer
    attorney lawyer paralegal counsel expert practitioner incharge in-charge superintendent
    foreman inspector surveyor economist statistician actuary librarian investigator officer
    dean principal chair chairman chairperson member staff trainer coach mentor ambassador
    evangelist producer curator photographer illustrator animator translator interpreter
    journalist reporter correspondent pilot captain sergeant lieutenant commander hygienist
    dentist surgeon midwife paramedic caregiver counselor counsellor psychologist dietitian
    nutritionist pharmacologist chemist biologist physicist mathematician geologist
    technologist sonographer radiographer phlebotomist rn lpn cna gm avp svp evp md deputy
    sr jr senior junior principal postdoc postdoctoral ra ta tl pm dba sme ba sa bdm bde
    barista bartender waiter waitress housekeeper custodian janitor lifeguard nanny stylist
    bookkeeper merchandiser dispatcher estimator courier marketeer preparer generalist
    sourcer hrbp registrar lvn crna aprn
    """
)
# Words that make a phrase a title even without a head word above ("Co-Founder & CTO").
TITLE_PHRASES = (
    "team lead", "tech lead", "scrum master", "product owner", "business partner",
    "technical lead", "project lead", "member of technical staff", "research intern",
    "software development", "web developer",
)
COMPANY_WORDS = _words(
    """
    inc inc. incorporated ltd ltd. limited llc llp lp pvt pvt. private corp corp.
    corporation co co. company companies group technologies technology tech solutions
    systems services labs lab software consulting consultancy consultants bank university
    college institute hospital clinic health healthcare partners industries enterprises
    international global networks media studio studios ventures capital holdings gmbh ag sa
    bv plc nv oy ab kk foundation analytics infotech infosystems infoway communications
    telecom motors pharma pharmaceuticals insurance financial finance airlines airways
    energy logistics retail foods agency academy center centre council ministry department
    government bureau authority board trust society associates research laboratories
    laboratory digital data cloud interactive networks semiconductor semiconductors
    electronics automotive aerospace manufacturing exports imports traders trading
    infrastructure constructions construction builders realty estates hotels resorts
    restaurants publishing press broadcasting entertainment games gaming school schools
    """
)
INSTITUTION_WORDS = _words(
    """
    university universität université universidad universita college institute institution
    school academy polytechnic vidyalaya vidyapeeth vidyapith mahavidyalaya kendriya
    conservatory seminary iit iiit nit bits iim board
    """
)
# Words that, capitalised at the top of a resume, are still not a person's name.
NOT_NAME_WORDS = _words(
    """
    resume curriculum vitae cv biodata profile contact email phone mobile address page
    summary objective experience education skills india street road avenue floor apartment
    technical professional personal details information software senior junior the and of
    for at in updated last welcome to
    """
)
# Section-like labels inside experience entries that are never a title or an employer.
ENTRY_LABELS = _words(
    """
    responsibilities responsibility role roles duties description project projects client
    environment technologies technology tools team size duration achievements key
    accomplishments summary details highlights skills used platform domain profile resume
    job organisation organization company employer designation key
    """
)
# State and province codes written after a city ("Denver, CO", "Toronto, ON").
STATE_CODES = frozenset("""
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY
NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON BC QC AB NSW VIC QLD
""".split())
# States, provinces and countries often written after a city ("Pune, Maharashtra"); a hyphen
# stands for a space inside a name.
REGIONS = frozenset(w.replace("-", " ") for w in """
andhra-pradesh arunachal-pradesh assam bihar chhattisgarh goa gujarat haryana himachal-pradesh
jharkhand karnataka kerala madhya-pradesh maharashtra manipur meghalaya mizoram nagaland odisha
orissa punjab rajasthan sikkim tamil-nadu telangana tripura uttar-pradesh uttarakhand
west-bengal delhi new-delhi chandigarh puducherry jammu-and-kashmir ladakh
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada new-hampshire new-jersey new-mexico
new-york north-carolina north-dakota ohio oklahoma oregon pennsylvania rhode-island
south-carolina south-dakota tennessee texas utah vermont virginia washington west-virginia
wisconsin wyoming ontario quebec alberta manitoba saskatchewan nova-scotia british-columbia
india usa us uk united-states united-kingdom england scotland wales ireland canada australia
germany france netherlands singapore uae united-arab-emirates qatar oman kuwait
saudi-arabia bahrain malaysia philippines japan china sri-lanka nepal bangladesh pakistan
""".split())
