"""Experience headers as people and readers write them: cells wrapped in two columns, the
employer named after "in", "as" or "@", labels without colons, places where an employer
would be, and headers without dates between dated roles."""

from __future__ import annotations

from datetime import date

import pytest

from mock_interview.domain.resume import parse_resume
from mock_interview.domain.resume.text import prepare_lines

TODAY = date(2025, 6, 15)


def _roles(section: str) -> list[tuple[str | None, ...]]:
    parsed = parse_resume(f"Jane Roe\njane@example.com\n\nEXPERIENCE\n{section}", today=TODAY)
    return [(e.title, e.company, e.unit, e.location, e.start, "now" if e.current else e.end)
            for e in parsed.experience]


def test_a_cell_wrapped_beside_a_wrapped_date_is_joined_back():
    lines = prepare_lines("Operations Manager | Meridian\t04/2020 –\nLogistics Group\tPresent\n"
                          "Atlanta, GA\n• Ran three distribution centres\n")
    assert lines[:3] == ["Operations Manager | Meridian Logistics Group", "\x1e04/2020 – Present",
                         "Atlanta, GA"]
    assert _roles("\n".join(lines)) == [
        ("Operations Manager", "Meridian Logistics Group", None, None, "2020-04", "now")]


def test_a_wrapped_unit_stays_with_its_title_and_the_employer_line_stays_apart():
    assert _roles("Registered Nurse – Medical/Surgical\tJuly 2019 -\nICU\tCurrent\n"
                  "Bayview Memorial Hospital\tHouston, TX\n• Cared for ventilated patients\n") == [
        ("Registered Nurse", "Bayview Memorial Hospital", "Medical/Surgical ICU", "Houston, TX",
         "2019-07", "now")]


def test_a_title_cell_without_a_separator_keeps_the_employer_line_below_it():
    # Title and employer are two lines of one cell: nothing is joined.
    assert _roles("Registered Nurse\tJanuary 2017 –\nBayview Memorial Hospital\tJune 2019\n"
                  "• Monitored telemetry patients\n") == [
        ("Registered Nurse", "Bayview Memorial Hospital", None, None, "2017-01", "2019-06")]


def test_a_line_of_employer_words_under_title_and_employer_ends_the_name():
    assert _roles("Senior Financial Analyst, Harborview Capital\nPartners\n"
                  "Jan 2021 – Present | New York, NY\n• Built valuation models\n"
                  "Credit Analyst, Bank of the West\nJul 2016 – Dec 2018 | San Francisco, CA\n"
                  "• Underwrote loans\n") == [
        ("Senior Financial Analyst", "Harborview Capital Partners", None, "New York, NY",
         "2021-01", "now"),
        ("Credit Analyst", "Bank of the West", None, "San Francisco, CA", "2016-07", "2018-12"),
    ]


def test_a_title_and_employer_with_a_place_after_an_employer_heading_is_a_new_employer():
    assert _roles("Operations Manager – Southeast Region\tApril 2020 - Current\n"
                  "Meridian Logistics Group, Atlanta, GA\n• Ran depots\n"
                  "Warehouse Associate | FastLane Distribution, Marietta, GA\t"
                  "June 2014 - February 2017\n• Picked orders\n")[1] == (
        "Warehouse Associate", "FastLane Distribution", None, "Marietta, GA", "2014-06", "2017-02")


def test_headers_without_dates_between_dated_roles_are_not_roles():
    section = ("Network Engineer\nInitrode\nMay 2015 to June 2017\n• Ran the network\n"
               "Exposure\nNetwork Engineer\n• Routers and switches\n")
    assert _roles(section) == [("Network Engineer", "Initrode", None, None, "2015-05", "2017-06")]
    parsed = parse_resume(f"Jane Roe\njane@example.com\n\nEXPERIENCE\n{section}", today=TODAY)
    assert "Routers and switches" in parsed.experience[0].bullets
    # A resume with no dates at all keeps its undated roles.
    assert _roles("Network Engineer\nInitrode\n• Ran the network\n") == [
        ("Network Engineer", "Initrode", None, None, None, None)]


@pytest.mark.parametrize(("section", "title", "company"), [
    ("HR Executive in Northwind\n\nRecruitment -\n\nSeptember 2016 to April 2017\n\n• Hired\n",
     "HR Executive", "Northwind"),
    ("Contoso as Process Associate\n\nDecember 2009 to September 2010\n\n• Answered calls\n",
     "Process Associate", "Contoso"),
    ("Process Associate@ Fabrikam\n\nMay 2011 to June 2012\n\n• Ran payroll\n",
     "Process Associate", "Fabrikam"),
    ("Worked as Sales Consultant\nTailspin Toys\nAugust 2014 to October 2015\n• Sold toys\n",
     "Sales Consultant", "Tailspin Toys"),
    ("Project Manager\nSr Consultant/ Initech Limited\nDecember 2015 to October 2016\n• Ran\n",
     "Project Manager", "Initech Limited"),
    ("Analyst\nJob Profile in Globex\nMarch 2011 to March 2012\n• Wrote reports\n",
     "Analyst", "Globex"),
    # "in" before a field, with the employer on its own line: the title keeps its field.
    ("Clinical Nurse Specialist in Oncology\nMercy Hospital\nMarch 2015 to May 2019\n• Led\n",
     "Clinical Nurse Specialist in Oncology", "Mercy Hospital"),
])
def test_the_employer_after_in_as_or_at_sign(section, title, company):
    role = _roles(section)[0]
    assert (role[0], role[1]) == (title, company)


def test_labels_without_colons_and_numbered_labels_are_not_part_of_the_employer():
    assert _roles("Software Engineer\nORGANISATION Initech Technologies Ltd\n"
                  "June 2011 to December 2012\n• Wrote tests\n")[0][:2] == (
        "Software Engineer", "Initech Technologies Ltd")
    assert _roles("Company 1: Globex India Private Limited, Chennai\n"
                  "Designation: Principal Engineer\nSeptember 2005 to Present\n• Led the team\n") == [
        ("Principal Engineer", "Globex India Private Limited", None, "Chennai", "2005-09", "now")]


def test_places_are_not_employers():
    # A city and its state or country code is one place, not "employer, city".
    assert _roles("Sales Officer\nDubai, AE\nFebruary 2017 to October 2017\n• Sold cars\n") == [
        ("Sales Officer", None, None, "Dubai, AE", "2017-02", "2017-10")]
    assert _roles("DBA\nPune, Maharashtra\nJune 2006 to May 2008\n• Ran backups\n")[0][1:4] == (
        None, None, "Pune, Maharashtra")
    # A bare city the resume names elsewhere as a place.
    roles = _roles("Shift Supervisor\nUmbrella Motors Ltd - Nagpur, Maharashtra -\n"
                   "January 2013 to February 2016\n• Ran shifts\nShift Engineer\nNAGPUR -\n"
                   "January 2010 to December 2012\n• Fixed lines\n")
    assert roles[1][:4] == ("Shift Engineer", None, None, "NAGPUR")


def test_the_employer_written_into_the_title_is_taken_out():
    roles = _roles("Initech Limited Senior Systems Engineer\nInitech Limited\n"
                   "October 2015 to Present\n• Built tools\n"
                   "Microsoft Student Partner\nMicrosoft\nJanuary 2014 to July 2015\n• Ran talks\n"
                   "HR Executive- NORTHWIND TRADERS\nNorthwind Traders Pvt. Ltd\n"
                   "January 2011 to October 2011\n• Hired staff\n")
    assert [r[:2] for r in roles] == [
        ("Senior Systems Engineer", "Initech Limited"),
        ("Microsoft Student Partner", "Microsoft"),  # a programme's name, kept
        ("HR Executive", "Northwind Traders Pvt. Ltd"),
    ]


def test_words_a_reader_ran_together_are_not_an_employer():
    assert _roles("ASSISTANTBUSINESSDEVELOPMENTMANAGER\nSales Officer\n"
                  "February 2017 to October 2017\n• Sold cars\n") == [
        ("Sales Officer", None, None, None, "2017-02", "2017-10")]


def test_a_sidebar_read_first_leaves_the_name_before_the_main_column():
    text = ("CONTACT\n\nsophie.laurent@example.com\n\n(212) 555-0151\n\nNew York, NY\n\n"
            "LANGUAGES\n\nEnglish, French\n\nSophie Laurent\n\nSUMMARY\n\n"
            "Financial analyst covering valuation for a mid-market fund.\n\n"
            "EXPERIENCE\n\nFinancial Analyst, Harborview Capital Partners\tJan 2019 – Present\n\n"
            "• Built valuation models\n")
    parsed = parse_resume(text, today=TODAY)
    assert parsed.contact.name == "Sophie Laurent"
    assert parsed.contact.location == "New York, NY"


def test_one_employer_written_short_and_long_gets_its_fullest_name():
    roles = _roles("Senior Engineer\nFabrikam Technologies Ltd - Pune, Maharashtra -\n"
                   "June 2016 to Present\n• Led releases\n"
                   "Engineer\nFabrikam -\nJune 2012 to May 2016\n• Wrote drivers\n"
                   "Analyst\nContoso BPO -\nJune 2010 to May 2012\n• Ran reports\n"
                   "Associate\nContoso -\nJune 2008 to May 2010\n• Kept books\n")
    assert [r[1] for r in roles] == [
        "Fabrikam Technologies Ltd", "Fabrikam Technologies Ltd",
        # "BPO" is not a kind of business word: another employer's name, kept apart.
        "Contoso BPO", "Contoso"]


def test_a_short_name_that_two_longer_names_extend_is_left_alone():
    roles = _roles("Consultant\nNorthwind India -\nJune 2016 to Present\n• Advised\n"
                   "Consultant\nNorthwind Financial Services -\nJune 2012 to May 2016\n• Advised\n"
                   "Analyst\nNorthwind -\nJune 2010 to May 2012\n• Analysed\n")
    assert [r[1] for r in roles] == [
        "Northwind India", "Northwind Financial Services", "Northwind"]


def test_project_fields_written_without_colons_are_not_employers_or_titles():
    roles = _roles("LEAD ENGINEER\nFABRIKAM -\nJune 2014 to Present\n• Built widgets\n"
                   "2. Project Title ORBIT\nINDUSTRY CORE - RETAIL\nSENIOR SYSTEMS ENGINEER\n-\n"
                   "June 2012 to June 2014\n• Fixed screens\n"
                   "PROJECT LEDGER-SYNC (LSYNC)\nCLIENT Contoso Systems\nSYSTEMS ENGINEER\n-\n"
                   "October 2011 to May 2012\n• Tested builds\n")
    assert [r[:2] for r in roles] == [
        ("LEAD ENGINEER", "FABRIKAM"),
        # No employer of their own: the one above, not the project's client or industry.
        ("SENIOR SYSTEMS ENGINEER", "FABRIKAM"),
        ("SYSTEMS ENGINEER", "FABRIKAM")]
    # The same words that begin a title stay a title.
    assert _roles("Project Manager\nContoso Ltd -\nJune 2012 to June 2014\n• Planned\n")[0][:2] == (
        "Project Manager", "Contoso Ltd")


def test_a_bare_dash_where_the_employer_goes_leaves_the_line_above_a_title():
    roles = _roles("Solution Architect (Band D3)\n-\nAugust 2015 to Present\n• Designed\n"
                   "Pricing desk\n-\nNovember 2013 to July 2015\n• Priced orders\n")
    assert [r[:2] for r in roles] == [
        ("Solution Architect", None), ("Pricing desk", None)]
    # An employer named on the title line is still the employer.
    assert _roles("Billing Officer in Tailspin\n-\nJune 2010 to May 2012\n"
                  "• Answered mail\n")[0][:2] == ("Billing Officer", "Tailspin")


def test_an_employer_line_ending_in_an_empty_field_is_the_employer():
    # "Name - City, State -": the employer whatever its words; the line above is the title.
    assert _roles("coaching\nnorthwind -  Noida, Uttar Pradesh -\nApril 2017 to Present\n"
                  "• Coached\n") == [
        ("coaching", "northwind", None, "Noida, Uttar Pradesh", "2017-04", "now")]
    assert _roles("Desk Support Executive\nTailspin -\nSeptember 2017 to Present\n"
                  "• Fixed laptops\n")[0][:2] == ("Desk Support Executive", "Tailspin")
    # An undated role above: the employer is the one on the dangling line, not the one above.
    roles = _roles("Technical Architect\nFabrikam Services - Pune, Maharashtra\n"
                   "Software Engineer 2\nContoso - Redmond -\nJune 2016 to February 2017\n"
                   "• Ran services\n")
    assert roles[-1][:2] == ("Software Engineer 2", "Contoso")


def test_a_client_line_under_a_title_that_names_its_employer_is_not_the_employer():
    roles = _roles("Network Analyst in Initech\nBrightpath Careers -\nMarch 2015 to Present\n"
                   "• Watched alerts\n"
                   "Platform Support Lead, - Fabrikam Ltd (Team Lead)\nContoso -  Pune, "
                   "Maharashtra -\nJune 2012 to February 2015\n• Ran support\n")
    assert [r[1] for r in roles] == ["Initech", "Fabrikam Ltd"]


def test_a_role_written_in_lower_case_is_still_a_role():
    roles = _roles("Associate\nNorthwind -  Chennai, Tamil Nadu -\nOctober 2016 to June 2017\n"
                   "● Answered calls\n\nsoft skills trainer\n\n"
                   "tailspin contoso -  Jaipur, Rajasthan -\n\nOctober 2014 to February 2015\n\n"
                   "Responsibilities\nTrained new joiners on calls\n")
    assert [r[:4] for r in roles] == [
        ("Associate", "Northwind", None, "Chennai, Tamil Nadu"),
        ("soft skills trainer", "tailspin contoso", None, "Jaipur, Rajasthan")]
    assert parse_resume("Jane Roe\n\nEXPERIENCE\nsoft skills trainer\n\n"
                        "tailspin contoso -  Jaipur, Rajasthan -\n\nOctober 2014 to February 2015\n"
                        "• Trained new joiners on calls\n",
                        today=TODAY).experience[0].bullets == ["Trained new joiners on calls"]


def test_employer_as_a_title_names_both():
    assert _roles("Contoso group as a QA Analyst\nContoso Ltd/Fabrikam Systems Ltd -\n"
                  "January 2015 to Present\n• Tested payments\n")[0][:2] == (
        "QA Analyst", "Contoso Ltd/Fabrikam Systems Ltd")
    assert _roles("Tailspin Tutors as a Recruitment Executive\nTailspin Tutors Pvt. Ltd -  "
                  "Mohali, Punjab -\nJune 2013 to January 2014\n• Hired tutors\n")[0][:4] == (
        "Recruitment Executive", "Tailspin Tutors Pvt. Ltd", None, "Mohali, Punjab")


def test_a_title_followed_by_a_name_above_an_empty_employer_field_is_split():
    assert _roles("Claims Executive Contoso\n-\nJuly 2013 to February 2016\n• Settled claims\n"
                  )[0][:2] == ("Claims Executive", "Contoso")
    # A level after the title is part of it.
    assert _roles("Software Engineer II\n-\nJuly 2013 to February 2016\n• Built\n")[0][:2] == (
        "Software Engineer II", None)


def test_a_year_that_ends_a_sentence_is_not_a_new_role():
    parsed = parse_resume("Jane Roe\n\nEXPERIENCE\nForms Designer\n\nContoso Forms -\n\n"
                          "2017 to 2017\n\n2014, Fabrikam Forms.\n\nResponsibilities:\n"
                          "• Built forms and workflows\n", today=TODAY)
    assert [(e.title, e.company, e.start) for e in parsed.experience] == [
        ("Forms Designer", "Contoso Forms", "2017")]


def test_a_paragraph_wrapped_in_the_middle_of_a_list_is_not_a_header():
    roles = _roles(
        "NORTHWIND CAPITAL SERVICES GROUP -  Mumbai, Maharashtra -\n\n"
        "February 2014 to March 2014\n\n"
        "Location: Mumbai\n\n"
        "FABRIKAM LIFE INSURANCE COMPANY - Claims Desk -  Mumbai, Maharashtra -\n\n"
        "September 2008 to December 2013\n\n"
        "Covered the floor for the branch teams: Payroll Queries, Laptop Refresh, Field Support, Data\n"
        "Centre Moves and Printer Upkeep\n"
        "Duration: September 2008 - December 2013\n"
        "Location: Mumbai\n")
    # The long employer line with two fields is a header; "Centre Moves…" is not one.
    assert [r[:2] for r in roles] == [
        (None, "NORTHWIND CAPITAL SERVICES GROUP"),
        ("Claims Desk", "FABRIKAM LIFE INSURANCE COMPANY")]


def test_an_entry_printed_twice_is_one_entry_with_all_its_bullets():
    parsed = parse_resume(
        "Jane Roe\n\nEXPERIENCE\nService Coordinator\n\nContoso Shared Services Private Limited -\n\n"
        "November 2011 to June 2014\n\nNovember 2011- June 2014)\nService Coordinator\n"
        "• Coordinated phone line orders for retail clients\n• Wrote project plans\n", today=TODAY)
    assert [(e.title, e.company, e.start, e.end, len(e.bullets)) for e in parsed.experience] == [
        ("Service Coordinator", "Contoso Shared Services Private Limited", "2011-11", "2014-06",
         2)]


def test_an_employer_line_alone_above_its_dates_names_the_employer():
    roles = _roles("Team Member\nContoso -\nOctober 2017 to Present\n• Wrote dashboards\n\n"
                   "Northwind national lending -\n\nJune 2013 to October 2014\n\n"
                   "Role: Reporting Analyst\n• Sent daily reports\n")
    assert [r[:2] for r in roles] == [
        ("Team Member", "Contoso"),
        ("Reporting Analyst", "Northwind national lending")]


@pytest.mark.parametrize(("section", "expected"), [
    ("Senior Analyst\nHarborview Capital\nPartners\nJan 2020 – Present\n• Built models\n",
     ("Senior Analyst", "Harborview Capital Partners", None)),
    ("Harborview Capital\nPartners, Boston, MA\nSenior Analyst\nJan 2019 – Dec 2021\n"
     "• Built models\n", ("Senior Analyst", "Harborview Capital Partners", "Boston, MA")),
    ("Registered Nurse\nSt. Mary's Regional Medical\nCenter\nMarch 2018 – Present\n• Cared\n",
     ("Registered Nurse", "St. Mary's Regional Medical Center", None)),
    ("Senior Software\nEngineer\nContoso Ltd\nJan 2019 – Dec 2021\n• Built services\n",
     ("Senior Software Engineer", "Contoso Ltd", None)),
])
def test_names_a_narrow_column_wrapped_are_joined_back(section, expected):
    role = _roles(section)[0]
    assert (role[0], role[1], role[3]) == expected


def test_a_title_line_under_an_employer_line_is_not_joined_to_it():
    assert _roles("Contoso\nEngineer\nJan 2019 – Dec 2021\n• Built services\n")[0][:2] == (
        "Engineer", "Contoso")


@pytest.mark.parametrize("heading", ["CLINICAL ROTATIONS", "Clinical Placements", "Practicum",
                                     "Externships", "Student Teaching"])
def test_placements_of_a_training_are_roles_held_while_studying(heading):
    """A new graduate's rotations or placements are experience, counted as student roles."""
    year = date.today().year
    parsed = parse_resume("\n".join([
        "Jordan Ellis", "jordan.ellis@example.com", "", "EDUCATION",
        f"Bachelor of Science in Nursing, State University, {year}", "", heading,
        f"Medical-Surgical, Riverside Medical Center, Jan {year} – Apr {year}",
        "- Cared for four patients a shift under my preceptor",
    ]))
    role = parsed.experience[0]
    assert role.company == "Riverside Medical Center" and role.employment == "student"
