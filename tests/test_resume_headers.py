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
