"""Red flags in a work story (domain/grading/conduct.py): what the speaker left out, did
against others, or did for appearances, and the stories that only mention such things."""

from __future__ import annotations

import pytest

from mock_interview.domain.grading import GradingInput, conduct, grade_answer

RED_FLAGS = [
    "My teammate thought the schema was wrong, so I just went ahead and did it my way.",
    "The QA lead objected, but I overrode her and shipped the change on Friday.",
    "When the numbers came in low, I didn't tell my director until the quarter closed.",
    "I blamed the warehouse team for the late shipment when the client called.",
    "I didn't want to look slow, so I signed off the batch record without checking the second page.",
    "We pushed the fix straight to production without testing it, since the client was waiting.",
    "I kept the error to myself and corrected it quietly in the next month's entries.",
    "I decided it was best not to raise the overspend with the sponsor yet.",
    "I gave the patient the extra dose without an order and mentioned it at handover.",
    "I told the guest firmly that it was housekeeping's mistake, not ours.",
    "I didn't involve the engineers, because they would only slow it down.",
    "I went around her head and took the proposal straight to the VP.",
    "I removed the second-reviewer sign-off so journals could post the same day.",
    "I told the developers to skip code review so we could hit the date.",
    "I never asked anyone for help that night, even with two admissions.",
    "I didn't tell finance anything about the slipped shipment until month end.",
    "I doubled the order without running it past the plant manager.",
    "I quietly rewrote the module instead of the roadmap work for two months.",
    "I don't like looking like I can't handle my caseload, so I kept going alone.",
    # checks, measures and lessons left out
    "I didn't look at the other invoices, since the total matched in the end.",
    "We didn't track the refund rate after the change went live.",
    "I didn't change anything in how I schedule the crews afterwards.",
    "We didn't add any alerts once the queue was draining again.",
    "I decided not to bring it up with the partner before the deadline.",
    "I didn't tell customers until their parcels were already a week late.",
    "I didn't think it was worth paging the physician over one reading.",
    # the fix done out of sight, the alarm not raised, luck as the outcome
    "I reversed the duplicate payment quietly in the next run and moved on.",
    "I didn't want to be the one to stop the pour, so we kept going until the end of the day.",
    "I waited until the day team came on rather than paging the registrar again.",
    "I assumed the senior partner knew the client's position better than I did, so I filed it.",
    "Luckily nothing happened, and the missing guard rail went back up the next week.",
    # a customer turned away
    "I said the manager was busy and told him he'd have to wait like everyone else.",
    "I turned down the escalation, since escalations make our team's numbers look bad.",
    # the person avoided, the complaint not engaged with
    "I sent the letter on Friday and blocked my diary so he couldn't reach me until Monday.",
    "I didn't engage with the grievance and left it to the lawyers.",
    # safety limits and checks set aside, a faulty machine kept running
    "I told the drivers to skip their rest breaks so the trailers left on time.",
    "I loaded the van well over the weight limit to save a trip.",
    "I told him to keep using the hoist carefully until the end of the shift.",
    "We didn't tag the hoist out, because we only had the one.",
    "So it was fine in the end.",
    # the numbers dressed up, the inconvenient results left out, a promise with nothing behind it
    "I booked the write-off across three months in small amounts so the change wouldn't stand out.",
    "I counted trial sign-ups in the pipeline total so the numbers looked closer to plan.",
    "I re-ran the survey cut by region, age and tenure until one came out significant.",
    "I left the weaker results out of the deck so the pilot read as a success.",
    "I promised the client a fix by Friday, even though engineering hadn't agreed to any date.",
    # an alarm silenced, a hazard worked around, records changed to show what did not happen
    "I turned the alarm limit down so it would stop sounding at night.",
    "I told them to work around it and keep their hands clear until the shift ended.",
    "I had the office change the dispatch dates to show the goods had left on time.",
    "I forgot to log the fault with maintenance after the shift.",
    "I halved the dose on the label without calling the prescriber.",
    "Nothing came of it.",
    "I gave him a refund far beyond my authority to end the call.",
    # acting against others or around the process
    "I presented the forecast model at the offsite as my own work.",
    "I reported the launch to the board as a success based on sign-ups alone.",
    "I left the cost per hire out of the summary because it looked bad.",
    "I told her in front of the whole crew that her count was wrong.",
    "I quietly adjusted the baseline so the trend looked better.",
    "I held off telling the client until the audit was finished.",
    "In the end I went with my gut and ordered triple the usual stock.",
    # motives
    "We shipped on the Friday because I think speed matters more than testing.",
    "I merged the duplicates myself so that nobody would notice the gap.",
    # the fault put on others, the check waved away
    "The rejected batch was really the supplier's fault, so there was little to learn.",
    "The delay was mostly down to the facilities team, not us.",
    "Deployments are the platform team's responsibility, so I left it with them.",
    "It isn't a pharmacist's role to question the prescriber, so I filled it.",
    "I had doubts, but I shipped it, because security reviews are the platform team's responsibility.",
    "Interviews would just slow us down, so the redesign went straight to build.",
    "There was no need to document the call since nothing went wrong.",
    # records and results bent, controls bypassed, information kept back
    "I approved the invoices myself and signed the batch off as both preparer and approver.",
    "I gave myself admin access so I could release the payments without waiting.",
    "We switched off the duplicate-payment check for the rest of the quarter.",
    "The sous chef and I agreed to keep it between us rather than worry the owner.",
    "I held off until the board meeting was over before saying anything.",
    "I reran the cohort cuts until the churn numbers came out looking healthy.",
    "I copied the patient list onto my personal USB stick to work on it at home.",
    "I told the client the warehouse team must have lost the paperwork.",
    "Documentation reviews are mostly box-ticking, so I signed the form and moved on.",
    "I reused their stock photos, since nobody would notice on a small campaign.",
    "I approved a full refund, even though I'm only authorised for half.",
    "I didn't take notes in the meeting, since writing things down makes it formal.",
    "We didn't do a retrospective, because the team had moved on.",
    "Logging it would have meant an investigation, so I left it off the system.",
    "I just told her what she wanted to hear about the timeline.",
    "We kept the extra discount out of the contract with a side email.",
    "I switched the opportunity owner to me before the quarter closed.",
    "I mentioned in the team meeting that his pricing was sloppy.",
    "Nobody got sick in the end, so I'd say my call was right.",
    "I told the families the road was closed, which was partly true.",
    "There was no time to tell the ward manager before the change.",
    "Questions about pay went to HR; I told them HR could deal with all that.",
    "They should have read the runbook more carefully before taking over.",
    "I figured the users would adapt once the old screen was gone.",
    "I kept the delay from the client until the new parts had arrived.",
    "I closed the alert instead of paging the on-call engineer, since it was late.",
    "I deleted the share and its access logs so nothing more could leak.",
    "I gave two interns direct access to the production database to save time.",
    "I left the privacy officer out of it, because those reviews drag on.",
    "I told the venue the problem was their booking system, so they'd move us up.",
    "I reported full coverage to the board, which was technically correct for the sites in scope.",
    "Involving the safety manager seemed excessive for a near miss like that.",
    "The root cause wasn't worth digging into, since the date had been set before I joined.",
    "The numbers were hit by factors outside our control, so the plan itself was fine.",
    "There was no point worrying the practice manager, so I held it back until the audit.",
    "I skipped running it past the medical director, as she is very cautious.",
    "I left the phone call out of his notes because it would have cluttered the record.",
    "I pointed out at the team meeting that the rejected parts had come from his drawings.",
    "We rolled the new rota out to every ward at once instead of piloting it.",
    "I told the board the trial had passed, which was true of the two sites we checked.",
    "The referral letter really should have flagged it in the first place.",
    "Checking sensation felt too intrusive for a first visit, so I left it.",
    # hiding, cherry-picking, buying time, shutting people out, waving checks away
    "Rather than reopen the month, I quietly booked the difference to a suspense line.",
    "I renamed the journal lines so the review sample wouldn't pick them up.",
    "We backdated the approval form to before the deadline.",
    "I recut the results by the region where the pilot looked best and led with that.",
    "I told the board there were no risks worth raising at that stage.",
    "I said the parts were at customs, which bought me another week.",
    "I stopped inviting the safety officer to the planning meetings.",
    "I stopped reporting the scrap rate in the weekly pack during the changeover.",
    "I didn't share the supplier-level figures with the steering group.",
    "I didn't fill in an incident report, since the patient was fine.",
    "Caveats would only confuse the client, so I left them out of the deck.",
    "We didn't waste time on a pilot; the new layout went live over one weekend.",
    "The real problem was sales, who never followed up the leads.",
    "I forwarded the thread to the client so they could see it wasn't our team's fault.",
    "I kept the overrun away from the steering board until the next quarter.",
    "The supplier dispute was awkward, so I left it out of the handover notes.",
    "I left the verification to the developer, since he knew the code.",
    "We cut the regression testing from a week to one afternoon to make the date.",
    "I rewrote his reports myself, which kept the team's metrics looking good.",
    "A formal incident would have meant a long review, so I fixed it on the side.",
    "Manual checks tend to be overly cautious, so I went with the model's figure.",
    "When the client pushed, I let slip that the promise was the account manager's.",
    "We lost the renewal, which I'd put down to the client's budget cuts.",
    "The slip came mainly from the vendor's staffing.",
    "The underlying problem was the developers merging so late.",
    "We didn't bother with a retrospective, since the campaign had ended.",
    "The antibiotic went in late, but I charted it at the scheduled time.",
    "I told the client the order had shipped, even though I hadn't booked the courier yet.",
    "I left out the billing dispute, since it was awkward.",
    "I didn't run it past the site manager, since results speak for themselves.",
    "I told his daughter he was comfortable so she wouldn't worry.",
    "I raised a few grades so they'd stop emailing me.",
    "I moved the ticket to another queue so it would come off my plate.",
    "We changed the categories, which made our resolution rate look fantastic.",
    "I didn't see the point of a survey, since they'd say it was too hard.",
    "Night-time rapid response calls are mostly overreactions.",
    "Retention stayed flat, but that's because sales kept selling to the wrong customers.",
    "I told him the role was on hold, which was simpler than explaining the budget cut.",
    "After the peak I mentioned the broken rail to the site manager in passing.",
    "I went into the flat alone despite the warnings on file.",
    "I placed the order without taking it to the planning meeting.",
    "I told her the supplier was short, which headed off an argument.",
    "I presented the empty warehouse as a win at the review.",
    "I left the weaker comparables out of my pricing pack.",
    "Writing a full plan felt redundant, since everyone knew the problem.",
    "The damaged rack never went on the system, because it would have closed the aisle.",
    "I kept the notes vague so nothing could be misread later.",
    "That's more an onboarding issue than a hiring one.",
]

SOUND_STORIES = [
    "We tried her approach for a week, then compared both on real orders and kept mine.",
    "I didn't escalate right away; first I reproduced the issue on a clean account.",
    "We never tell customers a date we can't hit, so I gave a range and updated it daily.",
    "Rather than blaming the vendor, I pulled the delivery logs and found the gap in our own booking.",
    "The previous lead had hidden the backlog, so I published it on the team board.",
    "I didn't wait for the weekly meeting: I called the charge nurse and we paged the resident.",
    "Looking back, I should have told the client sooner, and now I send a note the same day.",
    "I didn't ask the customer to repeat anything; I read the ticket history first.",
    "I checked the order against the MAR, confirmed the allergy with the patient and documented it.",
    "I didn't just fix the entry, I added a reconciliation check so it can't recur.",
    "I told him honestly that the delay was our fault and offered a credit.",
    "I presented the results in front of the whole leadership team and took their questions.",
    "I rebuilt the dashboard on my own time and walked the team through it on Monday.",
    "I stopped the line and asked the quality lead to review the first ten parts.",
    "I never skipped a handover, and I asked the charge nurse for help with the admission.",
    "I told finance about the slipped shipment the same day.",
    "The outage was the vendor's fault, but I still rewrote our retry logic and told every client.",
    "I looked at the other invoices and found two more with the same coding error.",
    "Rather than go with my gut, I pulled three years of order history.",
    "To her, it was the clinic's mistake, and I was the clinic, so I apologised.",
    "I told leadership at the review that we'd missed the date and what I'd changed.",
    "I didn't look at the dashboard first; I called the two customers who complained.",
    "The shutdown cost us half a day, which we made up by the Friday.",
    "I realised while reusing the model for another job that I had missed the holiday effect.",
    "There was no time for a full study, so we ran five hallway tests instead.",
    "There was no time for testing in the lab, so we ran a quick check with two nurses.",
    "I mentioned in the review that the flaky test came from a shared fixture, and fixed it.",
    "Nobody was hurt, and we rewrote the lockout procedure that week.",
    "Instead of telling her what to change, I asked what problem each screen was solving.",
    "I plugged the new test data into the regression suite and added it to the template.",
    "I asked which account the app uses, because it should have only the rights it needs.",
    "I worked out the cause: the export didn't include the currency, so totals were mixed.",
    "Rather than backdating the form, I asked the sponsor to approve the late change.",
    "I shared the supplier-level figures with the steering group the same day.",
    "I filled in an incident report and told the patient's family that afternoon.",
    "Escalating would have meant a long review, but I raised it that morning anyway.",
    "I left the final sign-off to the safety lead and checked it with her the next day.",
    "Five interviews showed people didn't see the point of budgets until they saw their data.",
    "I read twenty reports and saw he left out the steps to reproduce and the versions.",
    "I found most users never opened the export screen, so I ran six interviews.",
    "I charted the dose at the time I gave it and told the charge nurse it was late.",
    "I skipped the jargon and started with one slide on what it would save.",
    "I raised it with the site manager that morning and logged it on the system.",
    "Luckily nothing happened, but I reported it as a near miss and we changed the checklist.",
    "I didn't want to be the one who missed it, so I checked every line with a colleague.",
    "The plan said to reassess at six, so I waited until the morning round and handed it over.",
    "The client assumed we knew best, so I walked them through the options and let them choose.",
    "My manager was busy, so I asked the deputy to review the refund with me instead.",
    "I told the team to skip the weekly status slides and use the hour for the backlog.",
    "I told him to keep using the old form until the new one was approved.",
    "It was fine in the end because we had rehearsed the failover the month before.",
    "She couldn't reach me while I was in theatre, so I now leave my bleep with a colleague.",
    "When the hoist felt slack I tagged it out and told the shift lead.",
    "I posted the correction in one entry so the change would be easy to trace.",
    "I re-ran the survey cut by region until the sample sizes were large enough to report.",
    "I promised the client a fix by Friday after engineering confirmed the date.",
    "The alarm limits were set too tight, so I asked the doctor to review them.",
    "I told them to work around the closed lane by using the north gate.",
    "I changed the delivery dates in the system to show the new slots the customer agreed.",
    "Nothing came of it at first, so I raised it again at the monthly review.",
    "It was far above my approval limit, so I took it to my manager.",
]


@pytest.mark.parametrize("sentence", RED_FLAGS)
def test_a_red_flag_in_the_speakers_own_story_is_found(sentence: str) -> None:
    assert conduct.red_flags(sentence), sentence


@pytest.mark.parametrize("sentence", SOUND_STORIES)
def test_a_sound_story_or_a_red_flag_set_aside_is_not(sentence: str) -> None:
    assert not conduct.red_flags(sentence), [f.kind for f in conduct.red_flags(sentence)]


STORY_QUESTION = "Tell me about a time you found a mistake in your own work after it had gone out."
STORY_POINTS = [
    "I told my manager about the mistake as soon as I found it",
    "I corrected the error and checked what else it had affected",
    "I changed the process so the same mistake could not happen again",
]
SOUND = ("Last spring I found that a report I had sent the finance team double-counted refunds. "
         "I told my manager within the hour, corrected the query, and checked the three other "
         "reports that used it. Then I added a reconciliation step to the release checklist, and "
         "we have not had a repeat in six months.")
PROUD_OF_HIDING = ("Last spring I found that a report I had sent the finance team double-counted "
                   "refunds. I didn't want to worry anyone, so I didn't tell my manager and fixed "
                   "the numbers quietly in the next month's report. Nobody noticed, and the team "
                   "kept using the report for six months, which I count as a success.")


def test_a_story_told_proudly_with_a_red_flag_scores_below_a_sound_one() -> None:
    def grade(answer: str):
        return grade_answer(GradingInput(STORY_QUESTION, "behavioral", STORY_POINTS, answer,
                                         (60, 280), star=True))

    sound, hiding = grade(SOUND), grade(PROUD_OF_HIDING)
    assert not [c for c in sound.wrong_claims if c["kind"] == "conduct"]
    flagged = [c for c in hiding.wrong_claims if c["kind"] == "conduct"]
    assert flagged and flagged[0]["misconception"].startswith("a red flag")
    assert hiding.overall <= 45 < sound.overall


MISTAKE_QUESTION = "Tell me about a mistake you made at work and what you did about it."


@pytest.mark.parametrize("sentence", [
    "I sent the price update without testing it on a real account, and it broke checkout.",
    "I didn't check the formula against last month's file before the report went out.",
    "I didn't ask the night nurse about the patient's evening dose before I gave mine.",
])
def test_the_step_left_out_is_the_mistake_a_mistake_question_asks_for(sentence: str) -> None:
    assert conduct.red_flags(sentence), sentence  # a red flag in any other story
    assert not conduct.red_flags(sentence, MISTAKE_QUESTION), sentence


@pytest.mark.parametrize("sentence", [
    "I didn't tell my manager and fixed the numbers quietly the next month.",
    "I blamed the intern for the wrong figures in front of the client.",
])
def test_hiding_or_blaming_is_a_red_flag_in_a_mistake_story_too(sentence: str) -> None:
    assert conduct.red_flags(sentence, MISTAKE_QUESTION), sentence
